// Results on jokers (power, archetype, ...). $rows: [{key, props}]
UNWIND $rows AS row
MATCH (j:Joker {key: row.key})
SET j += row.props
