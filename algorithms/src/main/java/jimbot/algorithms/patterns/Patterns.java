package jimbot.algorithms.patterns;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jimbot.algorithms.synergy.SynergyStats;
import jimbot.graph.procedures.Cancellation;

/**
 * Frequent joker sets of won runs, lost runs or all finished runs, with how the runs holding each set did: win rate
 * and lift over the baseline (a set frequent in wins with lift above 1 is a contrast set: over-represented in wins).
 */
public final class Patterns {

    /** Which runs to mine. */
    public enum Outcome {
        WON, LOST, ALL;

        /** The {@code outcome} parameter's word: won, lost or all. */
        public static Outcome parse(Object word) {
            try {
                return valueOf(String.valueOf(word).trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new jimbot.graph.procedures.InvalidParameterException("outcome", "won, lost or all",
                        "outcome: '" + word + "' is not won, lost or all");
            }
        }

        boolean includes(SynergyStats.FinishedRun r) {
            return this == ALL || (this == WON) == r.won();
        }
    }

    /** The joker sets of the runs of one outcome (with at least {@code minJokers} jokers), and how many runs that is. */
    record Transactions(Map<Set<String>, Long> sets, long runs) {
    }

    static Transactions transactions(List<SynergyStats.FinishedRun> runs, Outcome outcome, int minJokers) {
        Map<Set<String>, Long> sets = new HashMap<>();
        long mined = 0;
        for (SynergyStats.FinishedRun r : runs) {
            if (outcome.includes(r)) {
                mined++;
                if (r.jokers().size() >= minJokers) {
                    sets.merge(r.jokers(), 1L, Long::sum);
                }
            }
        }
        return new Transactions(sets, mined);
    }

    /**
     * One frequent set.
     *
     * @param runs runs of the mined kind holding the set
     * @param support runs / runs of the mined kind
     * @param held finished runs of any outcome holding the set
     * @param winRate wins among those
     * @param lift winRate over the baseline win rate
     */
    public record Row(List<String> jokers, long runs, double support, long held, long wins, double winRate, double lift) {
        public Row {
            jokers = List.copyOf(jokers);
        }
    }

    private Patterns() {
    }

    /** The frequent sets (at least 2 jokers), most frequent first, then by lift, at most {@code limit}. */
    public static List<Row> mine(List<SynergyStats.FinishedRun> runs, Outcome outcome, double minSupport, int maxSize,
                                 int limit, Cancellation cancellation) {
        Transactions t = transactions(runs, outcome, 2);
        Map<Set<String>, Long> transactions = t.sets();
        long mined = t.runs();
        long wins = runs.stream().filter(SynergyStats.FinishedRun::won).count();
        if (mined == 0) {
            return List.of();
        }
        long minCount = Math.max(1, (long) Math.ceil(minSupport * mined));
        double baseline = (double) wins / runs.size();
        List<Map.Entry<Set<String>, Long>> sets = new ArrayList<>();
        FpGrowth.mine(transactions, minCount, maxSize, cancellation).forEach((set, n) -> {
            if (set.size() >= 2) {
                sets.add(Map.entry(set, n));
            }
        });
        sets.sort(Map.Entry.<Set<String>, Long>comparingByValue().reversed()
                .thenComparing(e -> String.join(",", e.getKey())));
        // one bit set of runs per joker (and one of won runs): a set's runs are the AND of its jokers' bit sets
        Map<String, BitSet> holders = new HashMap<>();
        BitSet won = new BitSet(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            SynergyStats.FinishedRun r = runs.get(i);
            if (r.won()) {
                won.set(i);
            }
            for (String j : r.jokers()) {
                holders.computeIfAbsent(j, k -> new BitSet(runs.size())).set(i);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Set<String>, Long> e : sets.subList(0, Math.min(limit, sets.size()))) {
            cancellation.check();
            BitSet all = null;
            for (String j : e.getKey()) {
                if (all == null) {
                    all = (BitSet) holders.get(j).clone();
                } else {
                    all.and(holders.get(j));
                }
            }
            long held = all.cardinality();
            all.and(won);
            long heldWins = all.cardinality();
            double rate = held == 0 ? 0 : (double) heldWins / held;
            rows.add(new Row(e.getKey().stream().sorted().toList(), e.getValue(), (double) e.getValue() / mined, held, heldWins,
                    rate, baseline == 0 ? 0 : rate / baseline));
        }
        rows.sort(Comparator.comparingLong(Row::runs).reversed().thenComparing(Comparator.comparingDouble(Row::lift).reversed())
                .thenComparing(r -> String.join(",", r.jokers())));
        return List.copyOf(rows);
    }
}
