package jimbot.algorithms.patterns;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jimbot.algorithms.synergy.FollowedRuns;
import jimbot.algorithms.synergy.SynergyStats;
import jimbot.graph.procedures.Descriptor;
import jimbot.graph.procedures.Mode;
import jimbot.graph.procedures.ProcedureContext;
import jimbot.graph.procedures.ProcedureModule;
import jimbot.graph.procedures.ValueType;
import jimbot.graph.projection.ProjectionDelta;

/**
 * {@code patterns.frequent}: frequent joker sets in won, lost or all finished runs (FP-Growth), with their win rate
 * and lift. The runs are kept up to date from the change feed; mining runs on each call over them.
 */
public final class PatternsModule implements ProcedureModule {

    private static final Descriptor DESCRIPTOR = new Descriptor("patterns.frequent", "0.1.0",
            "Joker sets held together in at least min_support of the won (or lost, or all) finished runs, found with "
                    + "FP-Growth, with the win rate and lift of every run holding them.",
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
            EnumSet.of(Mode.STREAM, Mode.STATS, Mode.WRITE, Mode.ESTIMATE), true, "the finished runs' joker sets; FP-tree per call");

    private final FollowedRuns runs = new FollowedRuns();

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
            return List.of(Map.of("memory", "one joker set per finished run", "work", "one FP-Growth run per call"));
        }
        Patterns.Outcome outcome = Patterns.Outcome.parse(params.get("outcome"));
        List<SynergyStats.FinishedRun> finished = runs.read(context.projection(), SynergyStats::finishedRuns);
        List<Patterns.Row> rows = Patterns.mine(finished, outcome, (Double) params.get("min_support"),
                ((Long) params.get("max_size")).intValue(), ((Long) params.get("limit")).intValue(), context.cancellation());
        if (mode == Mode.STATS) {
            return List.of(Map.of("finished_runs", (long) finished.size(), "sets", (long) rows.size()));
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
