// Creates or updates runs. $rows: [{id, first: {started, dialect, client, seed}, props: {ended, won, final_ante, ...}}]
// "first" is set only when the run node is created: a late event after a restart cannot move a run's start.
UNWIND $rows AS row
MERGE (r:Run {id: row.id})
ON CREATE SET r += row.first
SET r += row.props
