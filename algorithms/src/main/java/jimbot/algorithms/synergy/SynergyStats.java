package jimbot.algorithms.synergy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jimbot.graph.projection.HandLedger;
import jimbot.graph.projection.ProjectionDelta;
import jimbot.graph.projection.ProjectionView;

/**
 * Counts over finished runs: runs and wins overall, per joker and per pair of jokers held in the same run, and the
 * sum of the antes reached; and over scored hands (of finished runs or not): hands, their log scores and scores,
 * overall, per joker and per pair held when the hand scored. Kept incrementally from projection changes in O(k²) per
 * finished run or scored hand with k jokers. Every change is idempotent (a run's or hand's contribution is replaced,
 * never added twice), so replays and a delta seen both in a recompute and afterwards leave the counts equal to
 * {@link #recompute} of the same projection. Not thread-safe.
 */
public final class SynergyStats {

    /** Counts of a joker or a pair: runs, wins, the sum of final antes and of their squares. */
    public record Counts(long runs, long wins, long anteSum, long anteSquares) {
        static final Counts ZERO = new Counts(0, 0, 0, 0);

        Counts plus(Counts o, int sign) {
            return new Counts(runs + sign * o.runs, wins + sign * o.wins, anteSum + sign * o.anteSum,
                    anteSquares + sign * o.anteSquares);
        }
    }

    /**
     * Counts of scored hands: how many, the sums of log10(score + 1) and of its square, and the sum of scores. Sums are
     * integers (logs in millionths, scores in whole points) so that taking a hand out and putting it back leaves them
     * exactly as a recompute in any order would: floating-point sums would drift with the order of updates.
     */
    public record HandCounts(long hands, long logMicros, long logSquareMicros, BigInteger points) {
        static final HandCounts ZERO = new HandCounts(0, 0, 0, BigInteger.ZERO);
        private static final double MICRO = 1e6;
        private static final BigInteger LONG_SAFE = BigInteger.valueOf(1L << 62);

        /** One hand's contribution; negative or NaN scores count as 0 and infinite ones as the largest double. */
        static HandCounts of(double score) {
            double s = Double.isNaN(score) || score < 0 ? 0 : Math.min(score, Double.MAX_VALUE);
            double log = Math.log10(s + 1);
            BigInteger points = s < LONG_SAFE.doubleValue() ? BigInteger.valueOf(Math.round(s))
                    : new BigDecimal(s).toBigInteger();
            return new HandCounts(1, Math.round(log * MICRO), Math.round(log * log * MICRO), points);
        }

        HandCounts plus(HandCounts o, int sign) {
            return new HandCounts(hands + sign * o.hands, logMicros + sign * o.logMicros,
                    logSquareMicros + sign * o.logSquareMicros, sign > 0 ? points.add(o.points) : points.subtract(o.points));
        }

        /** The sum of log10(score + 1). */
        public double logSum() {
            return logMicros / MICRO;
        }

        /** The sum of log10(score + 1)². */
        public double logSquares() {
            return logSquareMicros / MICRO;
        }

        /** The sum of scores (each rounded to whole points). */
        public double scoreSum() {
            return points.doubleValue();
        }
    }

    /** An unordered pair, smaller key first. */
    public record Pair(String a, String b) {
        static Pair of(String x, String y) {
            return x.compareTo(y) <= 0 ? new Pair(x, y) : new Pair(y, x);
        }
    }

    private record Outcome(boolean won, int ante) {
    }

    /** Told each time a finished run's contribution is added (+1) or taken back (-1), for miners kept alongside. */
    @FunctionalInterface
    public interface RunListener {
        /** Nobody listening: nothing is copied for it. */
        RunListener NONE = (jokers, won, ante, sign) -> { };

        void counted(Set<String> jokers, boolean won, int ante, int sign);

        /** A recompute starts: every finished run is about to be counted afresh (a listener may batch them). */
        default void recounting() {
        }

        /** The recompute has counted every finished run. */
        default void recounted() {
        }
    }

