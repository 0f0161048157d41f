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
    public enum Outcome { WON, LOST, ALL }

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
        Map<Set<String>, Long> transactions = new HashMap<>();
        long mined = 0;
        long wins = 0;
        for (SynergyStats.FinishedRun r : runs) {
            wins += r.won() ? 1 : 0;
            if (outcome == Outcome.ALL || (outcome == Outcome.WON) == r.won()) {
                mined++;
                if (r.jokers().size() >= 2) {
                    transactions.merge(r.jokers(), 1L, Long::sum);
                }
            }
        }
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
