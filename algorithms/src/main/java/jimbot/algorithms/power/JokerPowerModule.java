package jimbot.algorithms.power;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jimbot.algorithms.synergy.FollowedRuns;
import jimbot.graph.procedures.Descriptor;
import jimbot.graph.procedures.Mode;
import jimbot.graph.procedures.ProcedureContext;
import jimbot.graph.procedures.ProcedureModule;
import jimbot.graph.procedures.ValueType;
import jimbot.graph.projection.ProjectionDelta;

/**
 * {@code joker.power}: each joker's PageRank over the synergy graph and its archetype (community). The pair counts
 * follow the change feed; when they changed since the last call, PageRank restarts from the last scores and reaches
 * the fixed point a cold start reaches (a test holds the two within 1e-8); unchanged counts reuse the last scores.
 */
public final class JokerPowerModule implements ProcedureModule {

    private static final Descriptor DESCRIPTOR = new Descriptor("joker.power", "0.1.0",
            "Joker power (weighted PageRank over positive synergies) and archetype (weighted label propagation, fixed seed).",
            List.of(Descriptor.Parameter.optional("min_runs", ValueType.INTEGER, 3L, "fewest finished runs for a pair to count")
                            .between(1, Long.MAX_VALUE),
                    Descriptor.Parameter.optional("limit", ValueType.INTEGER, 150L, "most jokers returned").between(1, 10_000),
                    Descriptor.Parameter.optional("seed", ValueType.INTEGER, 42L, "seed of the archetype search")),
            List.of(new Descriptor.Column("joker", ValueType.STRING, "joker key"),
                    new Descriptor.Column("power", ValueType.FLOAT, "PageRank, summing to 1 over all jokers"),
                    new Descriptor.Column("archetype", ValueType.STRING, "the key of the joker that names its community"),
                    new Descriptor.Column("partners", ValueType.INTEGER, "jokers it has a positive synergy with")),
            EnumSet.of(Mode.STREAM, Mode.STATS, Mode.WRITE, Mode.ESTIMATE), true, "a jokers x jokers weight matrix");

    private final FollowedRuns runs = new FollowedRuns();
    /** {@link FollowedRuns#changes()} when {@code lastScores} were computed. */
    private long scoredAt = -1;
    private double[] lastScores;
    private List<String> lastJokers = List.of();
    private long lastMinRuns = -1;
    private int lastIterations;

    @Override
    public Descriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void onDeltas(List<ProjectionDelta> deltas) {
        runs.apply(deltas);
    }

    /** A joker's result. */
    record Entry(String joker, double power, String archetype, int partners) {
    }

    synchronized List<Entry> compute(ProcedureContext context, long minRuns, long seed) {
        record Snapshot(SynergyGraph graph, long changes) {
        }
        Snapshot snapshot = runs.read(context.projection(), stats -> new Snapshot(SynergyGraph.of(stats, minRuns), runs.changes()));
        SynergyGraph g = snapshot.graph();
        long changes = snapshot.changes();
        boolean sameGraph = g.jokers().equals(lastJokers) && minRuns == lastMinRuns;
        JokerPower.Result power = sameGraph && changes == scoredAt ? new JokerPower.Result(lastScores, 0)
                : JokerPower.compute(g, sameGraph ? lastScores : null);
        lastScores = power.scores();
        lastJokers = g.jokers();
        lastMinRuns = minRuns;
        lastIterations = power.iterations();
        scoredAt = changes;
        int[] labels = Archetypes.detect(g, seed);
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            int partners = 0;
            for (double w : g.weights()[i]) {
                partners += w > 0 ? 1 : 0;
            }
            out.add(new Entry(g.jokers().get(i), power.scores()[i], g.jokers().get(labels[i]), partners));
        }
        out.sort(Comparator.comparingDouble(Entry::power).reversed().thenComparing(Entry::joker));
        return out;
    }

    @Override
    public List<Map<String, Object>> call(Mode mode, Map<String, Object> params, ProcedureContext context) {
        if (mode == Mode.ESTIMATE) {
            return List.of(Map.of("memory", "O(jokers^2)", "work", "power iteration, warm-started after changes"));
        }
        List<Entry> entries = compute(context, (Long) params.get("min_runs"), (Long) params.get("seed"));
        if (mode == Mode.STATS) {
            long archetypes = entries.stream().map(Entry::archetype).distinct().count();
            return List.of(Map.of("jokers", (long) entries.size(), "archetypes", archetypes, "iterations", (long) lastIterations));
        }
        if (mode == Mode.WRITE) {
            Map<String, Map<String, Object>> props = new LinkedHashMap<>();
            entries.forEach(e -> props.put(e.joker(), Map.of("power", e.power(), "archetype", e.archetype())));
            context.sink().jokerProperties(props); // Joker.power, Joker.archetype
            return List.of(Map.of("jokers", (long) props.size()));
        }
        int limit = ((Long) params.get("limit")).intValue();
        return entries.stream().limit(limit).map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("joker", e.joker());
            m.put("power", e.power());
            m.put("archetype", e.archetype());
            m.put("partners", (long) e.partners());
            return (Map<String, Object>) m;
        }).toList();
    }
}