    private RunListener listener = RunListener.NONE;

    private final Map<String, Set<String>> jokersByRun = new HashMap<>();
    private final Map<String, Outcome> finished = new HashMap<>();
    private final Map<String, Counts> perJoker = new HashMap<>();
    private final Map<Pair, Counts> perPair = new HashMap<>();
    private Counts overall = Counts.ZERO;
    private final Map<String, HandLedger> handsByRun = new HashMap<>();
    private final Map<String, HandCounts> handsPerJoker = new HashMap<>();
    private final Map<Pair, HandCounts> handsPerPair = new HashMap<>();
    private HandCounts handsOverall = HandCounts.ZERO;
    private boolean countsHands = true;

    /** Applies projection changes in order. */
    public void apply(List<ProjectionDelta> deltas) {
        for (ProjectionDelta d : deltas) {
            switch (d) {
                case ProjectionDelta.RunStarted s -> jokersByRun.computeIfAbsent(s.runId(), k -> new HashSet<>());
                case ProjectionDelta.JokerHeld h -> {
                    Set<String> held = jokersByRun.computeIfAbsent(h.runId(), k -> new HashSet<>());
                    if (!held.contains(h.jokerKey())) {
                        Outcome o = finished.get(h.runId());
                        if (o != null) {
                            contribute(held, o, -1);
                        }
                        held.add(h.jokerKey());
                        if (o != null) {
                            contribute(held, o, +1);
                        }
                    }
                }
                case ProjectionDelta.RunFinished f -> {
                    Set<String> held = jokersByRun.computeIfAbsent(f.runId(), k -> new HashSet<>());
                    Outcome before = finished.get(f.runId());
                    Outcome after = new Outcome(f.won(), f.finalAnte());
                    if (!after.equals(before)) {
                        if (before != null) {
                            contribute(held, before, -1);
                        }
                        finished.put(f.runId(), after);
                        contribute(held, after, +1);
                    }
                }
                case ProjectionDelta.HandScored h -> {
                    jokersByRun.computeIfAbsent(h.runId(), k -> new HashSet<>());
                    if (countsHands) {
                        scored(h.runId(), h.handId(), Set.copyOf(h.jokerKeys()), h.score());
                    }
                }
            }
        }
    }

    /** The counts a projection implies, computed from scratch. */
    public static SynergyStats recompute(ProjectionView view) {
        return recompute(view, RunListener.NONE);
    }

    /** As {@link #recompute(ProjectionView)}, telling {@code listener} of every run counted, now and later. */
    public static SynergyStats recompute(ProjectionView view, RunListener listener) {
        return recompute(view, listener, true);
    }

    /**
     * As {@link #recompute(ProjectionView, RunListener)}; with {@code hands} false scored hands are left out, now and
     * later (their counts stay zero), for readers of runs only that need not keep every hand.
     */
    public static SynergyStats recompute(ProjectionView view, RunListener listener, boolean hands) {
        SynergyStats s = new SynergyStats();
        s.listener = listener;
        listener.recounting();
        s.countsHands = hands;
        for (ProjectionView.RunView run : view.runs()) {
            s.jokersByRun.put(run.id(), new HashSet<>(run.jokers()));
            if (run.finished()) {
                Outcome o = new Outcome(run.won(), run.finalAnte());
                s.finished.put(run.id(), o);
                s.contribute(s.jokersByRun.get(run.id()), o, +1);
            }
            if (hands) {
                for (ProjectionView.HandView hand : view.hands(run.id())) {
                    s.scored(run.id(), hand.id(), hand.jokers(), hand.score());
                }
            }
        }
        listener.recounted();
        return s;
    }

    /** Counts a hand, replacing what the same hand counted before (a replay or a re-delivered hand). */
    private void scored(String runId, String handId, Set<String> jokers, double score) {
        Optional<ProjectionView.HandView> before = handsByRun.computeIfAbsent(runId, HandLedger::new)
                .put(handId, score, jokers);
        if (before.isPresent() && before.get().jokers().equals(jokers) && Double.compare(before.get().score(), score) == 0) {
            return;
        }
        before.ifPresent(h -> contributeHand(h.jokers(), h.score(), -1));
        contributeHand(jokers, score, +1);
    }

