// graph.stats: relationships per type.
MATCH ()-[r]->()
RETURN type(r) AS name, count(*) AS count
ORDER BY name
