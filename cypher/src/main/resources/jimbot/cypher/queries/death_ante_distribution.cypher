// answers: How many finished runs ended at each ante, and how many of them were wins.
MATCH (r:Run)
WHERE r.ended IS NOT NULL
RETURN r.final_ante AS ante, count(*) AS runs, sum(CASE WHEN r.won THEN 1 ELSE 0 END) AS wins
ORDER BY ante