    private void contributeHand(Set<String> jokers, double score, int sign) {
        HandCounts one = HandCounts.of(score);
        handsOverall = handsOverall.plus(one, sign);
        List<String> keys = jokers.stream().sorted().toList();
        for (int i = 0; i < keys.size(); i++) {
            mergeHands(handsPerJoker, keys.get(i), one, sign);
            for (int j = i + 1; j < keys.size(); j++) {
                mergeHands(handsPerPair, new Pair(keys.get(i), keys.get(j)), one, sign);
            }
        }
    }

    private static <K> void mergeHands(Map<K, HandCounts> map, K key, HandCounts one, int sign) {
        HandCounts next = map.getOrDefault(key, HandCounts.ZERO).plus(one, sign);
        if (next.hands() == 0) {
            map.remove(key);
        } else {
            map.put(key, next);
        }
    }

    private void contribute(Set<String> held, Outcome o, int sign) {
        Counts one = new Counts(1, o.won() ? 1 : 0, o.ante(), (long) o.ante() * o.ante());
        overall = overall.plus(one, sign);
        List<String> keys = held.stream().sorted().toList();
        for (int i = 0; i < keys.size(); i++) {
            merge(perJoker, keys.get(i), one, sign);
            for (int j = i + 1; j < keys.size(); j++) {
                merge(perPair, new Pair(keys.get(i), keys.get(j)), one, sign);
            }
        }
        // last, so that a listener that fails leaves these counts whole
        if (listener != RunListener.NONE) {
            listener.counted(Set.copyOf(held), o.won(), o.ante(), sign);
        }
    }

    private static <K> void merge(Map<K, Counts> map, K key, Counts one, int sign) {
        Counts next = map.getOrDefault(key, Counts.ZERO).plus(one, sign);
        if (next.runs() == 0) {
            map.remove(key);
        } else {
            map.put(key, next);
        }
    }

    /** A finished run's jokers and whether it was won. */
    public record FinishedRun(Set<String> jokers, boolean won) {
    }

    /** Every finished run with the jokers it held, for miners that read whole runs (pattern mining). */
    public List<FinishedRun> finishedRuns() {
        List<FinishedRun> out = new java.util.ArrayList<>(finished.size());
        finished.forEach((run, o) -> out.add(new FinishedRun(Set.copyOf(jokersByRun.get(run)), o.won())));
        return out;
    }

    public Counts overall() {
        return overall;
    }

    public Map<String, Counts> perJoker() {
        return Map.copyOf(perJoker);
    }

    public Map<Pair, Counts> perPair() {
        return Map.copyOf(perPair);
    }

    /** Counts over every scored hand. */
    public HandCounts handsOverall() {
        return handsOverall;
    }

    /** Counts over the hands scored holding each joker. */
    public Map<String, HandCounts> handsPerJoker() {
        return Map.copyOf(handsPerJoker);
    }

    /** Counts over the hands scored holding both jokers of each pair. */
    public Map<Pair, HandCounts> handsPerPair() {
        return Map.copyOf(handsPerPair);
    }

    HandCounts handJoker(String key) {
        return handsPerJoker.getOrDefault(key, HandCounts.ZERO);
    }

    HandCounts handPair(Pair p) {
        return handsPerPair.getOrDefault(p, HandCounts.ZERO);
    }

    Set<Pair> handPairs() {
        return handsPerPair.keySet();
    }

    Counts joker(String key) {
        return perJoker.getOrDefault(key, Counts.ZERO);
    }

    Counts pair(Pair p) {
        return perPair.getOrDefault(p, Counts.ZERO);
    }

    Set<Pair> pairs() {
        return perPair.keySet();
    }
}
