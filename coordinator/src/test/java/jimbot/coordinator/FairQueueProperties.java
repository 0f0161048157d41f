package jimbot.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Stride scheduling over the priority classes: no class with a positive weight starves, and shares follow weights. */
class FairQueueProperties {

    private static Map<PriorityClass, Integer> weights(List<Integer> w) {
        Map<PriorityClass, Integer> m = new EnumMap<>(PriorityClass.class);
        for (PriorityClass c : PriorityClass.values()) {
            m.put(c, w.get(c.ordinal()));
        }
        return m;
    }

    /**
     * Random arrivals, one grant per step: while a class waits, the other classes together get at most
     * sum over them of (their weight / its weight + 1) grants before it is served.
     */
    @Property(tries = 300)
    void noClassWaitsLongerThanItsStrideBound(@ForAll @Size(4) List<@IntRange(min = 1, max = 20) Integer> w,
                                              @ForAll @Size(min = 1, max = 400) List<@IntRange(min = 0, max = 4) Integer> arrivals) {
        Map<PriorityClass, Integer> weights = weights(w);
        FairQueue<Integer> q = new FairQueue<>(weights);
        Map<PriorityClass, Integer> othersSinceServed = new EnumMap<>(PriorityClass.class);
        int id = 0;
        for (int step = 0; step < arrivals.size() * 2; step++) {
            if (step < arrivals.size() && arrivals.get(step) < 4) {
                PriorityClass c = PriorityClass.values()[arrivals.get(step)];
                if (q.peek(c) == null) {
                    othersSinceServed.put(c, 0);
                }
                q.add(c, id++);
            }
            if (step < arrivals.size() && step % 3 == 2) {
                continue; // arrivals outpace grants for a while: queues build up
            }
            PriorityClass served = q.nextClass();
            if (served == null) {
                continue;
            }
            q.grant(served);
            othersSinceServed.put(served, 0);
            for (PriorityClass c : PriorityClass.values()) {
                if (c != served && q.peek(c) != null) {
                    int waited = othersSinceServed.merge(c, 1, Integer::sum);
                    double bound = 0;
                    for (PriorityClass o : PriorityClass.values()) {
                        if (o != c) {
                            bound += (double) weights.get(o) / weights.get(c) + 1;
                        }
                    }
                    assertThat((double) waited).as("class %s waited %d grants; weights %s", c, waited, weights)
                            .isLessThanOrEqualTo(bound);
                }
            }
        }
    }

    /** All classes always waiting: each class's share of 10,000 grants is within 5 % of its weight's share. */
    @Property(tries = 100)
    void sharesFollowWeightsUnderSaturation(@ForAll @Size(4) List<@IntRange(min = 1, max = 20) Integer> w) {
        Map<PriorityClass, Integer> weights = weights(w);
        FairQueue<Integer> q = new FairQueue<>(weights);
        Map<PriorityClass, Integer> granted = new EnumMap<>(PriorityClass.class);
        for (PriorityClass c : PriorityClass.values()) {
            q.add(c, 0);
        }
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            PriorityClass c = q.nextClass();
            q.grant(c);
            q.add(c, i);
            granted.merge(c, 1, Integer::sum);
        }
        double total = w.stream().mapToInt(Integer::intValue).sum();
        for (PriorityClass c : PriorityClass.values()) {
            double expected = weights.get(c) / total;
            double share = granted.getOrDefault(c, 0) / (double) n;
            assertThat(Math.abs(share - expected)).as("class %s share %.4f, weight share %.4f", c, share, expected)
                    .isLessThanOrEqualTo(0.05 * expected);
        }
    }
}
