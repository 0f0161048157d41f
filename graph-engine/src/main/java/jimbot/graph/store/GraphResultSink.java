package jimbot.graph.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jimbot.graph.procedures.ProcedureContext;

/**
 * Writes procedure results into the graph with the statements of the cypher module's {@code write/} folder. A
 * relationship type is accepted only where a statement file exists for it, so no Cypher is ever built from a string.
 */
public final class GraphResultSink implements ProcedureContext.ResultSink {

    private final GraphStore store;

    public GraphResultSink(GraphStore store) {
        this.store = store;
    }

    @Override
    public void jokerProperties(Map<String, Map<String, Object>> byKey) {
        List<Map<String, Object>> rows = new ArrayList<>();
        byKey.forEach((k, props) -> rows.add(Map.of("key", k, "props", props)));
        store.write(List.of(new GraphStore.Statement(CypherFiles.statement("write/joker_properties.cypher"),
                Map.of("rows", rows))));
    }

    @Override
    public void jokerRelationships(String type, List<ProcedureContext.JokerLink> links) {
        String file = type.toLowerCase(Locale.ROOT);
        if (!file.matches("[a-z_]+")) {
            throw new IllegalArgumentException("relationship type '" + type + "' is not a word");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ProcedureContext.JokerLink l : links) {
            rows.add(Map.of("from", l.from(), "to", l.to(), "props", l.props()));
        }
        store.write(List.of(
                new GraphStore.Statement(CypherFiles.statement("write/" + file + "_clear.cypher"), Map.of()),
                new GraphStore.Statement(CypherFiles.statement("write/" + file + ".cypher"), Map.of("rows", rows))));
    }

    @Override
    public void patterns(String kind, List<ProcedureContext.Pattern> patterns) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ProcedureContext.Pattern p : patterns) {
            rows.add(Map.of("id", p.id(), "jokers", p.jokers(), "props", p.props()));
        }
        store.write(List.of(
                new GraphStore.Statement(CypherFiles.statement("write/patterns_clear.cypher"), Map.of("kind", kind)),
                new GraphStore.Statement(CypherFiles.statement("write/patterns.cypher"), Map.of("kind", kind, "rows", rows))));
    }
}
