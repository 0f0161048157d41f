// Opens or closes the interval a run held a joker. $rows: [{run_id, key, name, instance, from_round, to_round, slot, edition}]
UNWIND $rows AS row
MATCH (r:Run {id: row.run_id})
MERGE (k:Joker {key: row.key})
ON CREATE SET k.name = row.name
MERGE (r)-[h:HELD {instance: row.instance, from_round: row.from_round}]->(k)
SET h.to_round = row.to_round, h.slot = row.slot, h.edition = row.edition
