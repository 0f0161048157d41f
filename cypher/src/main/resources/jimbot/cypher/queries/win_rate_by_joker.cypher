// answers: Win rate of finished runs that held each joker at some point, best first.
// param: min_runs integer 5 Fewest finished runs holding a joker for it to be listed.
MATCH (r:Run)-[:HELD]->(j:Joker)
WHERE r.ended IS NOT NULL
WITH j, count(DISTINCT r) AS runs, count(DISTINCT CASE WHEN r.won THEN r END) AS wins
WHERE runs >= $min_runs
RETURN j.name AS joker, runs, wins, toFloat(wins) / runs AS win_rate
ORDER BY win_rate DESC, runs DESC
