// answers: The pairs of jokers held together most often in won runs.
// param: min_runs integer 2 Fewest won runs holding both jokers.
// param: limit integer 20 How many pairs to return.
MATCH (r:Run {won: true})-[:HELD]->(a:Joker), (r)-[:HELD]->(b:Joker)
WHERE a.key < b.key
WITH a, b, count(DISTINCT r) AS runs
WHERE runs >= $min_runs
RETURN a.name AS joker_a, b.name AS joker_b, runs
ORDER BY runs DESC, joker_a, joker_b
LIMIT $limit
