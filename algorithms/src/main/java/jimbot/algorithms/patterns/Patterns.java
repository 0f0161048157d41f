package jimbot.algorithms.patterns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    public static List<Row> mine(KeptPatterns kept, Outcome outcome, double minSupport, int maxSize, int limit,
                                 Cancellation cancellation) {
        long mined = kept.runs(outcome);
        if (mined == 0) {
            return List.of();
        }
        long all = kept.runs(Outcome.ALL);
        double baseline = (double) kept.runs(Outcome.WON) / all;
        List<Map.Entry<Set<String>, Long>> sets = new ArrayList<>(kept.frequent(outcome, minSupport, 2, maxSize, cancellation)
                .entrySet());
        sets.sort(Map.Entry.<Set<String>, Long>comparingByValue().reversed()
                .thenComparing(e -> String.join(",", e.getKey())));
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Set<String>, Long> e : sets.subList(0, Math.min(limit, sets.size()))) {
            cancellation.check();
            long held = kept.holding(Outcome.ALL, e.getKey());
            long heldWins = kept.holding(Outcome.WON, e.getKey());
            double rate = held == 0 ? 0 : (double) heldWins / held;
            rows.add(new Row(e.getKey().stream().sorted().toList(), e.getValue(), (double) e.getValue() / mined, held, heldWins,
                    rate, baseline == 0 ? 0 : rate / baseline));
        }
        rows.sort(Comparator.comparingLong(Row::runs).reversed().thenComparing(Comparator.comparingDouble(Row::lift).reversed())
                .thenComparing(r -> String.join(",", r.jokers())));
        return List.copyOf(rows);
    }
}
