// graph.stats: nodes per label.
MATCH (n)
UNWIND labels(n) AS name
RETURN name, count(*) AS count
ORDER BY name
