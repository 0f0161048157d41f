package jimbot.algorithms.patterns;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The frequent item sets of a changing multiset of transactions, kept exact as transactions come and go (the
 * negative-border method): every set held by at least {@code max(leastCount, ceil(floor × transactions))} of them, up
 * to {@code maxSize} items, with its count, plus the negative border — the sets not frequent whose every subset one
 * item smaller is — with theirs. Adding or removing one transaction of k items touches the tracked sets among its
 * subsets (at most 2^k lookups); only when a border set becomes frequent are its new border supersets counted, by
 * intersecting per-item bit sets of the transactions holding each item. So wherever {@link #covers} says so, a batch
 * FP-Growth equals {@link #frequent(double, int)} on the same transactions. Not thread-safe.
 */
public final class FrequentSets {

    /** An item set: item ids in increasing order. */
    private static final class Items {
        final int[] ids;
        final int hash;

        Items(int[] ids) {
            this.ids = ids;
            this.hash = Arrays.hashCode(ids);
        }

        int size() {
            return ids.length;
        }

        boolean contains(int id) {
            return Arrays.binarySearch(ids, id) >= 0;
        }

        Items with(int id) {
            int at = -Arrays.binarySearch(ids, id) - 1;
            int[] out = new int[ids.length + 1];
            System.arraycopy(ids, 0, out, 0, at);
            out[at] = id;
            System.arraycopy(ids, at, out, at + 1, ids.length - at);
            return new Items(out);
        }

        Items without(int index) {
            int[] out = new int[ids.length - 1];
            System.arraycopy(ids, 0, out, 0, index);
            System.arraycopy(ids, index + 1, out, index, ids.length - index - 1);
            return new Items(out);
        }

        boolean within(Items other) {
            int j = 0;
            for (int id : ids) {
                while (j < other.ids.length && other.ids[j] < id) {
                    j++;
                }
                if (j == other.ids.length || other.ids[j] != id) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Items other && hash == other.hash && Arrays.equals(ids, other.ids);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A tracked set's count and whether it is frequent (otherwise it is on the negative border). */
    private static final class Tracked {
        long count;
        boolean frequent;

        Tracked(long count) {
            this.count = count;
        }
    }

    private final double floor;
    private final long leastCount;
    private final int maxSize;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    // transactions in slots, and per item the slots holding it
    private final List<BitSet> holders = new ArrayList<>();
    private final Map<Items, ArrayDeque<Integer>> slots = new HashMap<>();
    private final ArrayDeque<Integer> freeSlots = new ArrayDeque<>();
    private int nextSlot;
    private long transactions;
    // the frequent sets and the negative border
    private final Map<Items, Tracked> tracked = new HashMap<>();
    private final BitSet frequentItems = new BitSet();
    private final BitSet scratch = new BitSet();
    private long minCount = 1;

    /**
     * Sets frequent at {@code floor} (a share of the transactions, above 0) and held by at least {@code leastCount}
     * transactions, of at most {@code maxSize} items. The least count keeps the border small while there are few
     * transactions (at one, every subset of every transaction would be frequent).
     */
    public FrequentSets(double floor, long leastCount, int maxSize) {
        if (!(floor > 0 && floor <= 1) || maxSize < 1 || leastCount < 1) {
            throw new IllegalArgumentException("floor must be in (0, 1], leastCount and maxSize positive");
        }
        this.floor = floor;
        this.leastCount = leastCount;
        this.maxSize = maxSize;
        this.minCount = leastCount;
    }

    /** The least count a set needs among {@code transactions} to have {@code support}: what batch mining uses too. */
    public static long minCount(double support, long transactions) {
        return Math.max(1, (long) Math.ceil(support * transactions));
    }

    public double floor() {
        return floor;
    }

    public long leastCount() {
        return leastCount;
    }

    public int maxSize() {
        return maxSize;
    }

    /** Whether {@link #frequent} can answer for this support and size now: the batch miner must otherwise. */
    public boolean covers(double support, int maxSize) {
        return maxSize <= this.maxSize && minCount(support, transactions) >= minCount;
    }

    /** How many transactions there are. */
    public long transactions() {
        return transactions;
    }

    /** How many sets are tracked (frequent at the floor, or on the negative border): the structure's size. */
    public int tracked() {
        return tracked.size();
    }

    /** Adds one transaction. */
    public void add(Set<String> transaction) {
        change(itemsOf(transaction, true), +1);
    }

    /**
     * Adds many transactions at once: stored first, then the frequent sets and their border found afresh level by
     * level (Apriori over the per-item bit sets), which is far cheaper than repairing after each one.
     */
    public void addAll(Collection<Set<String>> many) {
        for (Set<String> transaction : many) {
            store(itemsOf(transaction, true), +1);
        }
        tracked.clear();
        frequentItems.clear();
        minCount = Math.max(leastCount, minCount(floor, transactions));
        List<Items> level = new ArrayList<>();
        for (int id = 0; id < names.size(); id++) {
            Items single = new Items(new int[] {id});
            long count = countOf(single);
            if (count > 0) {
                Tracked t = new Tracked(count);
                tracked.put(single, t);
                if (count >= minCount) {
                    t.frequent = true;
                    frequentItems.set(id);
                    level.add(single);
                }
            }
        }
        for (int size = 1; size < maxSize && !level.isEmpty(); size++) {
            List<Items> next = new ArrayList<>();
            for (Items x : level) {
                // each candidate once: from its prefix, extended by a larger frequent item
                for (int id = frequentItems.nextSetBit(x.ids[x.size() - 1] + 1); id >= 0; id = frequentItems.nextSetBit(id + 1)) {
                    Items y = x.with(id);
                    if (subsetsFrequent(y)) {
                        Tracked t = new Tracked(countOf(y));
                        tracked.put(y, t);
                        if (t.count >= minCount) {
                            t.frequent = true;
                            next.add(y);
                        }
                    }
                }
            }
            level = next;
        }
    }

    /** Removes one transaction equal to {@code transaction}; false (and no change) if there is none. */
    public boolean remove(Set<String> transaction) {
        Items t = itemsOf(transaction, false);
        if (t == null || !slots.containsKey(t)) {
            return false;
        }
        change(t, -1);
        return true;
    }

    /**
     * Every set of at least {@code minSize} and at most {@code maxSize} items held by at least
     * {@code minCount(support, transactions())} transactions, with its count; only where {@link #covers} says so.
     */
    public Map<Set<String>, Long> frequent(double support, int minSize, int maxSize) {
        if (!covers(support, maxSize)) {
            throw new IllegalArgumentException("support " + support + " or size " + maxSize + " not maintained");
        }
        long least = minCount(support, transactions);
        Map<Set<String>, Long> out = new LinkedHashMap<>();
        tracked.forEach((items, t) -> {
            if (t.frequent && t.count >= least && items.size() >= minSize && items.size() <= maxSize) {
                out.put(names(items), t.count);
            }
        });
        return out;
    }

    /** As {@link #frequent(double, int, int)} with sets of any size from 1. */
    public Map<Set<String>, Long> frequent(double support, int maxSize) {
        return frequent(support, 1, maxSize);
    }

    /** How many transactions hold every item of {@code set} (any set, tracked or not). */
    public long count(Set<String> set) {
        if (set.isEmpty()) {
            return transactions;
        }
        Items items = itemsOf(set, false);
        if (items == null) {
            return 0;
        }
        Tracked t = tracked.get(items);
        return t != null ? t.count : countOf(items);
    }

    /** The distinct transactions with how many times each is held (what a batch miner reads). */
    public Map<Set<String>, Long> transactionSets() {
        Map<Set<String>, Long> out = new HashMap<>();
        slots.forEach((items, held) -> {
            if (items.size() > 0) {
                out.put(names(items), (long) held.size());
            }
        });
        return out;
    }

    /** Every tracked set with its count, frequent or on the border (for tests of the invariant). */
    Map<Set<String>, Long> trackedSets() {
        Map<Set<String>, Long> out = new HashMap<>();
        tracked.forEach((items, t) -> out.put(names(items), t.count));
        return out;
    }

    /** The least count a set needs to be frequent now. */
    long minCount() {
        return minCount;
    }

    private Items itemsOf(Set<String> set, boolean intern) {
        int[] out = new int[set.size()];
        int n = 0;
        for (String name : set) {
            Integer id = ids.get(name);
            if (id == null) {
                if (!intern) {
                    return null;
                }
                id = names.size();
                ids.put(name, id);
                names.add(name);
                holders.add(new BitSet());
            }
            out[n++] = id;
        }
        Arrays.sort(out);
        return new Items(out);
    }

    private Set<String> names(Items items) {
        TreeSet<String> out = new TreeSet<>();
        for (int id : items.ids) {
            out.add(names.get(id));
        }
        return java.util.Collections.unmodifiableSortedSet(out);
    }

    private void change(Items t, int sign) {
        store(t, sign);
        List<Items> changed = new ArrayList<>();
        int reach = Math.min(t.size(), maxSize);
        if (t.size() <= 20 && subsetCount(t.size(), reach) <= 4L * tracked.size() + 64) {
            subsets(t, reach, 0, new int[reach], 0, s -> {
                Tracked c = tracked.get(s);
                if (c != null) {
                    c.count += sign;
                    changed.add(s);
                }
            });
        } else {
            tracked.forEach((s, c) -> {
                if (s.within(t)) {
                    c.count += sign;
                    changed.add(s);
                }
            });
        }
        if (sign > 0) {
            for (int id : t.ids) {
                Items single = new Items(new int[] {id});
                if (!tracked.containsKey(single)) {
                    tracked.put(single, new Tracked(countOf(single)));
                    changed.add(single);
                }
            }
        }
        long before = minCount;
        minCount = Math.max(leastCount, minCount(floor, transactions));
        if (before != minCount) {
            // every tracked set may change sides; only those that do (and emptied items) need repair
            tracked.forEach((s, c) -> {
                if (c.frequent != (c.count >= minCount) || c.count == 0) {
                    changed.add(s);
                }
            });
        }
        repair(changed);
    }

    /** Stores or takes out one transaction, with no bookkeeping of the sets. */
    private void store(Items t, int sign) {
        int slot;
        if (sign > 0) {
            slot = freeSlots.isEmpty() ? nextSlot++ : freeSlots.pop();
            slots.computeIfAbsent(t, k -> new ArrayDeque<>()).push(slot);
        } else {
            ArrayDeque<Integer> held = slots.get(t);
            slot = held.pop();
            if (held.isEmpty()) {
                slots.remove(t);
            }
            freeSlots.push(slot);
        }
        for (int id : t.ids) {
            holders.get(id).set(slot, sign > 0);
        }
        transactions += sign;
    }

    /** Restores the invariant (tracked = frequent ∪ negative border, exact counts) after the counts of {@code check}
     * or the least count changed. */
    private void repair(List<Items> check) {
        check.sort(Comparator.comparingInt(Items::size));
        for (Items s : check) {
            Tracked c = tracked.get(s);
            if (c != null && c.frequent && c.count < minCount) {
                c.frequent = false;
                if (s.size() == 1) {
                    frequentItems.clear(s.ids[0]);
                }
                forgetSupersets(s);
            }
        }
        ArrayDeque<Items> rising = new ArrayDeque<>();
        for (Items s : check) {
            Tracked c = tracked.get(s);
            if (c != null && !c.frequent && c.count >= minCount) {
                rising.add(s);
            }
        }
        while (!rising.isEmpty()) {
            Items s = rising.poll();
            Tracked c = tracked.get(s);
            if (c == null || c.frequent) {
                continue;
            }
            c.frequent = true;
            if (s.size() == 1) {
                frequentItems.set(s.ids[0]);
            }
            if (s.size() < maxSize) {
                // the supersets one item larger whose every smaller subset is now frequent join the border
                for (int id = frequentItems.nextSetBit(0); id >= 0; id = frequentItems.nextSetBit(id + 1)) {
                    if (s.contains(id)) {
                        continue;
                    }
                    Items y = s.with(id);
                    if (!tracked.containsKey(y) && subsetsFrequent(y)) {
                        Tracked counted = new Tracked(countOf(y));
                        tracked.put(y, counted);
                        if (counted.count >= minCount) {
                            rising.add(y);
                        }
                    }
                }
            }
        }
        for (Items s : check) {
            Tracked c = tracked.get(s);
            if (s.size() == 1 && c != null && c.count == 0) {
                tracked.remove(s); // an item no transaction holds any more; it returns when one does
            }
        }
    }

    /** Stops tracking the supersets one item larger of a set no longer frequent (and, if frequent, theirs). */
    private void forgetSupersets(Items s) {
        if (s.size() >= maxSize) {
            return;
        }
        // a tracked superset's extra item was frequent when it was tracked, and an item that stopped being frequent
        // earlier in this repair has had its supersets forgotten then
        for (int id = frequentItems.nextSetBit(0); id >= 0; id = frequentItems.nextSetBit(id + 1)) {
            if (s.contains(id)) {
                continue;
            }
            Items y = s.with(id);
            Tracked gone = tracked.remove(y);
            if (gone != null && gone.frequent) {
                forgetSupersets(y);
            }
        }
    }

    private boolean subsetsFrequent(Items y) {
        for (int i = 0; i < y.size(); i++) {
            Tracked sub = tracked.get(y.without(i));
            if (sub == null || !sub.frequent) {
                return false;
            }
        }
        return true;
    }

    private long countOf(Items s) {
        if (s.size() == 1) {
            return holders.get(s.ids[0]).cardinality();
        }
        scratch.clear();
        scratch.or(holders.get(s.ids[0]));
        for (int i = 1; i < s.size(); i++) {
            scratch.and(holders.get(s.ids[i]));
        }
        return scratch.cardinality();
    }

    private static long subsetCount(int n, int upTo) {
        long total = 0;
        long c = 1;
        for (int k = 1; k <= upTo; k++) {
            c = c * (n - k + 1) / k;
            total += c;
        }
        return total;
    }

    private static void subsets(Items t, int reach, int from, int[] picked, int size, java.util.function.Consumer<Items> out) {
        for (int i = from; i < t.size(); i++) {
            picked[size] = t.ids[i];
            out.accept(new Items(Arrays.copyOf(picked, size + 1)));
            if (size + 1 < reach) {
                subsets(t, reach, i + 1, picked, size + 1, out);
            }
        }
    }
}
