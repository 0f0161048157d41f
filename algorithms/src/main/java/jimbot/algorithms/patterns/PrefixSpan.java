package jimbot.algorithms.patterns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jimbot.graph.procedures.Cancellation;

/**
 * PrefixSpan: every sequence of items that occurs, in order but not necessarily adjacent, in at least {@code minCount}
 * of the input sequences, with that count, up to {@code maxLength} items. Deterministic (items in name order).
 */
public final class PrefixSpan {

    private PrefixSpan() {
    }

    /** A suffix of one input sequence: the sequence and where the suffix starts. */
    private record Suffix(List<String> sequence, int from) {
    }

    public static Map<List<String>, Long> mine(List<List<String>> sequences, long minCount, int maxLength,
                                               Cancellation cancellation) {
        if (minCount < 1 || maxLength < 1) {
            throw new IllegalArgumentException("minCount and maxLength must be positive");
        }
        Map<List<String>, Long> out = new LinkedHashMap<>();
        List<Suffix> all = new ArrayList<>();
        sequences.forEach(s -> all.add(new Suffix(s, 0)));
        grow(new ArrayList<>(), all, minCount, maxLength, out, cancellation);
        return out;
    }

    private static void grow(List<String> prefix, List<Suffix> projected, long minCount, int maxLength,
                             Map<List<String>, Long> out, Cancellation cancellation) {
        cancellation.check();
        // in how many suffixes each item occurs (once per suffix)
        Map<String, Long> counts = new TreeMap<>();
        for (Suffix s : projected) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = s.from(); i < s.sequence().size(); i++) {
                if (seen.add(s.sequence().get(i))) {
                    counts.merge(s.sequence().get(i), 1L, Long::sum);
                }
            }
        }
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (e.getValue() < minCount) {
                continue;
            }
            List<String> pattern = new ArrayList<>(prefix);
            pattern.add(e.getKey());
            out.put(List.copyOf(pattern), e.getValue());
            if (pattern.size() >= maxLength) {
                continue;
            }
            List<Suffix> next = new ArrayList<>();
            for (Suffix s : projected) {
                int at = s.sequence().subList(s.from(), s.sequence().size()).indexOf(e.getKey());
                if (at >= 0) {
                    next.add(new Suffix(s.sequence(), s.from() + at + 1));
                }
            }
            grow(pattern, next, minCount, maxLength, out, cancellation);
        }
    }
}
