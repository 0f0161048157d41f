// Jokers sold (or lost). $rows: [{run_id, key, name, offset, round, ante, value, how}]
UNWIND $rows AS row
MATCH (r:Run {id: row.run_id})
MERGE (k:Joker {key: row.key})
ON CREATE SET k.name = row.name
MERGE (r)-[s:SOLD {offset: row.offset}]->(k)
SET s.round = row.round, s.ante = row.ante, s.value = row.value, s.how = row.how
