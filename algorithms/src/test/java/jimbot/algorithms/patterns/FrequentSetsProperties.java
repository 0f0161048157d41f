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
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

/**
 * The incrementally kept frequent sets equal a batch FP-Growth run and brute-force enumeration on the same
 * transactions, after any sequence of additions and removals; the border is exactly the sets whose smaller subsets
 * are all frequent.
 */
class FrequentSetsProperties {

    private static final List<String> ITEMS = List.of("a", "b", "c", "d", "e", "f", "g");

    /** Step {@code i}: a non-negative value adds transaction i, a negative one removes an earlier transaction. */
    @Property(tries = 400)
    void incrementalEqualsBatch(@ForAll @Size(max = 60) List<@Size(max = 7) @UniqueElements List<@IntRange(min = 0, max = 6) Integer>> rows,
                                @ForAll @Size(max = 60) List<@IntRange(min = -3, max = 5) Integer> steps,
                                @ForAll @DoubleRange(min = 0.01, max = 0.5) double floor,
                                @ForAll @IntRange(min = 1, max = 4) int leastCount,
                                @ForAll @IntRange(min = 1, max = 7) int maxSize,
                                @ForAll @DoubleRange(min = 0, max = 0.5) double above,
                                @ForAll @IntRange(min = 0, max = 20) int bulkAt, @ForAll @IntRange(min = 0, max = 30) int bulk) {
        FrequentSets kept = new FrequentSets(floor, leastCount, maxSize);
        List<Set<String>> present = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < rows.size(); i++) {
            int step = i < steps.size() ? steps.get(i) : 1;
            if (i == bulkAt) {
                // many at once (as when a module first reads the projection), then on one at a time
                List<Set<String>> many = new ArrayList<>();
                for (int b = 0; b < bulk; b++) {
                    Set<String> t = new TreeSet<>();
                    rows.get(next++ % rows.size()).forEach(x -> t.add(ITEMS.get(x)));
                    many.add(t);
                }
                present.addAll(many);
                kept.addAll(many);
            } else if (step < 0 && !present.isEmpty()) {
                Set<String> gone = present.remove(Math.floorMod(step * 7 + i, present.size()));
                assertThat(kept.remove(gone)).isTrue();
            } else {
                Set<String> t = new TreeSet<>();
                rows.get(next++ % rows.size()).forEach(x -> t.add(ITEMS.get(x)));
                present.add(t);
                kept.add(t);
            }
            checkBorder(kept, present, maxSize);
        }
        Map<Set<String>, Long> transactions = new HashMap<>();
        for (Set<String> t : present) {
            if (!t.isEmpty()) {
                transactions.merge(t, 1L, Long::sum);
            }
        }
        double support = Math.min(1, floor + above);
        assertThat(kept.transactions()).isEqualTo(present.size());
        if (kept.covers(support, maxSize)) {
            long minCount = FrequentSets.minCount(support, present.size());
            Map<Set<String>, Long> batch = FpGrowth.mine(transactions, minCount, maxSize, Cancellation.NEVER);
            assertThat(kept.frequent(support, maxSize)).isEqualTo(batch)
                    .isEqualTo(FpGrowthProperties.bruteForce(transactions, minCount, maxSize));
        }
    }

    /** Tracked = frequent ∪ border, each with its exact count. */
    private static void checkBorder(FrequentSets kept, List<Set<String>> present, int maxSize) {
        Map<Set<String>, Long> expected = new HashMap<>();
        Map<Set<String>, Long> counts = new HashMap<>();
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
            counts.put(set, present.stream().filter(t -> t.containsAll(set)).count());
        }
        long least = kept.minCount();
        counts.forEach((set, count) -> {
            boolean frequent = count >= least;
            boolean border = !frequent && (set.size() == 1 ? count > 0 : set.stream().allMatch(x -> {
                Set<String> smaller = new TreeSet<>(set);
                smaller.remove(x);
                return counts.get(smaller) >= least;
            }));
            if (frequent || border) {
                expected.put(set, count);
            }
        });
        assertThat(kept.trackedSets()).isEqualTo(expected);
    }

    @Property(tries = 100)
    void removingWhatIsNotThereChangesNothing(@ForAll @Size(min = 1, max = 5) @UniqueElements List<@IntRange(min = 0, max = 6) Integer> row) {
        FrequentSets kept = new FrequentSets(0.1, 1, 4);
        Set<String> t = new TreeSet<>();
        row.forEach(x -> t.add(ITEMS.get(x)));
        assertThat(kept.remove(t)).isFalse();
        kept.add(t);
        assertThat(kept.remove(Set.of("zz"))).isFalse();
        assertThat(kept.transactions()).isEqualTo(1);
        assertThat(kept.count(t)).isEqualTo(1);
    }
}
