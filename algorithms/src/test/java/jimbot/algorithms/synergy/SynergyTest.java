package jimbot.algorithms.synergy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import jimbot.graph.projection.ProjectionDelta;
import org.junit.jupiter.api.Test;

/** A planted synergy ranks first, a planted anti-synergy last, and a few lucky runs do not make a synergy. */
class SynergyTest {

    @Test
    void rankTheStrongPairFirstAndTheBadPairLastWithIntervals() {
        Random random = new Random(11);
        List<ProjectionDelta> deltas = new ArrayList<>();
        List<String> pool = List.of("Joker", "Baron", "Mime", "Cavendish", "Hack", "Blueprint", "Brainstorm", "Ice Cream");
        for (int i = 0; i < 4000; i++) {
            String run = "run-" + i;
            List<String> held = new ArrayList<>(pool);
            java.util.Collections.shuffle(held, random);
            held = held.subList(0, 3);
            double chance = 0.25;
            if (held.contains("Baron") && held.contains("Mime")) {
                chance += 0.35; // the planted synergy
            }
            if (held.contains("Ice Cream") && held.contains("Hack")) {
                chance -= 0.2; // the planted anti-synergy
            }
            for (String j : held) {
                deltas.add(new ProjectionDelta.JokerHeld(run, j));
            }
            boolean won = random.nextDouble() < chance;
            deltas.add(new ProjectionDelta.RunFinished(run, won, won ? 8 : 1 + random.nextInt(7), 0));
        }
        SynergyStats stats = new SynergyStats();
        stats.apply(deltas);
        List<Synergy.Row> rows = Synergy.rank(stats, Optional.empty(), 20, 100);
        assertThat(List.of(rows.get(0).joker(), rows.get(0).partner())).containsExactlyInAnyOrder("Baron", "Mime");
        assertThat(rows.get(0).lo()).isPositive();
        assertThat(rows.get(0).lift()).isGreaterThan(1.25); // each joker alone also gains from the pair, so the expectation rises too
        Synergy.Row last = rows.get(rows.size() - 1);
        assertThat(List.of(last.joker(), last.partner())).containsExactlyInAnyOrder("Hack", "Ice Cream");
        assertThat(last.uplift()).isNegative();
        assertThat(last.hi()).isNegative();
        List<Synergy.Row> mime = Synergy.rank(stats, Optional.of("Mime"), 20, 3);
        assertThat(mime).hasSize(3).allSatisfy(r -> assertThat(r.joker()).isEqualTo("Mime"));
        assertThat(mime.get(0).partner()).isEqualTo("Baron");
    }

    @Test
    void threeLuckyRunsAreShrunkTowardTheExpectation() {
        List<ProjectionDelta> deltas = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            deltas.add(new ProjectionDelta.JokerHeld("r" + i, i < 3 ? "Rare" : "Joker"));
            deltas.add(new ProjectionDelta.JokerHeld("r" + i, i < 3 ? "Other" : "Baron"));
            deltas.add(new ProjectionDelta.RunFinished("r" + i, i < 3 || i % 4 == 0, 3, 0));
        }
        SynergyStats stats = new SynergyStats();
        stats.apply(deltas);
        Synergy.Row lucky = Synergy.rank(stats, Optional.of("Rare"), 1, 10).get(0);
        assertThat(lucky.winRate()).isEqualTo(1.0);
        assertThat(lucky.uplift()).isLessThan(0.6); // three wins in three runs is weak evidence
        assertThat(lucky.lo()).isLessThan(lucky.uplift());
        assertThat(Synergy.wilson(3, 3)[0]).isBetween(0.4, 0.5);
    }
}
