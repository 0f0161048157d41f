// Removes the pattern nodes of one kind before a fresh snapshot is written. $kind
MATCH (p:Pattern {kind: $kind})
DETACH DELETE p
