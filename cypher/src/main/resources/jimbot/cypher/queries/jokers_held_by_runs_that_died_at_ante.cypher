// answers: Jokers held by the runs that died at a given ante, most common first.
// param: ante integer 1 The ante the runs died at.
MATCH (r:Run)
WHERE r.ended IS NOT NULL AND NOT coalesce(r.won, false) AND r.final_ante = $ante
MATCH (r)-[:HELD]->(j:Joker)
RETURN j.name AS joker, count(DISTINCT r) AS runs
ORDER BY runs DESC, joker
