package jimbot.graph.store;

import java.util.List;
import java.util.Map;

/**
 * Prepares a graph database for the engine: the dialect's schema, the joker catalog nodes, and the projector's
 * statements planned once. Idempotent.
 */
public final class GraphSetup {

    private static final System.Logger LOG = System.getLogger(GraphSetup.class.getName());

    private GraphSetup() {
    }

    /**
     * Applies the schema and seeds the catalog.
     *
     * @param catalog one row per joker: {key, name, rarity, cost, type, timing, blueprint_compatible}
     */
    public static void prepare(GraphStore store, List<Map<String, Object>> catalog) {
        for (String statement : CypherFiles.schema(store.dialect())) {
            store.schema(statement);
        }
        store.write(List.of(new GraphStore.Statement(CypherFiles.statement("projector/catalog.cypher"),
                Map.of("rows", catalog))));
        // plan each projector statement once, with nothing to write, so the first real batch does not pay for planning
        for (String file : List.of("runs", "rounds", "blinds", "hands", "held", "bought", "sold", "decisions")) {
            store.write(List.of(new GraphStore.Statement(CypherFiles.statement("projector/" + file + ".cypher"),
                    Map.of("rows", List.of()))));
        }
        LOG.log(System.Logger.Level.INFO, "graph prepared dialect={0} jokers={1}", store.dialect(), catalog.size());
    }
}
