// answers: The runs that went furthest, highest ante and score first.
// param: limit integer 20 How many runs to return.
MATCH (r:Run)
RETURN r.id AS run, r.final_ante AS final_ante, r.won AS won, r.final_score AS final_score, r.started AS started
ORDER BY final_ante DESC, final_score DESC
LIMIT $limit
