// answers: A run's money and score round by round.
// param: run_id string - The run (its game id).
MATCH (:Run {id: $run_id})-[:PLAYED_ROUND]->(o:Round)
RETURN o.number AS round, o.ante AS ante, o.money AS money, o.score AS score, o.blind AS blind
ORDER BY round
