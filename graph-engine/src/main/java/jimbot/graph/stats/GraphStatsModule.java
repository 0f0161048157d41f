package jimbot.graph.stats;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jimbot.graph.procedures.Descriptor;
import jimbot.graph.procedures.Mode;
import jimbot.graph.procedures.ProcedureContext;
import jimbot.graph.procedures.ProcedureModule;
import jimbot.graph.procedures.ValueType;
import jimbot.graph.store.CypherFiles;

/** {@code graph.stats}: how many nodes carry each label and how many relationships have each type. */
public final class GraphStatsModule implements ProcedureModule {

    private static final String LABELS = CypherFiles.statement("procedures/stats_labels.cypher");
    private static final String TYPES = CypherFiles.statement("procedures/stats_types.cypher");

    private static final Descriptor DESCRIPTOR = new Descriptor("graph.stats", "1.0.0",
            "Node counts by label and relationship counts by type.",
            List.of(),
            List.of(new Descriptor.Column("kind", ValueType.STRING, "label or relationship"),
                    new Descriptor.Column("name", ValueType.STRING, "the label or relationship type"),
                    new Descriptor.Column("count", ValueType.INTEGER, "how many")),
            EnumSet.of(Mode.STREAM, Mode.STATS, Mode.ESTIMATE), true,
            "one row per label and relationship type; no state");

    @Override
    public Descriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Map<String, Object>> call(Mode mode, Map<String, Object> params, ProcedureContext context) {
        if (mode == Mode.ESTIMATE) {
            return List.of(Map.of("memory", "O(labels + types) rows", "reads", "every node and relationship once"));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : context.graph().read(LABELS, Map.of())) {
            rows.add(row("label", r.get("name"), r.get("count")));
        }
        context.cancellation().check();
        for (Map<String, Object> r : context.graph().read(TYPES, Map.of())) {
            rows.add(row("relationship", r.get("name"), r.get("count")));
        }
        if (mode == Mode.STATS) {
            long nodes = 0;
            long relationships = 0;
            for (Map<String, Object> r : rows) {
                long n = ((Number) r.get("count")).longValue();
                if (r.get("kind").equals("label")) {
                    nodes += n;
                } else {
                    relationships += n;
                }
            }
            return List.of(Map.of("labelled_nodes", nodes, "relationships", relationships, "kinds", (long) rows.size()));
        }
        return rows;
    }

    private static Map<String, Object> row(String kind, Object name, Object count) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("name", name);
        m.put("count", count);
        return m;
    }
}
