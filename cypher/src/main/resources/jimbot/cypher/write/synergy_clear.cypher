// Removes every SYNERGY relationship before a fresh snapshot is written.
MATCH (:Joker)-[s:SYNERGY]->(:Joker)
DELETE s
