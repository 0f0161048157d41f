package jimbot.algorithms.synergy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pair scores from {@link SynergyStats}. A pair's expected win rate under independence is p_a·p_b/p₀ (each joker's
 * win rate, shrunk toward the baseline p₀, combined multiplicatively); its observed rate is shrunk toward that
 * expectation with a prior worth {@link #PRIOR_RUNS} runs, so three lucky runs do not make a synergy. Uplift is the
 * shrunk rate minus the expectation (negative: an anti-synergy, kept); lift their ratio; lo and hi the Wilson 95 %
 * interval of the observed rate minus the expectation.
 *
 * <p>Every row also describes the hands scored holding both jokers: scores are heavy-tailed, so they are compared in
 * log space (log10(score + 1)), where independence is additive: the pair's expected mean log score is m_a + m_b − m₀,
 * and its own mean is shrunk toward that with a prior worth {@link #PRIOR_RUNS} hands. {@code handLift} is 10 to the
 * difference: how many times higher the pair's typical hand scores than independence predicts. Unlike the run
 * metrics, m_a is over the hands holding a but not b, m_b over b but not a and m₀ over neither (each shrunk toward
 * the overall mean, m_a and m_b through m₀): a pair that keeps its jokers together would otherwise lend its own gain
 * to both jokers' means and be expected twice over (with the simulator's planted ×6 pair, the lift came out 0.47).
 * The "without" columns are over the runs and hands not holding both (overall minus the pair's counts), 0 when there
 * are none.
 */
public final class Synergy {

    /** The prior's weight in runs (in hands for the hand-score columns and {@link Metric#SCORE}). */
    public static final double PRIOR_RUNS = 10;
    private static final double Z = 1.959964;

    /**
     * What a pair is judged by: winning, how far runs go (the final ante; useful while wins are rare), or how its
     * hands score (log10(score + 1); also counts hands of runs not finished yet).
     */
    public enum Metric { WON, ANTE, SCORE }

    /**
     * One pair of jokers and how they did together; {@code expected}, {@code lift}, {@code uplift}, {@code lo} and
     * {@code hi} are in the metric's unit (win rate, final ante, or mean log10(hand score + 1) with {@code lift} =
     * {@code handLift}). {@code hands}, {@code handScore} and {@code handLift} describe the hands scored holding both;
     * the {@code …Without} fields are over the runs or hands not holding both.
     */
    public record Row(String joker, String partner, long runs, long wins, double winRate, double expected, double lift,
                      double uplift, double lo, double hi, double meanAnte, long hands, double handScore, double handLift,
                      double winRateWithout, double meanAnteWithout, double handScoreWithout) {
    }

    /** The metric-specific part of a row. */
    private record Judged(double expected, double lift, double uplift, double lo, double hi) {
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

    /**
     * As {@link #rank(SynergyStats, Optional, long, int)}, judged by {@code metric}. With {@link Metric#SCORE} the
     * pairs are those held together in a scored hand and {@code minRuns} is the fewest such hands: a hand's score is
     * known as soon as it is scored, so pairs of runs still in play count too.
     */
    public static List<Row> rank(SynergyStats stats, Optional<String> joker, long minRuns, int limit, Metric metric) {
        SynergyStats.Counts all = stats.overall();
        SynergyStats.HandCounts allHands = stats.handsOverall();
        if (metric == Metric.SCORE ? allHands.hands() == 0 : all.runs() == 0) {
            return List.of();
        }
        double p0 = switch (metric) {
            case WON -> (double) all.wins() / all.runs();
            case ANTE -> (double) all.anteSum() / all.runs();
            case SCORE -> 0; // not used
        };
        Set<SynergyStats.Pair> candidates = metric == Metric.SCORE ? stats.handPairs() : stats.pairs();
        List<Row> rows = new ArrayList<>();
        for (SynergyStats.Pair p : candidates) {
            if (joker.isPresent() && !p.a().equals(joker.get()) && !p.b().equals(joker.get())) {
                continue;
            }
            SynergyStats.Counts c = stats.pair(p);
            SynergyStats.HandCounts h = stats.handPair(p);
            if ((metric == Metric.SCORE ? h.hands() : c.runs()) < minRuns) {
                continue;
            }
            String first = joker.filter(j -> j.equals(p.b())).isPresent() ? p.b() : p.a();
            String second = first.equals(p.a()) ? p.b() : p.a();
            Judged byScore = scoreJudged(h, stats.handJoker(p.a()), stats.handJoker(p.b()), allHands);
            Judged judged = switch (metric) {
                case WON -> wonJudged(c, shrunk(stats.joker(p.a()), p0), shrunk(stats.joker(p.b()), p0), p0);
                case ANTE -> anteJudged(c, shrunkAnte(stats.joker(p.a()), p0), shrunkAnte(stats.joker(p.b()), p0), p0, all);
                case SCORE -> byScore;
            };
            rows.add(row(first, second, c, h, judged, byScore.lift(), all, allHands));
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

    private static double shrunkLog(double logSum, long hands, double toward) {
        return (logSum + PRIOR_RUNS * toward) / (hands + PRIOR_RUNS);
    }

    /** Assembles a row: the metric's judgement, the pair's own counts, and what the runs and hands without it did. */
    private static Row row(String a, String b, SynergyStats.Counts c, SynergyStats.HandCounts h, Judged j, double handLift,
                           SynergyStats.Counts all, SynergyStats.HandCounts allHands) {
        long runsWithout = all.runs() - c.runs();
        long handsWithout = allHands.hands() - h.hands();
        return new Row(a, b, c.runs(), c.wins(), ratio(c.wins(), c.runs()), j.expected(), j.lift(), j.uplift(), j.lo(),
                j.hi(), ratio(c.anteSum(), c.runs()), h.hands(), ratio(h.scoreSum(), h.hands()), handLift,
                ratio(all.wins() - c.wins(), runsWithout), ratio(all.anteSum() - c.anteSum(), runsWithout),
                ratio(allHands.points().subtract(h.points()).doubleValue(), handsWithout));
    }

    private static double ratio(double sum, long count) {
        return count == 0 ? 0 : sum / count;
    }

    /**
     * Judged by final ante: the expectation is additive (m_a + m_b - m0), the pair's mean is shrunk toward it, and the
     * interval is the normal one from the pair's own spread (the overall spread for a single run).
     */
    private static Judged anteJudged(SynergyStats.Counts c, double ma, double mb, double m0, SynergyStats.Counts all) {
        double expected = ma + mb - m0;
        double observed = (double) c.anteSum() / c.runs();
        double shrunk = (c.anteSum() + PRIOR_RUNS * expected) / (c.runs() + PRIOR_RUNS);
        double variance = c.runs() > 1
                ? Math.max(0, (c.anteSquares() - (double) c.anteSum() * c.anteSum() / c.runs()) / (c.runs() - 1))
                : Math.max(0, (double) all.anteSquares() / all.runs() - m0 * m0);
        double half = Z * Math.sqrt(variance / c.runs());
        return new Judged(expected, expected == 0 ? 0 : shrunk / expected, shrunk - expected, observed - half - expected,
                observed + half - expected);
    }

    /**
     * Judged by hand score in log space, as {@link #anteJudged} but per hand, against the expectation from the hands
     * holding only one of the two or neither ({@code a} and {@code b} are all hands holding each joker): the lift is
     * 10^(shrunk − expected), a factor on the typical score. A pair with no hands gets its expectation (lift 1, an
     * empty interval).
     */
    private static Judged scoreJudged(SynergyStats.HandCounts c, SynergyStats.HandCounts a, SynergyStats.HandCounts b,
                                      SynergyStats.HandCounts all) {
        double overall = all.hands() == 0 ? 0 : all.logSum() / all.hands();
        // the cells' sums are differences of the integer sums, taken before scaling so nothing cancels in floating point
        double m0 = shrunkLog((all.logMicros() - a.logMicros() - b.logMicros() + c.logMicros()) / 1e6,
                all.hands() - a.hands() - b.hands() + c.hands(), overall);
        double ma = shrunkLog((a.logMicros() - c.logMicros()) / 1e6, a.hands() - c.hands(), m0);
        double mb = shrunkLog((b.logMicros() - c.logMicros()) / 1e6, b.hands() - c.hands(), m0);
        double expected = ma + mb - m0;
        if (c.hands() == 0) {
            return new Judged(expected, 1, 0, 0, 0);
        }
        double observed = c.logSum() / c.hands();
        double shrunk = (c.logSum() + PRIOR_RUNS * expected) / (c.hands() + PRIOR_RUNS);
        double variance = c.hands() > 1
                ? Math.max(0, (c.logSquares() - c.logSum() * c.logSum() / c.hands()) / (c.hands() - 1))
                : Math.max(0, all.logSquares() / all.hands() - overall * overall);
        double half = Z * Math.sqrt(variance / c.hands());
        return new Judged(expected, Math.pow(10, shrunk - expected), shrunk - expected, observed - half - expected,
                observed + half - expected);
    }

    private static Judged wonJudged(SynergyStats.Counts c, double pa, double pb, double p0) {
        double expected = p0 == 0 ? 0 : Math.min(1, pa * pb / p0);
        double rate = (c.wins() + PRIOR_RUNS * expected) / (c.runs() + PRIOR_RUNS);
        double[] wilson = wilson(c.wins(), c.runs());
        return new Judged(expected, expected == 0 ? 0 : rate / expected, rate - expected, wilson[0] - expected,
                wilson[1] - expected);
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
