// answers: How many rounds each joker is kept before it is sold or lost, on average.
MATCH (:Run)-[h:HELD]->(j:Joker)
WHERE h.to_round IS NOT NULL
RETURN j.name AS joker, avg(h.to_round - h.from_round) AS avg_rounds_held, count(*) AS holdings
ORDER BY avg_rounds_held DESC, joker
