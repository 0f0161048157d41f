// Deletes up to $batch nodes with their relationships (graph rebuild); run until the graph is empty.
MATCH (n)
WITH n LIMIT $batch
DETACH DELETE n
