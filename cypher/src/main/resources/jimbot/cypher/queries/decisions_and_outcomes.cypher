// answers: For each command the AI sent, how often it was followed by a hand and how that hand scored.
MATCH (:Run)-[:DECIDED]->(d:Decision)
OPTIONAL MATCH (d)-[:FOLLOWED_BY]->(h:Hand)
RETURN d.type AS command, count(d) AS issued, count(h) AS followed_by_hand, avg(h.score) AS avg_next_hand_score
ORDER BY issued DESC, command
