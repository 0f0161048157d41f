// Schema for the embedded database (Neo4j 5). Idempotent: IF NOT EXISTS. One statement per blank-line block.

CREATE CONSTRAINT run_id IF NOT EXISTS FOR (r:Run) REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT ante_id IF NOT EXISTS FOR (a:Ante) REQUIRE a.id IS UNIQUE;

CREATE CONSTRAINT round_id IF NOT EXISTS FOR (o:Round) REQUIRE o.id IS UNIQUE;

CREATE CONSTRAINT hand_id IF NOT EXISTS FOR (h:Hand) REQUIRE h.id IS UNIQUE;

CREATE CONSTRAINT joker_key IF NOT EXISTS FOR (j:Joker) REQUIRE j.key IS UNIQUE;

CREATE CONSTRAINT blind_name IF NOT EXISTS FOR (b:Blind) REQUIRE b.name IS UNIQUE;

CREATE CONSTRAINT decision_id IF NOT EXISTS FOR (d:Decision) REQUIRE d.id IS UNIQUE;

CREATE INDEX run_won IF NOT EXISTS FOR (r:Run) ON (r.won);

CREATE INDEX round_run IF NOT EXISTS FOR (o:Round) ON (o.run_id);

CREATE INDEX hand_offset IF NOT EXISTS FOR (h:Hand) ON (h.offset);
