package jimbot.algorithms.synergy;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jimbot.algorithms.catalog.JokerCatalog;
import jimbot.algorithms.catalog.JokerSpec;
import jimbot.graph.procedures.Descriptor;
import jimbot.graph.procedures.Mode;
import jimbot.graph.procedures.ProcedureContext;
import jimbot.graph.procedures.ProcedureModule;
import jimbot.graph.procedures.ValueType;
import jimbot.graph.projection.ProjectionDelta;

/**
 * {@code synergy.pairs}: joker pairs by uplift over what each joker does alone, kept up to date as runs finish and
 * hands score. The counts start from the projection on the first call and follow the change feed from then on.
 */
public final class SynergyModule implements ProcedureModule {

    private static final Descriptor DESCRIPTOR = new Descriptor("synergy.pairs", "0.2.0",
            "Joker pairs held together in finished runs (or, by score, in scored hands): win rate, the value expected if "
                    + "they were independent, lift, uplift with a 95% interval (anti-synergies are negative, never "
                    + "clamped), mean ante reached, how their hands score, and the same outcomes without the pair.",
            List.of(Descriptor.Parameter.optional("joker", ValueType.STRING, "", "only this joker's partners (empty: all pairs)"),
                    Descriptor.Parameter.optional("min_runs", ValueType.INTEGER, 3L,
                                    "fewest finished runs holding the pair (metric score: fewest scored hands holding it)")
                            .between(1, Long.MAX_VALUE),
                    Descriptor.Parameter.optional("limit", ValueType.INTEGER, 50L, "most pairs returned").between(1, 10_000),
                    Descriptor.Parameter.optional("metric", ValueType.STRING, "won",
                            "won, ante or score: win rate, final ante reached (useful while wins are rare), or hand score "
                                    + "in log10 (counts hands of runs still in play)")),
            List.of(new Descriptor.Column("joker", ValueType.STRING, "joker key"),
                    new Descriptor.Column("partner", ValueType.STRING, "the other joker's key"),
                    new Descriptor.Column("runs", ValueType.INTEGER, "finished runs holding both"),
                    new Descriptor.Column("wins", ValueType.INTEGER, "of those, runs won"),
                    new Descriptor.Column("win_rate", ValueType.FLOAT, "wins / runs"),
                    new Descriptor.Column("expected", ValueType.FLOAT,
                            "the metric if the two were independent (win rate, final ante, mean log10(hand score + 1))"),
                    new Descriptor.Column("lift", ValueType.FLOAT, "shrunk metric / expected (score: hand_lift)"),
                    new Descriptor.Column("uplift", ValueType.FLOAT, "shrunk metric - expected (score: in log10)"),
                    new Descriptor.Column("lo", ValueType.FLOAT, "uplift interval, low end (won: Wilson 95%; ante, score: normal 95%)"),
                    new Descriptor.Column("hi", ValueType.FLOAT, "uplift interval, high end"),
                    new Descriptor.Column("mean_ante", ValueType.FLOAT, "mean final ante of those runs"),
                    new Descriptor.Column("hands", ValueType.INTEGER, "hands scored holding both"),
                    new Descriptor.Column("hand_score", ValueType.FLOAT, "mean score of those hands"),
                    new Descriptor.Column("hand_lift", ValueType.FLOAT,
                            "10^(shrunk mean log score - its additive expectation): times the typical hand scores above independence"),
                    new Descriptor.Column("win_rate_without", ValueType.FLOAT, "win rate of finished runs not holding both (0: none)"),
                    new Descriptor.Column("mean_ante_without", ValueType.FLOAT, "mean final ante of finished runs not holding both"),
                    new Descriptor.Column("hand_score_without", ValueType.FLOAT, "mean score of hands not holding both")),
            EnumSet.of(Mode.STREAM, Mode.STATS, Mode.WRITE, Mode.ESTIMATE), true,
            "four counters per joker and per pair held together in a run, four per joker and pair held in a scored hand, "
                    + "and each scored hand's jokers and score");

    private final FollowedRuns runs = FollowedRuns.withHands();

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
            return List.of(Map.of("memory", "O(pairs held together + scored hands)",
                    "work", "O(pairs) per call, O(k^2) per finished run or scored hand"));
        }
        String given = ((String) params.get("joker")).trim();
        // a name as the mods write it ("Baron") or a catalog key
        String joker = given.isEmpty() ? given : JokerCatalog.vanilla().find(given).map(JokerSpec::key).orElse(given);
        Synergy.Metric metric = metric(params);
        record Ranked(long finished, long hands, List<Synergy.Row> rows) {
        }
        Ranked ranked = runs.read(context.projection(), stats -> new Ranked(stats.overall().runs(), stats.handsOverall().hands(),
                Synergy.rank(stats, joker.isBlank() ? Optional.empty() : Optional.of(joker), (Long) params.get("min_runs"),
                        ((Long) params.get("limit")).intValue(), metric)));
        List<Synergy.Row> rows = ranked.rows();
        if (mode == Mode.STATS) {
            return List.of(Map.of("finished_runs", ranked.finished(), "scored_hands", ranked.hands(), "pairs", (long) rows.size()));
        }
        if (mode == Mode.WRITE) {
            // (:Joker)-[:SYNERGY {lift, uplift, lo, hi, runs, hands, metric, updated}]->(:Joker), replacing the last write
            long now = System.currentTimeMillis();
            String measure = metric.name().toLowerCase(java.util.Locale.ROOT);
            context.sink().jokerRelationships("SYNERGY", rows.stream().map(r -> new ProcedureContext.JokerLink(r.joker(),
                    r.partner(), Map.<String, Object>of("lift", r.lift(), "uplift", r.uplift(), "lo", r.lo(), "hi", r.hi(),
                            "runs", r.runs(), "hands", r.hands(), "metric", measure, "updated", now))).toList());
            return List.of(Map.of("relationships", (long) rows.size()));
        }
        return rows.stream().map(SynergyModule::row).toList();
    }

    private static Synergy.Metric metric(Map<String, Object> params) {
        String word = ((String) params.get("metric")).trim();
        return switch (word.toLowerCase(java.util.Locale.ROOT)) {
            case "won", "win", "" -> Synergy.Metric.WON;
            case "ante" -> Synergy.Metric.ANTE;
            case "score" -> Synergy.Metric.SCORE;
            default -> throw new jimbot.graph.procedures.InvalidParameterException("metric", "won, ante or score",
                    "metric: '" + word + "' is not won, ante or score");
        };
    }

    private static Map<String, Object> row(Synergy.Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("joker", r.joker());
        m.put("partner", r.partner());
        m.put("runs", r.runs());
        m.put("wins", r.wins());
        m.put("win_rate", r.winRate());
        m.put("expected", r.expected());
        m.put("lift", r.lift());
        m.put("uplift", r.uplift());
        m.put("lo", r.lo());
        m.put("hi", r.hi());
        m.put("mean_ante", r.meanAnte());
        m.put("hands", r.hands());
        m.put("hand_score", r.handScore());
        m.put("hand_lift", r.handLift());
        m.put("win_rate_without", r.winRateWithout());
        m.put("mean_ante_without", r.meanAnteWithout());
        m.put("hand_score_without", r.handScoreWithout());
        return m;
    }
}
