// answers: The jokers sold most often, and how late in a run on average.
// param: limit integer 20 How many jokers to return.
MATCH (:Run)-[s:SOLD]->(j:Joker)
RETURN j.name AS joker, count(*) AS sold, avg(s.round) AS avg_round
ORDER BY sold DESC, joker
LIMIT $limit
