// The jokers each finished run bought and sold, in the order it did so (patterns.sequences).
// $outcome: 'won', 'lost' or 'all'.
MATCH (r:Run)
WHERE r.ended IS NOT NULL AND ($outcome = 'all' OR r.won = ($outcome = 'won'))
OPTIONAL MATCH (r)-[m:BOUGHT|SOLD]->(j:Joker)
WITH r, m, j
ORDER BY r.id, m.offset
RETURN r.id AS run, collect(CASE WHEN m IS NULL THEN null WHEN type(m) = 'BOUGHT' THEN 'buy ' + j.key ELSE 'sell ' + j.key END) AS moves
