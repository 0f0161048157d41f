package jimbot.algorithms.synergy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jimbot.graph.projection.ProjectionDelta;
import jimbot.graph.projection.ProjectionView;

/**
 * Counts over finished runs: runs and wins overall, per joker and per pair of jokers held in the same run, and the
 * sum of the antes reached. Kept incrementally from projection changes in O(k²) per finished run with k jokers.
 * Every change is idempotent (a run's contribution is replaced, never added twice), so replays and a delta seen both
 * in a recompute and afterwards leave the counts equal to {@link #recompute} of the same projection. Not thread-safe.
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
        void counted(Set<String> jokers, boolean won, int ante, int sign);

        /** A recompute starts: every finished run is about to be counted afresh (a listener may batch them). */
        default void recounting() {
        }

        /** The recompute has counted every finished run. */
        default void recounted() {
        }
    }

    private RunListener listener = (jokers, won, ante, sign) -> { };

    private final Map<String, Set<String>> jokersByRun = new HashMap<>();
    private final Map<String, Outcome> finished = new HashMap<>();
    private final Map<String, Counts> perJoker = new HashMap<>();
    private final Map<Pair, Counts> perPair = new HashMap<>();
    private Counts overall = Counts.ZERO;

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
                case ProjectionDelta.HandScored ignored -> {
                    // hand-level synergy is not counted yet
                }
            }
        }
    }

    /** The counts a projection implies, computed from scratch. */
    public static SynergyStats recompute(ProjectionView view) {
        return recompute(view, (jokers, won, ante, sign) -> { });
    }

    /** As {@link #recompute(ProjectionView)}, telling {@code listener} of every run counted, now and later. */
    public static SynergyStats recompute(ProjectionView view, RunListener listener) {
        SynergyStats s = new SynergyStats();
        s.listener = listener;
        listener.recounting();
        for (ProjectionView.RunView run : view.runs()) {
            s.jokersByRun.put(run.id(), new HashSet<>(run.jokers()));
            if (run.finished()) {
                Outcome o = new Outcome(run.won(), run.finalAnte());
                s.finished.put(run.id(), o);
                s.contribute(s.jokersByRun.get(run.id()), o, +1);
            }
        }
        listener.recounted();
        return s;
    }

    private void contribute(Set<String> held, Outcome o, int sign) {
        Counts one = new Counts(1, o.won() ? 1 : 0, o.ante(), (long) o.ante() * o.ante());
        overall = overall.plus(one, sign);
        listener.counted(Set.copyOf(held), o.won(), o.ante(), sign);
        List<String> keys = held.stream().sorted().toList();
        for (int i = 0; i < keys.size(); i++) {
            merge(perJoker, keys.get(i), one, sign);
            for (int j = i + 1; j < keys.size(); j++) {
                merge(perPair, new Pair(keys.get(i), keys.get(j)), one, sign);
            }
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
