// Writes pattern nodes linked to their jokers. $kind, $rows: [{id, jokers: [key], props}]
UNWIND $rows AS row
MERGE (p:Pattern {id: row.id})
SET p += row.props, p.kind = $kind
WITH p, row
UNWIND row.jokers AS key
MATCH (j:Joker {key: key})
MERGE (p)-[:HAS_JOKER]->(j)
