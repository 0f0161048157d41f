package jimbot.algorithms.patterns;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jimbot.algorithms.synergy.FollowedRuns;
import jimbot.algorithms.synergy.SynergyStats;
import jimbot.graph.procedures.Descriptor;
import jimbot.graph.procedures.Mode;
import jimbot.graph.procedures.ProcedureContext;
import jimbot.graph.procedures.ProcedureModule;
import jimbot.graph.procedures.ValueType;
import jimbot.graph.projection.ProjectionDelta;

/** {@code patterns.rules}: association rules between jokers in won, lost or all finished runs (see {@link Rules}). */
public final class RulesModule implements ProcedureModule {

    private static final Descriptor DESCRIPTOR = new Descriptor("patterns.rules", "0.1.0",
            "Association rules between jokers (runs holding these also hold that) with support, confidence and lift, "
                    + "from the FP-Growth frequent sets of the won (or lost, or all) finished runs.",
            List.of(Descriptor.Parameter.optional("outcome", ValueType.STRING, "won", "won, lost or all"),
                    Descriptor.Parameter.optional("min_support", ValueType.FLOAT, 0.05, "least share of runs holding both sides")
                            .between(0.0001, 1),
                    Descriptor.Parameter.optional("min_confidence", ValueType.FLOAT, 0.5, "least confidence").between(0, 1),
                    Descriptor.Parameter.optional("max_size", ValueType.INTEGER, 4L, "most jokers in a rule").between(2, 8),
                    Descriptor.Parameter.optional("limit", ValueType.INTEGER, 100L, "most rules returned").between(1, 10_000)),
            List.of(new Descriptor.Column("antecedent", ValueType.LIST, "joker keys held"),
                    new Descriptor.Column("consequent", ValueType.STRING, "the joker also held"),
                    new Descriptor.Column("runs", ValueType.INTEGER, "runs holding both sides"),
                    new Descriptor.Column("support", ValueType.FLOAT, "runs / runs mined"),
                    new Descriptor.Column("confidence", ValueType.FLOAT, "runs / runs holding the antecedent"),
                    new Descriptor.Column("lift", ValueType.FLOAT, "confidence / share of runs holding the consequent")),
            EnumSet.of(Mode.STREAM, Mode.ESTIMATE), true, "the finished runs' joker sets; FP-tree per call");

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
        return Rules.mine(finished, outcome, (Double) params.get("min_support"), (Double) params.get("min_confidence"),
                ((Long) params.get("max_size")).intValue(), ((Long) params.get("limit")).intValue(), context.cancellation())
                .stream().map(r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("antecedent", r.antecedent());
                    m.put("consequent", r.consequent());
                    m.put("runs", r.runs());
                    m.put("support", r.support());
                    m.put("confidence", r.confidence());
                    m.put("lift", r.lift());
                    return (Map<String, Object>) m;
                }).toList();
    }
}
