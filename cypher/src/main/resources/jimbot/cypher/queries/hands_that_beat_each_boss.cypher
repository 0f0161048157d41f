// answers: For each boss blind, the hand types played in rounds that beat it, with how often and how well they scored.
MATCH (o:Round {completed: true})-[:FACED]->(b:Blind {boss: true})
MATCH (o)-[:PLAYED]->(h:Hand)
WITH b.name AS boss, coalesce(h.type, 'unknown') AS hand, count(h) AS hands, avg(h.score) AS avg_score
RETURN boss, hand, hands, avg_score
ORDER BY boss, hands DESC
