package jimbot.algorithms.patterns;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jimbot.algorithms.synergy.FollowedRuns;
import jimbot.graph.procedures.Descriptor;
import jimbot.graph.procedures.Mode;
import jimbot.graph.procedures.ProcedureContext;
import jimbot.graph.procedures.ProcedureModule;
import jimbot.graph.procedures.ValueType;
import jimbot.graph.projection.ProjectionDelta;

/**
 * {@code patterns.frequent}: frequent joker sets in won, lost or all finished runs, with their win rate and lift. The
 * sets are kept up to date as runs finish ({@link KeptPatterns}); an ask below what is kept is mined with FP-Growth.
 */
public final class PatternsModule implements ProcedureModule {

    private static final Descriptor DESCRIPTOR = new Descriptor("patterns.frequent", "0.2.0",
            "Joker sets held together in at least min_support of the won (or lost, or all) finished runs, kept up to "
                    + "date as runs finish (equal to a batch FP-Growth run), with the win rate and lift of every run holding them.",
            List.of(Descriptor.Parameter.optional("outcome", ValueType.STRING, "won", "won, lost or all"),
                    Descriptor.Parameter.optional("min_support", ValueType.FLOAT, 0.05, "least share of those runs holding the set")
                            .between(0.0001, 1),
                    Descriptor.Parameter.optional("max_size", ValueType.INTEGER, 4L, "most jokers in a set").between(2, 8),
                    Descriptor.Parameter.optional("limit", ValueType.INTEGER, 100L, "most sets returned").between(1, 10_000)),
            List.of(new Descriptor.Column("jokers", ValueType.LIST, "the joker keys, sorted"),
                    new Descriptor.Column("runs", ValueType.INTEGER, "runs of that outcome holding them"),
                    new Descriptor.Column("support", ValueType.FLOAT, "runs / runs of that outcome"),
                    new Descriptor.Column("held", ValueType.INTEGER, "finished runs of any outcome holding them"),
                    new Descriptor.Column("wins", ValueType.INTEGER, "of those, runs won"),
                    new Descriptor.Column("win_rate", ValueType.FLOAT, "wins / held"),
                    new Descriptor.Column("lift", ValueType.FLOAT, "win_rate / the baseline win rate")),
            EnumSet.of(Mode.STREAM, Mode.STATS, Mode.WRITE, Mode.ESTIMATE), true, "the finished runs' joker sets; frequent sets kept down to 0.1 % support");

    private final KeptPatterns kept = new KeptPatterns();
    private final FollowedRuns runs = new FollowedRuns(kept);

    @Override
    public Descriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void onDeltas(List<ProjectionDelta> deltas) {
        runs.apply(deltas);
    }

    @Override
    public List<Map<String, Object>> call(Mode mode, Map<String, Object> params, ProcedureContext context) {
        if (mode == Mode.ESTIMATE) {
            return List.of(Map.of("memory", "one joker set per finished run and the sets frequent at 0.1 % with their border",
                    "work", "up to 2^k set lookups per finished run of k jokers; a scan of the kept sets per call"));
        }
        Patterns.Outcome outcome = Patterns.Outcome.parse(params.get("outcome"));
        double support = (Double) params.get("min_support");
        int maxSize = ((Long) params.get("max_size")).intValue();
        record Mined(List<Patterns.Row> rows, long finished, boolean kept, int tracked) {
        }
        Mined mined = runs.read(context.projection(), stats -> new Mined(Patterns.mine(kept, outcome, support, maxSize,
                ((Long) params.get("limit")).intValue(), context.cancellation()), kept.runs(Patterns.Outcome.ALL),
                kept.kept(outcome, support, maxSize), kept.size().get(outcome)));
        List<Patterns.Row> rows = mined.rows();
        if (mode == Mode.STATS) {
            return List.of(Map.of("finished_runs", mined.finished(), "sets", (long) rows.size(), "kept", mined.kept(),
                    "kept_sets", (long) mined.tracked()));
        }
        if (mode == Mode.WRITE) {
            // (:Pattern {kind: "frequent_<outcome>", ...})-[...]->(:Joker), replacing the last write of that kind
            String kind = "frequent_" + outcome.name().toLowerCase(Locale.ROOT);
            context.sink().patterns(kind, rows.stream().map(r -> new ProcedureContext.Pattern(kind + ":" + String.join("+", r.jokers()),
                    r.jokers(), Map.<String, Object>of("runs", r.runs(), "support", r.support(), "win_rate", r.winRate(),
                            "lift", r.lift()))).toList());
            return List.of(Map.of("patterns", (long) rows.size()));
        }
        return rows.stream().map(PatternsModule::row).toList();
    }

    private static Map<String, Object> row(Patterns.Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jokers", r.jokers());
        m.put("runs", r.runs());
        m.put("support", r.support());
        m.put("held", r.held());
        m.put("wins", r.wins());
        m.put("win_rate", r.winRate());
        m.put("lift", r.lift());
        return m;
    }
}
