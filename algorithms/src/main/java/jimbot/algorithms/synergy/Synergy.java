package jimbot.algorithms.synergy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Pair scores from {@link SynergyStats}. A pair's expected win rate under independence is p_a·p_b/p₀ (each joker's
 * win rate, shrunk toward the baseline p₀, combined multiplicatively); its observed rate is shrunk toward that
 * expectation with a prior worth {@link #PRIOR_RUNS} runs, so three lucky runs do not make a synergy. Uplift is the
 * shrunk rate minus the expectation (negative: an anti-synergy, kept); lift their ratio; lo and hi the Wilson 95 %
 * interval of the observed rate minus the expectation.
 */
public final class Synergy {

    /** The prior's weight in runs. */
    public static final double PRIOR_RUNS = 10;
    private static final double Z = 1.959964;

    /** One pair of jokers and how they did together. */
    public record Row(String joker, String partner, long runs, long wins, double winRate, double expected, double lift,
                      double uplift, double lo, double hi, double meanAnte) {
    }

    private Synergy() {
    }

    /**
     * Pairs held together in at least {@code minRuns} finished runs (of {@code joker} only, when given), by uplift,
     * strongest first (ties by names), at most {@code limit}.
     */
    public static List<Row> rank(SynergyStats stats, Optional<String> joker, long minRuns, int limit) {
        SynergyStats.Counts all = stats.overall();
        if (all.runs() == 0) {
            return List.of();
        }
        double p0 = (double) all.wins() / all.runs();
        List<Row> rows = new ArrayList<>();
        for (SynergyStats.Pair p : stats.pairs()) {
            if (joker.isPresent() && !p.a().equals(joker.get()) && !p.b().equals(joker.get())) {
                continue;
            }
            SynergyStats.Counts c = stats.pair(p);
            if (c.runs() < minRuns) {
                continue;
            }
            String first = joker.filter(j -> j.equals(p.b())).isPresent() ? p.b() : p.a();
            String second = first.equals(p.a()) ? p.b() : p.a();
            rows.add(row(first, second, c, shrunk(stats.joker(p.a()), p0), shrunk(stats.joker(p.b()), p0), p0));
        }
        rows.sort(Comparator.comparingDouble(Row::uplift).reversed().thenComparing(Row::joker).thenComparing(Row::partner));
        return rows.size() > limit ? List.copyOf(rows.subList(0, limit)) : List.copyOf(rows);
    }

    private static double shrunk(SynergyStats.Counts c, double toward) {
        return (c.wins() + PRIOR_RUNS * toward) / (c.runs() + PRIOR_RUNS);
    }

    static Row row(String a, String b, SynergyStats.Counts c, double pa, double pb, double p0) {
        double expected = p0 == 0 ? 0 : Math.min(1, pa * pb / p0);
        double observed = (double) c.wins() / c.runs();
        double rate = (c.wins() + PRIOR_RUNS * expected) / (c.runs() + PRIOR_RUNS);
        double[] wilson = wilson(c.wins(), c.runs());
        return new Row(a, b, c.runs(), c.wins(), observed, expected, expected == 0 ? 0 : rate / expected, rate - expected,
                wilson[0] - expected, wilson[1] - expected, (double) c.anteSum() / c.runs());
    }

    /** The Wilson score interval of k successes in n trials. */
    static double[] wilson(long k, long n) {
        double p = (double) k / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
