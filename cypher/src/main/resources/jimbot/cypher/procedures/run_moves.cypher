// The jokers each finished run bought and sold, and when it reordered its jokers, in the order it did so
// (patterns.sequences). $outcome: 'won', 'lost' or 'all'; $reorders: the decision types that reorder jokers.
MATCH (r:Run)
WHERE r.ended IS NOT NULL AND ($outcome = 'all' OR r.won = ($outcome = 'won'))
OPTIONAL MATCH (r)-[m:BOUGHT|SOLD]->(j:Joker)
WITH r, collect({offset: m.offset, move: CASE WHEN m IS NULL THEN null WHEN type(m) = 'BOUGHT' THEN 'buy ' + j.key ELSE 'sell ' + j.key END}) AS trades
OPTIONAL MATCH (r)-[:DECIDED]->(d:Decision)
WHERE d.type IN $reorders
WITH r, trades, collect({offset: d.offset, move: CASE WHEN d IS NULL THEN null ELSE 'reorder' END}) AS reorders
UNWIND trades + reorders AS x
WITH r, x
ORDER BY r.id, x.offset
RETURN r.id AS run, collect(x.move) AS moves
