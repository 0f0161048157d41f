package jimbot.coordinator;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;

/**
 * Waiting requests of one resource, served by stride scheduling over the priority classes: each class has a pass
 * that grows by 1/weight per grant, and the next grant goes to the waiting class with the smallest pass (FIFO inside
 * a class). A class that starts waiting again joins at the current virtual time, so idling earns no burst. Every class
 * with a positive weight is served within a bounded number of grants: no starvation. Not thread-safe: the
 * coordinator holds its lock.
 *
 * @param <T> a waiting request
 */
final class FairQueue<T> {

    private static final double SCALE = 1 << 20;

    private final Map<PriorityClass, ArrayDeque<T>> waiting = new EnumMap<>(PriorityClass.class);
    private final Map<PriorityClass, Double> pass = new EnumMap<>(PriorityClass.class);
    private final Map<PriorityClass, Double> stride = new EnumMap<>(PriorityClass.class);
    private double virtualTime;
    private int size;

    FairQueue(Map<PriorityClass, Integer> weights) {
        for (PriorityClass c : PriorityClass.values()) {
            waiting.put(c, new ArrayDeque<>());
            pass.put(c, 0.0);
            stride.put(c, SCALE / weights.get(c));
        }
    }

    void add(PriorityClass c, T item) {
        ArrayDeque<T> q = waiting.get(c);
        if (q.isEmpty()) {
            pass.put(c, Math.max(pass.get(c), virtualTime));
        }
        q.addLast(item);
        size++;
    }

    /** The class whose head goes next, or null when nobody waits. Ties go to the higher class. */
    PriorityClass nextClass() {
        PriorityClass best = null;
        for (PriorityClass c : PriorityClass.values()) {
            if (!waiting.get(c).isEmpty() && (best == null || pass.get(c) <= pass.get(best))) {
                best = c;
            }
        }
        return best;
    }

    T peek(PriorityClass c) {
        return waiting.get(c).peekFirst();
    }

    /** Removes the head of {@code c} as granted and advances the class's pass. */
    T grant(PriorityClass c) {
        T item = waiting.get(c).pollFirst();
        size--;
        virtualTime = pass.get(c);
        pass.put(c, pass.get(c) + stride.get(c));
        return item;
    }

    /** Removes a waiting item that gave up (timeout, cancel); true when it was waiting. */
    boolean remove(PriorityClass c, T item) {
        boolean removed = waiting.get(c).remove(item);
        if (removed) {
            size--;
        }
        return removed;
    }

    int size() {
        return size;
    }

    /** Position of an item in grant order (approximate across classes: items of its class ahead of it). */
    int ahead(PriorityClass c, T item) {
        int i = 0;
        for (T t : waiting.get(c)) {
            if (t == item) {
                return i;
            }
            i++;
        }
        return -1;
    }
}
