// Creates or updates hands played in a round, with the jokers held. $rows: [{round_id, id, props, jokers: [{key, name, slot}]}]
UNWIND $rows AS row
MATCH (o:Round {id: row.round_id})
MERGE (h:Hand {id: row.id})
SET h += row.props
MERGE (o)-[:PLAYED]->(h)
WITH h, row
UNWIND row.jokers AS j
MERGE (k:Joker {key: j.key})
ON CREATE SET k.name = j.name
MERGE (h)-[w:WITH_JOKER {slot: j.slot}]->(k)
