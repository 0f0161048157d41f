// Jokers bought in the shop. $rows: [{run_id, key, name, offset, round, ante, cost}]
UNWIND $rows AS row
MATCH (r:Run {id: row.run_id})
MERGE (k:Joker {key: row.key})
ON CREATE SET k.name = row.name
MERGE (r)-[b:BOUGHT {offset: row.offset}]->(k)
SET b.round = row.round, b.ante = row.ante, b.cost = row.cost
