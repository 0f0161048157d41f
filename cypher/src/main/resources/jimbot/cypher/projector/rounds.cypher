// Creates or updates rounds with their ante. $rows: [{run_id, id, ante_id, ante, props: {number, ante, ...}}]
UNWIND $rows AS row
MERGE (r:Run {id: row.run_id})
MERGE (a:Ante {id: row.ante_id})
SET a.run_id = row.run_id, a.number = row.ante
MERGE (r)-[:REACHED]->(a)
MERGE (o:Round {id: row.id})
SET o += row.props, o.run_id = row.run_id
MERGE (r)-[:PLAYED_ROUND]->(o)
MERGE (a)-[:HAS_ROUND]->(o)
