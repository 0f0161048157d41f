// answers: The latest runs, newest first.
// param: limit integer 20 How many runs to return.
MATCH (r:Run)
RETURN r.id AS run, r.started AS started, r.ended AS ended, r.won AS won, r.final_ante AS final_ante,
       r.dialect AS dialect
ORDER BY started DESC
LIMIT $limit
