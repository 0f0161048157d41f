package jimbot.algorithms.power;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jimbot.algorithms.synergy.SynergyStats;
import jimbot.graph.projection.ProjectionDelta;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** PageRank warm-started after changes equals a cold recompute; archetypes are deterministic and find planted groups. */
class JokerPowerTest {

    private static final List<String> FLUSH = List.of("smeared", "tribe", "crafty");
    private static final List<String> FACE = List.of("baron", "mime", "sock");
    private static final List<String> OTHER = List.of("joker", "hack", "ice_cream", "misprint");

    /** Runs that win more when they hold two jokers of the same build. */
    private static List<ProjectionDelta> runs(int from, int count, Random random) {
        List<String> all = new ArrayList<>();
        all.addAll(FLUSH);
        all.addAll(FACE);
        all.addAll(OTHER);
        List<ProjectionDelta> d = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            List<String> held = new ArrayList<>(all);
            java.util.Collections.shuffle(held, random);
            held = held.subList(0, 3);
            long flush = held.stream().filter(FLUSH::contains).count();
            long face = held.stream().filter(FACE::contains).count();
            double chance = 0.2 + (flush >= 2 ? 0.4 : 0) + (face >= 2 ? 0.4 : 0);
            for (String j : held) {
                d.add(new ProjectionDelta.JokerHeld("r" + i, j));
            }
            boolean won = random.nextDouble() < chance;
            d.add(new ProjectionDelta.RunFinished("r" + i, won, won ? 8 : 3, 0));
        }
        return d;
    }

    @RepeatedTest(10)
    void warmStartAfterChangesEqualsAColdRecompute(org.junit.jupiter.api.RepetitionInfo info) {
        Random random = new Random(info.getCurrentRepetition());
        SynergyStats stats = new SynergyStats();
        stats.apply(runs(0, 2000, random));
        JokerPower.Result before = JokerPower.compute(SynergyGraph.of(stats, 3), null);
        stats.apply(runs(2000, 50 + random.nextInt(200), random));
        SynergyGraph after = SynergyGraph.of(stats, 3);
        JokerPower.Result warm = JokerPower.compute(after, before.scores());
        JokerPower.Result cold = JokerPower.compute(after, null);
        for (int i = 0; i < after.size(); i++) {
            assertThat(warm.scores()[i]).isCloseTo(cold.scores()[i], org.assertj.core.data.Offset.offset(1e-8));
        }
        assertThat(java.util.Arrays.stream(cold.scores()).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void archetypesGroupTheBuildsAndRepeatForTheSameSeed() {
        SynergyStats stats = new SynergyStats();
        stats.apply(runs(0, 6000, new Random(5)));
        SynergyGraph g = SynergyGraph.of(stats, 5);
        int[] labels = Archetypes.detect(g, 42);
        assertThat(Archetypes.detect(g, 42)).containsExactly(labels);
        int smeared = g.jokers().indexOf("smeared");
        int baron = g.jokers().indexOf("baron");
        for (String j : FLUSH) {
            assertThat(labels[g.jokers().indexOf(j)]).as(j).isEqualTo(labels[smeared]);
        }
        for (String j : FACE) {
            assertThat(labels[g.jokers().indexOf(j)]).as(j).isEqualTo(labels[baron]);
        }
        assertThat(labels[smeared]).isNotEqualTo(labels[baron]);
        JokerPower.Result power = JokerPower.compute(g, null);
        double builds = 0;
        for (String j : FLUSH) {
            builds += power.scores()[g.jokers().indexOf(j)];
        }
        assertThat(builds / FLUSH.size()).isGreaterThan(power.scores()[g.jokers().indexOf("misprint")]);
    }
}
