package jimbot.algorithms.patterns;

import java.util.ArrayList;
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

/** {@code patterns.rules}: association rules between jokers in won, lost or all finished runs (see {@link Rules}). */
public final class RulesModule implements ProcedureModule {

    private static final Descriptor DESCRIPTOR = new Descriptor("patterns.rules", "0.2.0",
            "Association rules between jokers (runs holding these also hold that) with support, confidence and lift, "
                    + "from the frequent sets of the won (or lost, or all) finished runs kept as runs finish (see patterns.frequent).",
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
            EnumSet.of(Mode.STREAM, Mode.STATS, Mode.WRITE, Mode.ESTIMATE), true,
            "the finished runs' joker sets; frequent sets kept down to 0.1 % support");

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
                    "work", "up to 2^k set lookups per finished run of k jokers; the rules of the kept sets per call"));
        }
        Patterns.Outcome outcome = Patterns.Outcome.parse(params.get("outcome"));
        record Mined(List<Rules.Rule> rules, long finished) {
        }
        Mined mined = runs.read(context.projection(), stats -> new Mined(Rules.mine(kept, outcome,
                (Double) params.get("min_support"), (Double) params.get("min_confidence"),
                ((Long) params.get("max_size")).intValue(), ((Long) params.get("limit")).intValue(), context.cancellation()),
                kept.runs(Patterns.Outcome.ALL)));
        List<Rules.Rule> rules = mined.rules();
        if (mode == Mode.STATS) {
            return List.of(Map.of("finished_runs", mined.finished(), "rules", (long) rules.size()));
        }
        if (mode == Mode.WRITE) {
            // (:Pattern {kind: "rule_<outcome>", antecedent, consequent, ...})-[:HAS_JOKER]->(:Joker), replacing that kind
            String kind = "rule_" + outcome.name().toLowerCase(Locale.ROOT);
            context.sink().patterns(kind, rules.stream().map(r -> {
                List<String> jokers = new ArrayList<>(r.antecedent());
                jokers.add(r.consequent());
                return new ProcedureContext.Pattern(kind + ":" + String.join("+", r.antecedent()) + ">" + r.consequent(), jokers,
                        Map.<String, Object>of("antecedent", r.antecedent(), "consequent", r.consequent(), "runs", r.runs(),
                                "support", r.support(), "confidence", r.confidence(), "lift", r.lift()));
            }).toList());
            return List.of(Map.of("patterns", (long) rules.size()));
        }
        return rules.stream().map(r -> {
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
