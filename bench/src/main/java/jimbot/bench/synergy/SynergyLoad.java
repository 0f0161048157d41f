package jimbot.bench.synergy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import jimbot.algorithms.catalog.JokerCatalog;
import jimbot.algorithms.catalog.JokerSpec;
import jimbot.algorithms.patterns.KeptPatterns;
import jimbot.algorithms.patterns.Patterns;
import jimbot.algorithms.synergy.SynergyStats;
import jimbot.graph.procedures.Cancellation;
import jimbot.graph.projection.LiveProjection;
import jimbot.graph.projection.ProjectionDelta;

/**
 * Synergy upkeep (issue 5), in one process: with N finished runs already counted (5 jokers each from the 150 of the
 * catalog), the latency of counting one more finished run incrementally, against recomputing the counts from the
 * projection (the baseline: what a batch job does), for N = 10,000 and 100,000; and FP-Growth over the runs.
 *
 * <p>Usage: {@code SynergyLoad <sizes comma separated> <measured runs>}; prints JSON lines.
 */
public final class SynergyLoad {

    private SynergyLoad() {
    }

    public static void main(String[] args) {
        String sizes = args.length > 0 ? args[0] : "10000,100000";
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        List<String> keys = JokerCatalog.vanilla().all().stream().map(JokerSpec::key).toList();
        for (String size : sizes.split(",")) {
            run(Integer.parseInt(size.trim()), measured, keys);
        }
    }

    private static List<ProjectionDelta> finishedRun(String id, List<String> keys, Random random) {
        List<ProjectionDelta> d = new ArrayList<>();
        d.add(new ProjectionDelta.RunStarted(id, 0));
        for (int j = 0; j < 5; j++) {
            d.add(new ProjectionDelta.JokerHeld(id, keys.get(random.nextInt(keys.size()))));
        }
        boolean won = random.nextInt(4) == 0;
        d.add(new ProjectionDelta.RunFinished(id, won, won ? 8 : 1 + random.nextInt(7), 0));
        return d;
    }

