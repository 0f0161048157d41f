// answers: Win rate of finished runs by how many distinct jokers they held.
MATCH (r:Run)
WHERE r.ended IS NOT NULL
OPTIONAL MATCH (r)-[:HELD]->(j:Joker)
WITH r, count(DISTINCT j) AS jokers
RETURN jokers, count(r) AS runs, toFloat(sum(CASE WHEN r.won THEN 1 ELSE 0 END)) / count(r) AS win_rate
ORDER BY jokers
