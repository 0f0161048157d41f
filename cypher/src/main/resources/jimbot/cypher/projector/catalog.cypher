// Seeds the joker catalog. $rows: [{key, name, rarity, cost, type, timing, blueprint_compatible}]
UNWIND $rows AS row
MERGE (j:Joker {key: row.key})
SET j.name = row.name, j.rarity = row.rarity, j.cost = row.cost, j.type = row.type, j.timing = row.timing,
    j.blueprint_compatible = row.blueprint_compatible
