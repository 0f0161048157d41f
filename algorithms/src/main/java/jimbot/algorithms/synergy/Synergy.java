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

    /** What a pair is judged by: winning, or how far runs go (the final ante; useful while wins are rare). */
    public enum Metric { WON, ANTE }

    /**
     * One pair of jokers and how they did together; {@code expected}, {@code lift}, {@code uplift}, {@code lo} and
     * {@code hi} are in the metric's unit (win rate, or final ante).
     */
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
        return rank(stats, joker, minRuns, limit, Metric.WON);
    }

    /** As {@link #rank(SynergyStats, Optional, long, int)}, judged by {@code metric}. */
    public static List<Row> rank(SynergyStats stats, Optional<String> joker, long minRuns, int limit, Metric metric) {
        SynergyStats.Counts all = stats.overall();
        if (all.runs() == 0) {
            return List.of();
        }
        double p0 = metric == Metric.WON ? (double) all.wins() / all.runs() : (double) all.anteSum() / all.runs();
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
            rows.add(metric == Metric.WON
                    ? row(first, second, c, shrunk(stats.joker(p.a()), p0), shrunk(stats.joker(p.b()), p0), p0)
                    : anteRow(first, second, c, shrunkAnte(stats.joker(p.a()), p0), shrunkAnte(stats.joker(p.b()), p0), p0, all));
        }
        rows.sort(Comparator.comparingDouble(Row::uplift).reversed().thenComparing(Row::joker).thenComparing(Row::partner));
        return rows.size() > limit ? List.copyOf(rows.subList(0, limit)) : List.copyOf(rows);
    }

    private static double shrunk(SynergyStats.Counts c, double toward) {
        return (c.wins() + PRIOR_RUNS * toward) / (c.runs() + PRIOR_RUNS);
    }

    private static double shrunkAnte(SynergyStats.Counts c, double toward) {
        return (c.anteSum() + PRIOR_RUNS * toward) / (c.runs() + PRIOR_RUNS);
    }

    /**
     * Judged by final ante: the expectation is additive (m_a + m_b - m0), the pair's mean is shrunk toward it, and the
     * interval is the normal one from the pair's own spread (the overall spread for a single run).
     */
    static Row anteRow(String a, String b, SynergyStats.Counts c, double ma, double mb, double m0, SynergyStats.Counts all) {
        double expected = ma + mb - m0;
        double observed = (double) c.anteSum() / c.runs();
        double shrunk = (c.anteSum() + PRIOR_RUNS * expected) / (c.runs() + PRIOR_RUNS);
        double variance = c.runs() > 1
                ? Math.max(0, (c.anteSquares() - (double) c.anteSum() * c.anteSum() / c.runs()) / (c.runs() - 1))
                : Math.max(0, (double) all.anteSquares() / all.runs() - m0 * m0);
        double half = Z * Math.sqrt(variance / c.runs());
        return new Row(a, b, c.runs(), c.wins(), (double) c.wins() / c.runs(), expected,
                expected == 0 ? 0 : shrunk / expected, shrunk - expected, observed - half - expected, observed + half - expected,
                observed);
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
