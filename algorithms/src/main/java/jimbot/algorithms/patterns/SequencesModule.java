package jimbot.algorithms.patterns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jimbot.graph.procedures.Descriptor;
import jimbot.graph.procedures.Mode;
import jimbot.graph.procedures.ProcedureContext;
import jimbot.graph.procedures.ProcedureModule;
import jimbot.graph.procedures.ValueType;
import jimbot.graph.store.CypherFiles;

/**
 * {@code patterns.sequences}: the orders of joker purchases, sales and reorderings ("buy joker", then "reorder", then
 * "sell egg", ...) common in
 * won (lost, all) runs, found with PrefixSpan over the runs' moves read from the graph. Batch: it reads the moves on
 * each call.
 */
public final class SequencesModule implements ProcedureModule {

    private static final Descriptor DESCRIPTOR = new Descriptor("patterns.sequences", "0.1.0",
            "Sequences of joker purchases, sales and reorderings (in order, not necessarily adjacent) held by at least min_support of "
                    + "the won (or lost, or all) finished runs, found with PrefixSpan.",
            List.of(Descriptor.Parameter.optional("outcome", ValueType.STRING, "won", "won, lost or all"),
                    Descriptor.Parameter.optional("min_support", ValueType.FLOAT, 0.1, "least share of those runs")
                            .between(0.0001, 1),
                    Descriptor.Parameter.optional("max_length", ValueType.INTEGER, 3L, "most moves in a sequence").between(1, 6),
                    Descriptor.Parameter.optional("limit", ValueType.INTEGER, 100L, "most sequences returned").between(1, 10_000)),
            List.of(new Descriptor.Column("moves", ValueType.STRING_LIST, "the moves in order, e.g. [\"buy joker\", \"reorder\", \"sell egg\"]"),
                    new Descriptor.Column("runs", ValueType.INTEGER, "runs that made them in this order"),
                    new Descriptor.Column("support", ValueType.FLOAT, "runs / runs of that outcome")),
            EnumSet.of(Mode.STREAM, Mode.STATS, Mode.WRITE, Mode.ESTIMATE), true, "every run's moves, read per call");

    private static final String MOVES = CypherFiles.statement("procedures/run_moves.cypher");
    // decision types that reorder the jokers: the standalone mod's action name and aliases an agent may send

    private static final List<String> REORDERS = List.of("reorder_jokers", "rearrange_jokers", "move_joker", "swap_jokers");

    @Override
    public Descriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Map<String, Object>> call(Mode mode, Map<String, Object> params, ProcedureContext context) {
        if (mode == Mode.ESTIMATE) {
            return List.of(Map.of("memory", "every run's moves", "work", "one graph read and one PrefixSpan run per call"));
        }
        String outcome = Patterns.Outcome.parse(params.get("outcome")).name().toLowerCase(Locale.ROOT);
        List<List<String>> sequences = new ArrayList<>();
        for (Map<String, Object> row : context.graph().read(MOVES, Map.of("outcome", outcome, "reorders", REORDERS))) {
            List<String> moves = new ArrayList<>();
            for (Object m : (List<?>) row.get("moves")) {
                moves.add(String.valueOf(m));
            }
            sequences.add(moves);
        }
        long minCount = FrequentSets.minCount((Double) params.get("min_support"), sequences.size());
        List<Map.Entry<List<String>, Long>> found = sequences.isEmpty() ? new ArrayList<>()
                : new ArrayList<>(PrefixSpan.mine(sequences, minCount, ((Long) params.get("max_length")).intValue(),
                        context.cancellation()).entrySet());
        found.sort(Map.Entry.<List<String>, Long>comparingByValue().reversed()
                .thenComparing(Comparator.comparing((Map.Entry<List<String>, Long> e) -> e.getKey().size()).reversed())
                .thenComparing(e -> String.join(",", e.getKey())));
        int limit = ((Long) params.get("limit")).intValue();
        List<Map.Entry<List<String>, Long>> top = found.subList(0, Math.min(limit, found.size()));
        if (mode == Mode.STATS) {
            return List.of(Map.of("finished_runs", (long) sequences.size(), "sequences", (long) top.size()));
        }
        if (mode == Mode.WRITE) {
            // (:Pattern {kind: "sequence_<outcome>", moves, runs, support})-[:HAS_JOKER]->(:Joker), replacing that kind
            String kind = "sequence_" + outcome;
            context.sink().patterns(kind, top.stream().map(e -> new ProcedureContext.Pattern(
                    kind + ":" + String.join(">", e.getKey()),
                    e.getKey().stream().filter(m -> m.indexOf(' ') > 0).map(m -> m.substring(m.indexOf(' ') + 1)).distinct()
                            .toList(),
                    Map.<String, Object>of("moves", e.getKey(), "runs", e.getValue(),
                            "support", (double) e.getValue() / sequences.size()))).toList());
            return List.of(Map.of("patterns", (long) top.size()));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<List<String>, Long> e : top) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("moves", e.getKey());
            m.put("runs", e.getValue());
            m.put("support", (double) e.getValue() / sequences.size());
            out.add(m);
        }
        return out;
    }
}
