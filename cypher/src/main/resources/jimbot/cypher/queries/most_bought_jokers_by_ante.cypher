// answers: Which jokers are bought most at each ante.
MATCH (:Run)-[b:BOUGHT]->(j:Joker)
RETURN b.ante AS ante, j.name AS joker, count(*) AS bought
ORDER BY ante, bought DESC, joker