    private static void run(int existing, int measured, List<String> keys) {
        Random random = new Random(existing);
        SynergyStats stats = new SynergyStats();
        LiveProjection projection = new LiveProjection();
        for (int i = 0; i < existing; i++) {
            List<ProjectionDelta> d = finishedRun("r" + i, keys, random);
            stats.apply(d);
            projection.apply(d);
        }
        // warm-up, then measure: each finished run as the projector delivers it (one batch)
        for (int i = 0; i < measured; i++) {
            stats.apply(finishedRun("w" + existing + "-" + i, keys, random));
        }
        long[] nanos = new long[measured];
        for (int i = 0; i < measured; i++) {
            List<ProjectionDelta> d = finishedRun("m" + existing + "-" + i, keys, random);
            long t0 = System.nanoTime();
            stats.apply(d);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        // baseline: recompute from the projection, as often as it takes to time it
        SynergyStats.recompute(projection);
        int reps = existing >= 100_000 ? 3 : 10;
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            SynergyStats.recompute(projection);
        }
        double recomputeMs = (System.nanoTime() - t0) / 1e6 / reps;
        double meanUs = Arrays.stream(nanos).average().orElse(0) / 1e3;
        System.out.printf(Locale.ROOT, "{\"phase\":\"synergy-update\",\"runs\":%d,\"measured\":%d,\"update_us_p50\":%.2f,"
                        + "\"update_us_p99\":%.2f,\"update_us_max\":%.2f,\"update_us_mean\":%.2f,\"recompute_ms\":%.1f,"
                        + "\"recompute_over_update\":%.0f}%n", existing, measured, nanos[measured / 2] / 1e3,
                nanos[(int) (measured * 0.99)] / 1e3, nanos[measured - 1] / 1e3, meanUs, recomputeMs, recomputeMs * 1e3 / meanUs);
        patterns(existing, measured, keys);
        if (existing <= 20_000) {
            bruteForce(stats.finishedRuns(), keys);
            hands(existing, measured, keys);
        }
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /**
     * Scored hands: what keeping them costs (heap per hand in the projection and in synergy.pairs' counts, 30 hands a
     * run with the run's jokers, ids as the projector makes them) and the latency of counting one more hand.
     */
    private static void hands(int existing, int measured, List<String> keys) {
        Random random = new Random(existing + 2);
        int perRun = 30;
        // each run's deltas made and applied at once, so what stays on the heap is what the projection keeps
        long before = usedHeap();
        LiveProjection projection = new LiveProjection();
        for (int i = 0; i < existing; i++) {
            List<ProjectionDelta> d = new ArrayList<>(finishedRun("h" + i, keys, random));
            List<String> jokers = d.stream().filter(x -> x instanceof ProjectionDelta.JokerHeld)
                    .map(x -> ((ProjectionDelta.JokerHeld) x).jokerKey()).toList();
            for (int h = 0; h < perRun; h++) {
                d.add(new ProjectionDelta.HandScored("h" + i, "h" + i + ":h" + (1000 + h * 7), Math.pow(10, 1 + random.nextDouble() * 4),
                        jokers));
            }
            projection.apply(d);
        }
        long projected = usedHeap();
        SynergyStats stats = SynergyStats.recompute(projection, SynergyStats.RunListener.NONE, true);
        long counted = usedHeap();
        long hands = (long) existing * perRun;
        List<String> held = keys.subList(0, 5);
        for (int i = 0; i < measured; i++) {
            stats.apply(List.of(new ProjectionDelta.HandScored("w", "w:h" + i, 100 + i, held)));
        }
        long[] nanos = new long[measured];
        for (int i = 0; i < measured; i++) {
            List<ProjectionDelta> d = List.of(new ProjectionDelta.HandScored("m", "m:h" + i, 100 + i, held));
            long t0 = System.nanoTime();
            stats.apply(d);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "{\"phase\":\"hands\",\"runs\":%d,\"hands\":%d,\"projection_bytes_per_hand\":%.0f,"
                        + "\"synergy_bytes_per_hand\":%.0f,\"hand_update_us_p50\":%.2f,\"hand_update_us_p99\":%.2f}%n",
                existing, hands, (double) (projected - before) / hands, (double) (counted - projected) / hands,
                nanos[measured / 2] / 1e3, nanos[(int) (measured * 0.99)] / 1e3);
        if (projection.runCount() < 0) {
            System.out.println(stats.overall()); // keeps both reachable until measured
        }
    }

    /**
     * FP-Growth against brute-force enumeration on the won runs: every set of one to three of the jokers, each
     * counted against every run; 1,000 won runs (brute force takes about a minute at 5,000).
     */
    private static void bruteForce(List<SynergyStats.FinishedRun> runs, List<String> keys) {
        List<java.util.Set<String>> won = runs.stream().filter(SynergyStats.FinishedRun::won).map(SynergyStats.FinishedRun::jokers)
                .limit(1_000).toList();
        java.util.Map<java.util.Set<String>, Long> transactions = new java.util.HashMap<>();
        won.forEach(t -> transactions.merge(t, 1L, Long::sum));
        long minCount = jimbot.algorithms.patterns.FrequentSets.minCount(0.001, won.size());
        long f0 = System.nanoTime();
        java.util.Map<java.util.Set<String>, Long> fp = jimbot.algorithms.patterns.FpGrowth.mine(transactions, minCount, 3,
                Cancellation.NEVER);
        double fpMs = (System.nanoTime() - f0) / 1e6;
        long b0 = System.nanoTime();
        java.util.Map<java.util.Set<String>, Long> brute = new java.util.HashMap<>();
        List<String> items = keys.stream().sorted().toList();
        List<java.util.Set<String>> candidates = new ArrayList<>();
        for (int a = 0; a < items.size(); a++) {
            candidates.add(java.util.Set.of(items.get(a)));
            for (int b = a + 1; b < items.size(); b++) {
                candidates.add(java.util.Set.of(items.get(a), items.get(b)));
                for (int c = b + 1; c < items.size(); c++) {
                    candidates.add(java.util.Set.of(items.get(a), items.get(b), items.get(c)));
                }
            }
        }
        for (java.util.Set<String> set : candidates) {
            long count = 0;
            for (java.util.Set<String> t : won) {
                if (t.containsAll(set)) {
                    count++;
                }
            }
            if (count >= minCount) {
                brute.put(set, count);
            }
        }
        double bruteMs = (System.nanoTime() - b0) / 1e6;
        System.out.printf(Locale.ROOT, "{\"phase\":\"fp-growth-vs-brute-force\",\"won_runs\":%d,\"min_support\":0.001,"
                        + "\"max_size\":3,\"sets\":%d,\"equal\":%b,\"fp_growth_ms\":%.1f,\"brute_force_ms\":%.1f,\"ratio\":%.0f}%n",
                won.size(), fp.size(), fp.equals(brute), fpMs, bruteMs, bruteMs / fpMs);
    }

    /**
     * Frequent sets kept as runs finish: the latency of counting one more finished run with the sets kept alongside
     * (synergy counts + three FrequentSets), and answering "sets in at least 0.1 % of won runs" from the kept sets
     * against a batch FP-Growth over the same runs.
     */
    private static void patterns(int existing, int measured, List<String> keys) {
        Random random = new Random(existing + 1);
        LiveProjection projection = new LiveProjection();
        for (int i = 0; i < existing; i++) {
            projection.apply(finishedRun("r" + i, keys, random));
        }
        // the first read of a module: everything from the projection at once
        KeptPatterns kept = new KeptPatterns();
        long b0 = System.nanoTime();
        SynergyStats stats = SynergyStats.recompute(projection, kept);
        double buildS = (System.nanoTime() - b0) / 1e9;
        for (int i = 0; i < measured; i++) {
            stats.apply(finishedRun("w" + existing + "-" + i, keys, random));
        }
        long[] nanos = new long[measured];
        // the runs after which 0.1 % of all runs crosses a whole number: every kept set may change sides then
        List<Long> crossing = new ArrayList<>();
        for (int i = 0; i < measured; i++) {
            List<ProjectionDelta> d = finishedRun("m" + existing + "-" + i, keys, random);
            long t0 = System.nanoTime();
            stats.apply(d);
            nanos[i] = System.nanoTime() - t0;
            if (kept.runs(Patterns.Outcome.ALL) % 1000 == 1) {
                crossing.add(nanos[i]);
            }
        }
        crossing.sort(null);
        System.out.printf(Locale.ROOT, "{\"phase\":\"patterns-least-count-rises\",\"runs\":%d,\"events\":%d,\"us_p50\":%.1f,"
                        + "\"us_max\":%.1f}%n", existing, crossing.size(), crossing.isEmpty() ? 0 : crossing.get(crossing.size() / 2) / 1e3,
                crossing.isEmpty() ? 0 : crossing.get(crossing.size() - 1) / 1e3);
        Arrays.sort(nanos);
        double meanUs = Arrays.stream(nanos).average().orElse(0) / 1e3;
        // the same ask both ways, several times each, alternating so that neither gets a warmer JIT
        int reps = 5;
        long keptNs = 0;
        long batchNs = 0;
        int keptSets = 0;
        int batchSets = 0;
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            keptSets = kept.frequent(Patterns.Outcome.WON, 0.001, 1, 3, Cancellation.NEVER).size();
            keptNs += System.nanoTime() - t0;
            t0 = System.nanoTime();
            batchSets = kept.batch(Patterns.Outcome.WON, 0.001, 1, 3, Cancellation.NEVER).size();
            batchNs += System.nanoTime() - t0;
        }
        double keptMs = keptNs / 1e6 / reps;
        double batchMs = batchNs / 1e6 / reps;
        System.out.printf(Locale.ROOT, "{\"phase\":\"patterns-update\",\"runs\":%d,\"measured\":%d,\"update_us_p50\":%.2f,"
                        + "\"update_us_p99\":%.2f,\"update_us_p999\":%.2f,\"update_us_max\":%.2f,\"update_us_mean\":%.2f,\"kept_sets\":%s,"
                        + "\"build_s\":%.1f,\"batch_fp_growth_ms\":%.1f,\"batch_over_update\":%.0f}%n", existing, measured,
                nanos[measured / 2] / 1e3, nanos[(int) (measured * 0.99)] / 1e3, nanos[(int) (measured * 0.999)] / 1e3,
                nanos[measured - 1] / 1e3, meanUs, kept.size().values(), buildS, batchMs, batchMs * 1e3 / meanUs);
        System.out.printf(Locale.ROOT, "{\"phase\":\"patterns-query\",\"runs\":%d,\"won_runs\":%d,\"min_support\":0.001,"
                        + "\"sets\":%d,\"batch_sets\":%d,\"kept_ms\":%.2f,\"batch_fp_growth_ms\":%.1f,\"ratio\":%.0f}%n",
                kept.runs(Patterns.Outcome.ALL), kept.runs(Patterns.Outcome.WON), keptSets, batchSets, keptMs, batchMs,
                batchMs / keptMs);
    }
}
