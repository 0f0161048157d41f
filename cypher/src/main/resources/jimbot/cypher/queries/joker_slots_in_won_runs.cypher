// answers: Where players of won runs keep each joker: how many hands it was played from each slot.
MATCH (:Run {won: true})-[:PLAYED_ROUND]->(:Round)-[:PLAYED]->(:Hand)-[w:WITH_JOKER]->(j:Joker)
RETURN j.name AS joker, w.slot AS slot, count(*) AS hands
ORDER BY joker, slot
