// Links rounds to the blind faced. $rows: [{round_id, name, boss}]
UNWIND $rows AS row
MATCH (o:Round {id: row.round_id})
MERGE (b:Blind {name: row.name})
SET b.boss = row.boss
MERGE (o)-[:FACED]->(b)
SET o.blind = row.name, o.boss = row.boss
