package jimbot.algorithms.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jimbot.graph.procedures.Cancellation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** PrefixSpan finds exactly the subsequences brute-force enumeration finds, with the same counts. */
class PrefixSpanProperties {

    private static final List<String> MOVES = List.of("buy a", "buy b", "sell a", "buy c");

    @Property(tries = 300)
    void equalsBruteForce(@ForAll @Size(max = 25) List<@Size(max = 6) List<@IntRange(min = 0, max = 3) Integer>> rows,
                          @ForAll @IntRange(min = 1, max = 5) int minCount, @ForAll @IntRange(min = 1, max = 3) int maxLength) {
        List<List<String>> sequences = rows.stream().map(r -> r.stream().map(MOVES::get).toList()).toList();
        assertThat(PrefixSpan.mine(sequences, minCount, maxLength, Cancellation.NEVER))
                .isEqualTo(bruteForce(sequences, minCount, maxLength));
    }

    /** Every sequence over the moves up to maxLength, counted against every input (as a subsequence). */
    static Map<List<String>, Long> bruteForce(List<List<String>> sequences, long minCount, int maxLength) {
        Map<List<String>, Long> out = new HashMap<>();
        List<List<String>> candidates = new ArrayList<>();
        candidates.add(List.of());
        for (int len = 1; len <= maxLength; len++) {
            List<List<String>> longer = new ArrayList<>();
            for (List<String> c : candidates) {
                if (c.size() == len - 1) {
                    for (String m : MOVES) {
                        List<String> n = new ArrayList<>(c);
                        n.add(m);
                        longer.add(n);
                    }
                }
            }
            candidates.addAll(longer);
        }
        for (List<String> c : candidates) {
            if (c.isEmpty()) {
                continue;
            }
            long count = sequences.stream().filter(s -> contains(s, c)).count();
            if (count >= minCount) {
                out.put(c, count);
            }
        }
        return out;
    }

    private static boolean contains(List<String> sequence, List<String> pattern) {
        int i = 0;
        for (String s : sequence) {
            if (i < pattern.size() && s.equals(pattern.get(i))) {
                i++;
            }
        }
        return i == pattern.size();
    }
}
