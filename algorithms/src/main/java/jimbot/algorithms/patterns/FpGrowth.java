package jimbot.algorithms.patterns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jimbot.graph.procedures.Cancellation;

/**
 * FP-Growth: every item set contained in at least {@code minCount} transactions, with its count, up to
 * {@code maxSize} items. Transactions come with multiplicities. Deterministic (items ordered by count, then name).
 */
public final class FpGrowth {

    private FpGrowth() {
    }

    private static final class Node {
        final String item;
        final Node parent;
        final Map<String, Node> children = new HashMap<>();
        long count;

        Node(String item, Node parent) {
            this.item = item;
            this.parent = parent;
        }
    }

    /** Frequent item sets (as sorted sets) and their counts. */
    public static Map<Set<String>, Long> mine(Map<Set<String>, Long> transactions, long minCount, int maxSize,
                                              Cancellation cancellation) {
        Map<Set<String>, Long> out = new LinkedHashMap<>();
        if (minCount < 1 || maxSize < 1) {
            throw new IllegalArgumentException("minCount and maxSize must be positive");
        }
        grow(transactions, new TreeSet<>(), minCount, maxSize, out, cancellation);
        return out;
    }

    private static void grow(Map<Set<String>, Long> transactions, TreeSet<String> suffix, long minCount, int maxSize,
                             Map<Set<String>, Long> out, Cancellation cancellation) {
        cancellation.check();
        Map<String, Long> counts = new HashMap<>();
        transactions.forEach((t, n) -> t.forEach(i -> counts.merge(i, n, Long::sum)));
        List<String> frequent = counts.entrySet().stream().filter(e -> e.getValue() >= minCount)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        if (frequent.isEmpty()) {
            return;
        }
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < frequent.size(); i++) {
            rank.put(frequent.get(i), i);
        }
        // the FP-tree of this (conditional) database, with a header list of nodes per item
        Node root = new Node(null, null);
        Map<String, List<Node>> header = new HashMap<>();
        transactions.forEach((t, n) -> {
            List<String> path = t.stream().filter(rank::containsKey).sorted(Comparator.comparingInt(rank::get)).toList();
            Node at = root;
            for (String item : path) {
                Node parent = at;
                at = at.children.computeIfAbsent(item, k -> {
                    Node created = new Node(k, parent);
                    header.computeIfAbsent(k, x -> new ArrayList<>()).add(created);
                    return created;
                });
                at.count += n;
            }
        });
        // least frequent first: each item's conditional pattern base gives the sets ending in it
        for (int i = frequent.size() - 1; i >= 0; i--) {
            String item = frequent.get(i);
            TreeSet<String> set = new TreeSet<>(suffix);
            set.add(item);
            out.put(java.util.Collections.unmodifiableSortedSet(set), counts.get(item));
            if (set.size() >= maxSize) {
                continue;
            }
            Map<Set<String>, Long> conditional = new HashMap<>();
            for (Node node : header.getOrDefault(item, List.of())) {
                TreeSet<String> prefix = new TreeSet<>();
                for (Node p = node.parent; p != null && p.item != null; p = p.parent) {
                    prefix.add(p.item);
                }
                if (!prefix.isEmpty()) {
                    conditional.merge(prefix, node.count, Long::sum);
                }
            }
            grow(conditional, set, minCount, maxSize, out, cancellation);
        }
    }
}
