package jimbot.algorithms.synergy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import jimbot.graph.projection.ProjectionDelta;
import org.junit.jupiter.api.Test;

/**
 * A planted synergy ranks first, a planted anti-synergy last, a few lucky runs do not make a synergy, a pair whose
 * hands score more ranks first by score, and the "without" columns are the outcomes of everything else.
 */
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

    @Test
    void aPairWhoseHandsScoreTenTimesRanksFirstByScore() {
        Random random = new Random(5);
        List<ProjectionDelta> deltas = new ArrayList<>();
        List<String> pool = List.of("Joker", "Baron", "Mime", "Cavendish", "Hack", "Blueprint", "Brainstorm", "Ice Cream");
        for (int i = 0; i < 3000; i++) {
            List<String> held = new ArrayList<>(pool);
            java.util.Collections.shuffle(held, random);
            held = held.subList(0, 3);
            double score = 100 * Math.exp(random.nextGaussian() * 0.5);
            if (held.contains("Baron") && held.contains("Mime")) {
                score *= 10; // the planted synergy
            }
            // no run finishes: a hand's score counts as soon as it is scored
            deltas.add(new ProjectionDelta.HandScored("run-" + i / 20, "run-" + i / 20 + ":h" + i, score, held));
        }
        SynergyStats stats = new SynergyStats();
        stats.apply(deltas);
        assertThat(Synergy.rank(stats, Optional.empty(), 1, 100)).isEmpty(); // won needs finished runs
        List<Synergy.Row> rows = Synergy.rank(stats, Optional.empty(), 20, 100, Synergy.Metric.SCORE);
        Synergy.Row top = rows.get(0);
        assertThat(List.of(top.joker(), top.partner())).containsExactlyInAnyOrder("Baron", "Mime");
        // the expectation comes from hands holding one of the two or neither, so it does not borrow the pair's gain;
        // shrinkage keeps the lift a little under 10
        assertThat(top.handLift()).isGreaterThan(8).isLessThan(10);
        assertThat(top.lift()).isEqualTo(top.handLift());
        assertThat(top.lo()).isPositive();
        assertThat(top.handScore()).isGreaterThan(5 * top.handScoreWithout());
        assertThat(top.runs()).isZero();
        assertThat(top.winRate()).isZero();
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r.handLift()).isLessThan(1.5));
    }

    @Test
    void withoutColumnsAreTheRunsAndHandsNotHoldingBoth() {
        List<ProjectionDelta> deltas = List.of(
                new ProjectionDelta.JokerHeld("r1", "a"), new ProjectionDelta.JokerHeld("r1", "b"),
                new ProjectionDelta.HandScored("r1", "r1:h1", 100, List.of("a", "b")),
                new ProjectionDelta.HandScored("r1", "r1:h2", 300, List.of("a", "b", "b")),
                new ProjectionDelta.RunFinished("r1", true, 8, 0),
                new ProjectionDelta.JokerHeld("r2", "a"),
                new ProjectionDelta.HandScored("r2", "r2:h1", 50, List.of("a")),
                new ProjectionDelta.RunFinished("r2", false, 3, 0),
                new ProjectionDelta.JokerHeld("r3", "b"), new ProjectionDelta.JokerHeld("r3", "c"),
                new ProjectionDelta.HandScored("r3", "r3:h1", 20, List.of("b", "c")),
                new ProjectionDelta.RunFinished("r3", false, 5, 0),
                // b came after r4's only hand: the run holds the pair, the hand does not
                new ProjectionDelta.JokerHeld("r4", "a"), new ProjectionDelta.JokerHeld("r4", "b"),
                new ProjectionDelta.HandScored("r4", "r4:h1", 200, List.of("a")),
                new ProjectionDelta.RunFinished("r4", false, 4, 0));
        SynergyStats stats = new SynergyStats();
        stats.apply(deltas);
        stats.apply(deltas); // a replay changes nothing
        assertThat(stats.handsOverall().hands()).isEqualTo(5);
        assertThat(stats.handsOverall().scoreSum()).isEqualTo(670);
        List<Synergy.Row> rows = Synergy.rank(stats, Optional.empty(), 1, 10);
        Synergy.Row ab = rows.stream().filter(r -> r.joker().equals("a") && r.partner().equals("b")).findFirst().orElseThrow();
        assertThat(ab.runs()).isEqualTo(2);
        assertThat(ab.winRate()).isEqualTo(0.5);
        assertThat(ab.meanAnte()).isEqualTo(6);
        assertThat(ab.winRateWithout()).isZero(); // r2 and r3
        assertThat(ab.meanAnteWithout()).isEqualTo(4);
        assertThat(ab.hands()).isEqualTo(2);
        assertThat(ab.handScore()).isEqualTo(200);
        assertThat(ab.handScoreWithout()).isEqualTo(90); // 50, 20 and 200
        Synergy.Row bc = rows.stream().filter(r -> r.joker().equals("b") && r.partner().equals("c")).findFirst().orElseThrow();
        assertThat(bc.winRateWithout()).isEqualTo(1.0 / 3);
        assertThat(bc.meanAnteWithout()).isEqualTo(5);
        assertThat(bc.handScore()).isEqualTo(20);
        assertThat(bc.handScoreWithout()).isEqualTo(162.5);
        List<Synergy.Row> byScore = Synergy.rank(stats, Optional.empty(), 2, 10, Synergy.Metric.SCORE);
        assertThat(byScore).extracting(Synergy.Row::joker, Synergy.Row::partner)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "b")); // b and c share one hand only
    }
}
