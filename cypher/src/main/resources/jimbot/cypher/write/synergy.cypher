// Writes synergy between jokers. $rows: [{from, to, props: {lift, uplift, lo, hi, runs, updated}}]
UNWIND $rows AS row
MATCH (a:Joker {key: row.from}), (b:Joker {key: row.to})
MERGE (a)-[s:SYNERGY]->(b)
SET s += row.props
