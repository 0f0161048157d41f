// Commands from the AI and what followed. $rows: [{run_id, id, round_id, props, next_hand_id}]
UNWIND $rows AS row
MATCH (r:Run {id: row.run_id})
MERGE (d:Decision {id: row.id})
SET d += row.props
MERGE (r)-[:DECIDED]->(d)
WITH d, row
OPTIONAL MATCH (o:Round {id: row.round_id})
FOREACH (x IN CASE WHEN o IS NULL THEN [] ELSE [o] END | MERGE (d)-[:IN_ROUND]->(x))
WITH d, row
OPTIONAL MATCH (h:Hand {id: row.next_hand_id})
FOREACH (x IN CASE WHEN h IS NULL THEN [] ELSE [h] END | MERGE (d)-[:FOLLOWED_BY]->(x))
