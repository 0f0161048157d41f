package jimbot.algorithms.patterns;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jimbot.algorithms.synergy.SynergyStats;
import jimbot.graph.procedures.Cancellation;

/**
 * The frequent joker sets of won, lost and all finished runs, kept as runs finish (one {@link FrequentSets} each, fed
 * every run's contribution as {@link SynergyStats} counts it), down to {@link #FLOOR} support and sets of
 * {@link #MAX_SIZE}. An ask below what is kept (a lower support, or too few runs for the least count) is answered by
 * a batch FP-Growth over the same runs, so answers never depend on which path served them.
 */
public final class KeptPatterns implements SynergyStats.RunListener {

    /** The least support kept up to date. */
    public static final double FLOOR = 0.001;
    /** The least count kept: below it, with few runs, sets are mined per call. */
    public static final long LEAST_COUNT = 5;
    /** The largest set kept. */
    public static final int MAX_SIZE = 8;

    private final Map<Patterns.Outcome, FrequentSets> sets = new EnumMap<>(Patterns.Outcome.class);
    // the runs of a recompute in progress, added at its end in one go
    private Map<Patterns.Outcome, List<Set<String>>> recounted;

    public KeptPatterns() {
        this(FLOOR, LEAST_COUNT, MAX_SIZE);
    }

    KeptPatterns(double floor, long leastCount, int maxSize) {
        for (Patterns.Outcome o : Patterns.Outcome.values()) {
            sets.put(o, new FrequentSets(floor, leastCount, maxSize));
        }
    }

    /** Kept patterns of these runs (for tests and tools; the modules follow the change feed instead). */
    public static KeptPatterns of(List<SynergyStats.FinishedRun> runs) {
        KeptPatterns kept = new KeptPatterns();
        kept.recounting();
        runs.forEach(r -> kept.counted(r.jokers(), r.won(), 0, +1));
        kept.recounted();
        return kept;
    }

    @Override
    public void recounting() {
        for (Patterns.Outcome o : Patterns.Outcome.values()) {
            sets.put(o, new FrequentSets(sets.get(o).floor(), sets.get(o).leastCount(), sets.get(o).maxSize()));
        }
        recounted = new EnumMap<>(Patterns.Outcome.class);
        for (Patterns.Outcome o : Patterns.Outcome.values()) {
            recounted.put(o, new ArrayList<>());
        }
    }

    @Override
    public void recounted() {
        Map<Patterns.Outcome, List<Set<String>>> batch = recounted;
        recounted = null;
        batch.forEach((o, runs) -> sets.get(o).addAll(runs));
    }

    @Override
    public void counted(Set<String> jokers, boolean won, int ante, int sign) {
        for (Patterns.Outcome o : List.of(Patterns.Outcome.ALL, won ? Patterns.Outcome.WON : Patterns.Outcome.LOST)) {
            if (recounted != null && sign > 0) {
                recounted.get(o).add(jokers);
            } else if (recounted != null) {
                recounted.get(o).remove(jokers);
            } else if (sign > 0) {
                sets.get(o).add(jokers);
            } else {
                sets.get(o).remove(jokers);
            }
        }
    }

    /** How many finished runs of the outcome there are. */
    public long runs(Patterns.Outcome outcome) {
        return sets.get(outcome).transactions();
    }

    /** How many finished runs of the outcome held every joker of {@code jokers}. */
    public long holding(Patterns.Outcome outcome, Set<String> jokers) {
        return sets.get(outcome).count(jokers);
    }

    /** Whether an ask is answered from the kept sets (true) or mined per call (false). */
    public boolean kept(Patterns.Outcome outcome, double support, int maxSize) {
        return sets.get(outcome).covers(support, maxSize);
    }

    /** How many sets are kept (frequent at the floor, or on the border) per outcome. */
    public Map<Patterns.Outcome, Integer> size() {
        Map<Patterns.Outcome, Integer> out = new EnumMap<>(Patterns.Outcome.class);
        sets.forEach((o, s) -> out.put(o, s.tracked()));
        return out;
    }

    /** Sets of {@code minSize}..{@code maxSize} jokers held by at least {@code support} of the outcome's runs. */
    public Map<Set<String>, Long> frequent(Patterns.Outcome outcome, double support, int minSize, int maxSize,
                                          Cancellation cancellation) {
        FrequentSets s = sets.get(outcome);
        return s.covers(support, maxSize) ? s.frequent(support, minSize, maxSize)
                : batch(outcome, support, minSize, maxSize, cancellation);
    }

    /** The same ask answered by FP-Growth over the runs, whatever is kept (the baseline benchmarks compare with). */
    public Map<Set<String>, Long> batch(Patterns.Outcome outcome, double support, int minSize, int maxSize, Cancellation cancellation) {
        FrequentSets s = sets.get(outcome);
        Map<Set<String>, Long> out = new java.util.LinkedHashMap<>();
        FpGrowth.mine(s.transactionSets(), FrequentSets.minCount(support, s.transactions()), maxSize, cancellation)
                .forEach((set, n) -> {
                    if (set.size() >= minSize) {
                        out.put(set, n);
                    }
                });
        return out;
    }
}
