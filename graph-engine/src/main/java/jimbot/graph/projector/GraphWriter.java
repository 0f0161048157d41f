package jimbot.graph.projector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jimbot.graph.store.CypherFiles;
import jimbot.graph.store.GraphStore;

/**
 * Turns a batch of {@link GraphChange}s into the projector's {@code UNWIND $rows AS row MERGE …} statements (from the
 * cypher module), one statement per kind of change, merging repeated changes to the same node first, in an order
 * where everything a statement matches was written before it.
 */
final class GraphWriter {

    private static final String RUNS = CypherFiles.statement("projector/runs.cypher");
    private static final String ROUNDS = CypherFiles.statement("projector/rounds.cypher");
    private static final String BLINDS = CypherFiles.statement("projector/blinds.cypher");
    private static final String HANDS = CypherFiles.statement("projector/hands.cypher");
    private static final String HELD = CypherFiles.statement("projector/held.cypher");
    private static final String BOUGHT = CypherFiles.statement("projector/bought.cypher");
    private static final String SOLD = CypherFiles.statement("projector/sold.cypher");
    private static final String DECISIONS = CypherFiles.statement("projector/decisions.cypher");

    private GraphWriter() {
    }

    static String roundId(String run, int round) {
        return run + ":r" + round;
    }

    static List<GraphStore.Statement> statements(List<GraphChange> changes) {
        Map<String, Map<String, Object>> runs = new LinkedHashMap<>();
        Map<String, Map<String, Object>> rounds = new LinkedHashMap<>();
        List<Map<String, Object>> blinds = new ArrayList<>();
        Map<String, Map<String, Object>> hands = new LinkedHashMap<>();
        Map<String, Map<String, Object>> held = new LinkedHashMap<>();
        List<Map<String, Object>> bought = new ArrayList<>();
        List<Map<String, Object>> sold = new ArrayList<>();
        Map<String, Map<String, Object>> decisions = new LinkedHashMap<>();
        for (GraphChange c : changes) {
            switch (c) {
                case GraphChange.RunUpsert r -> {
                    Map<String, Object> row = runs.computeIfAbsent(r.runId(), id -> row("id", id, "first", new HashMap<>(),
                            "props", new HashMap<>()));
                    @SuppressWarnings("unchecked")
                    Map<String, Object> first = (Map<String, Object>) row.get("first");
                    first.putAll(r.first());
                    props(row).putAll(r.props());
                }
                case GraphChange.RoundUpsert r -> {
                    String id = roundId(r.runId(), r.round());
                    Map<String, Object> row = rounds.computeIfAbsent(id, k -> row("run_id", r.runId(), "id", id,
                            "ante_id", r.runId() + ":a" + r.ante(), "ante", (long) r.ante(), "props", new HashMap<>()));
                    props(row).putAll(r.props());
                }
                case GraphChange.BlindFaced b -> blinds.add(row("round_id", roundId(b.runId(), b.round()), "name", b.name(),
                        "boss", b.boss()));
                case GraphChange.HandPlayed h -> {
                    Map<String, Object> row = hands.computeIfAbsent(h.handId(), id -> row("round_id",
                            roundId(h.runId(), h.round()), "id", id, "props", new HashMap<>(), "jokers", new ArrayList<>()));
                    props(row).putAll(h.props());
                    if (!h.jokers().isEmpty()) {
                        List<Map<String, Object>> slots = new ArrayList<>();
                        for (GraphChange.JokerSlot j : h.jokers()) {
                            slots.add(row("key", j.key(), "name", j.name(), "slot", (long) j.slot()));
                        }
                        row.put("jokers", slots);
                    }
                }
                case GraphChange.Held h -> held.put(h.runId() + "|" + h.instance() + "|" + h.fromRound(), row(
                        "run_id", h.runId(), "key", h.key(), "name", h.name(), "instance", h.instance(),
                        "from_round", (long) h.fromRound(), "to_round", h.toRound() < 0 ? null : (Object) (long) h.toRound(),
                        "slot", (long) h.slot(), "edition", h.edition()));
                case GraphChange.Bought b -> bought.add(row("run_id", b.runId(), "key", b.key(), "name", b.name(),
                        "offset", b.offset(), "round", (long) b.round(), "ante", (long) b.ante(), "cost", b.cost()));
                case GraphChange.Sold s -> sold.add(row("run_id", s.runId(), "key", s.key(), "name", s.name(),
                        "offset", s.offset(), "round", (long) s.round(), "ante", (long) s.ante(), "value", s.value(),
                        "how", s.how()));
                case GraphChange.Decision d -> {
                    Map<String, Object> row = decisions.computeIfAbsent(d.id(), id -> row("run_id", d.runId(), "id", id,
                            "round_id", roundId(d.runId(), d.round()), "props", new HashMap<>(), "next_hand_id", null));
                    props(row).putAll(d.props());
                    if (!d.nextHandId().isEmpty()) {
                        row.put("next_hand_id", d.nextHandId());
                    }
                }
            }
        }
        List<GraphStore.Statement> out = new ArrayList<>();
        add(out, RUNS, runs.values());
        add(out, ROUNDS, rounds.values());
        add(out, BLINDS, blinds);
        add(out, HANDS, hands.values());
        add(out, HELD, held.values());
        add(out, BOUGHT, bought);
        add(out, SOLD, sold);
        add(out, DECISIONS, decisions.values());
        return out;
    }

    private static void add(List<GraphStore.Statement> out, String cypher, java.util.Collection<Map<String, Object>> rows) {
        if (!rows.isEmpty()) {
            out.add(new GraphStore.Statement(cypher, Map.of("rows", new ArrayList<>(rows))));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(Map<String, Object> row) {
        return (Map<String, Object>) row.get("props");
    }

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
