package jimbot.algorithms.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jimbot.graph.procedures.Cancellation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

/** FP-Growth finds exactly the item sets brute-force enumeration finds, with the same counts. */
class FpGrowthProperties {

    private static final List<String> ITEMS = List.of("a", "b", "c", "d", "e", "f", "g");

    @Property(tries = 300)
    void equalsBruteForce(@ForAll @Size(max = 40) List<@Size(max = 7) @UniqueElements List<@IntRange(min = 0, max = 6) Integer>> rows,
                          @ForAll @IntRange(min = 1, max = 6) int minCount, @ForAll @IntRange(min = 1, max = 7) int maxSize) {
        Map<Set<String>, Long> transactions = new HashMap<>();
        for (List<Integer> row : rows) {
            Set<String> t = new TreeSet<>();
            row.forEach(i -> t.add(ITEMS.get(i)));
            if (!t.isEmpty()) {
                transactions.merge(t, 1L, Long::sum);
            }
        }
        Map<Set<String>, Long> mined = FpGrowth.mine(transactions, minCount, maxSize, Cancellation.NEVER);
        assertThat(mined).isEqualTo(bruteForce(transactions, minCount, maxSize));
    }

    /** Every subset of the items, counted against every transaction. */
    static Map<Set<String>, Long> bruteForce(Map<Set<String>, Long> transactions, long minCount, int maxSize) {
        Map<Set<String>, Long> out = new HashMap<>();
        for (int mask = 1; mask < 1 << ITEMS.size(); mask++) {
            if (Integer.bitCount(mask) > maxSize) {
                continue;
            }
            Set<String> set = new TreeSet<>();
            for (int i = 0; i < ITEMS.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    set.add(ITEMS.get(i));
                }
            }
            long count = 0;
            for (Map.Entry<Set<String>, Long> t : transactions.entrySet()) {
                if (t.getKey().containsAll(set)) {
                    count += t.getValue();
                }
            }
            if (count >= minCount) {
                out.put(set, count);
            }
        }
        return out;
    }

    @Property(tries = 50)
    void findsNothingAboveTheLargestCount(@ForAll @Size(min = 1, max = 10) List<@IntRange(min = 0, max = 6) Integer> items) {
        Map<Set<String>, Long> one = Map.of(new TreeSet<>(new ArrayList<>(items.stream().map(ITEMS::get).toList())), 3L);
        assertThat(FpGrowth.mine(one, 4, 7, Cancellation.NEVER)).isEmpty();
        assertThat(FpGrowth.mine(one, 3, 7, Cancellation.NEVER)).hasSize((1 << new TreeSet<>(items).size()) - 1);
    }
}
