// answers: One run at a glance: outcome, rounds, hands, jokers held, bought and sold.
// param: run_id string - The run (its game id).
MATCH (r:Run {id: $run_id})
OPTIONAL MATCH (r)-[:PLAYED_ROUND]->(o:Round)
WITH r, count(DISTINCT o) AS rounds
OPTIONAL MATCH (r)-[:PLAYED_ROUND]->(:Round)-[:PLAYED]->(h:Hand)
WITH r, rounds, count(DISTINCT h) AS hands, max(h.score) AS best_hand
OPTIONAL MATCH (r)-[:HELD]->(j:Joker)
WITH r, rounds, hands, best_hand, collect(DISTINCT j.name) AS jokers
OPTIONAL MATCH (r)-[b:BOUGHT]->(:Joker)
WITH r, rounds, hands, best_hand, jokers, count(b) AS bought
OPTIONAL MATCH (r)-[s:SOLD]->(:Joker)
RETURN r.id AS run, r.won AS won, r.final_ante AS final_ante, r.final_score AS final_score, rounds, hands, best_hand,
       jokers, bought, count(s) AS sold
