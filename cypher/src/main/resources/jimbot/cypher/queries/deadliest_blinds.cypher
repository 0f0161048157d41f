// answers: The blinds lost runs faced in their last round: which blinds end runs.
MATCH (r:Run)-[:PLAYED_ROUND]->(o:Round)
WHERE r.ended IS NOT NULL AND NOT coalesce(r.won, false)
WITH r, max(o.number) AS last
MATCH (r)-[:PLAYED_ROUND]->(o:Round {number: last})-[:FACED]->(b:Blind)
RETURN b.name AS blind, b.boss AS boss, count(DISTINCT r) AS deaths
ORDER BY deaths DESC, blind
