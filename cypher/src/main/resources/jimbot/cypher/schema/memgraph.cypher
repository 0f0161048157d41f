// Schema for Memgraph. Memgraph has no IF NOT EXISTS: the engine ignores "already exists" errors.
// One statement per blank-line block.

CREATE CONSTRAINT ON (r:Run) ASSERT r.id IS UNIQUE;

CREATE CONSTRAINT ON (a:Ante) ASSERT a.id IS UNIQUE;

CREATE CONSTRAINT ON (o:Round) ASSERT o.id IS UNIQUE;

CREATE CONSTRAINT ON (h:Hand) ASSERT h.id IS UNIQUE;

CREATE CONSTRAINT ON (j:Joker) ASSERT j.key IS UNIQUE;

CREATE CONSTRAINT ON (b:Blind) ASSERT b.name IS UNIQUE;

CREATE CONSTRAINT ON (d:Decision) ASSERT d.id IS UNIQUE;

CREATE INDEX ON :Run(id);

CREATE INDEX ON :Ante(id);

CREATE INDEX ON :Round(id);

CREATE INDEX ON :Hand(id);

CREATE INDEX ON :Joker(key);

CREATE INDEX ON :Blind(name);

CREATE INDEX ON :Decision(id);

CREATE INDEX ON :Run(won);

CREATE INDEX ON :Round(run_id);

CREATE INDEX ON :Hand(offset);
