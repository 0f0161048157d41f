package jimbot.algorithms.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jimbot.algorithms.synergy.SynergyStats;
import jimbot.graph.procedures.Cancellation;
import org.junit.jupiter.api.Test;

/** A set common in wins and rare in losses shows as frequent in won runs with lift above 1. */
class PatternsTest {

    @Test
    void theWinningSetLeadsTheWonRunsWithLiftAboveOne() {
        List<SynergyStats.FinishedRun> runs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            runs.add(new SynergyStats.FinishedRun(Set.of("baron", "mime", "joker"), i < 30));
            runs.add(new SynergyStats.FinishedRun(Set.of("hack", "joker"), i < 5));
        }
        List<Patterns.Row> won = Patterns.mine(KeptPatterns.of(runs), Patterns.Outcome.WON, 0.2, 4, 10, Cancellation.NEVER);
        assertThat(won.get(0).jokers()).isIn(List.of("baron", "joker"), List.of("baron", "mime"), List.of("joker", "mime"),
                List.of("baron", "joker", "mime"));
        assertThat(won.get(0).runs()).isEqualTo(30);
        assertThat(won.get(0).lift()).isGreaterThan(1.5);
        assertThat(won).extracting(Patterns.Row::jokers).doesNotContain(List.of("hack", "joker"));
        List<Patterns.Row> lost = Patterns.mine(KeptPatterns.of(runs), Patterns.Outcome.LOST, 0.5, 4, 10, Cancellation.NEVER);
        assertThat(lost.get(0).jokers()).containsExactly("hack", "joker");
        assertThat(lost.get(0).lift()).isLessThan(0.5);
    }
}
