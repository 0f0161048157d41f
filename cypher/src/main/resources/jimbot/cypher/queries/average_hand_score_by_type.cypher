// answers: How often each hand type is played and how much it scores on average and at best.
MATCH (h:Hand)
RETURN coalesce(h.type, 'unknown') AS hand, count(*) AS played, avg(h.score) AS avg_score, max(h.score) AS best
ORDER BY avg_score DESC
