package jimbot.algorithms.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jimbot.algorithms.synergy.SynergyStats;
import jimbot.graph.procedures.Cancellation;
import org.junit.jupiter.api.Test;

/** Rules counted by hand on a small set of runs. */
class RulesTest {

    @Test
    void supportConfidenceAndLiftAsCountedByHand() {
        List<SynergyStats.FinishedRun> runs = new ArrayList<>();
        // 10 won runs: 6 hold baron+mime, 2 hold baron alone, 2 hold joker alone
        for (int i = 0; i < 6; i++) {
            runs.add(new SynergyStats.FinishedRun(Set.of("baron", "mime"), true));
        }
        for (int i = 0; i < 2; i++) {
            runs.add(new SynergyStats.FinishedRun(Set.of("baron"), true));
            runs.add(new SynergyStats.FinishedRun(Set.of("joker"), true));
        }
        runs.add(new SynergyStats.FinishedRun(Set.of("mime", "joker"), false)); // a loss: not mined for "won"
        List<Rules.Rule> rules = Rules.mine(KeptPatterns.of(runs), Patterns.Outcome.WON, 0.1, 0.5, 4, 10, Cancellation.NEVER);
        assertThat(rules).hasSize(2);
        Rules.Rule mimeToBaron = rules.stream().filter(r -> r.consequent().equals("baron")).findFirst().orElseThrow();
        assertThat(mimeToBaron.antecedent()).containsExactly("mime");
        assertThat(mimeToBaron.runs()).isEqualTo(6);
        assertThat(mimeToBaron.support()).isEqualTo(0.6);
        assertThat(mimeToBaron.confidence()).isEqualTo(1.0); // every won run with Mime holds Baron
        assertThat(mimeToBaron.lift()).isCloseTo(1.0 / 0.8, org.assertj.core.data.Offset.offset(1e-12));
        Rules.Rule baronToMime = rules.stream().filter(r -> r.consequent().equals("mime")).findFirst().orElseThrow();
        assertThat(baronToMime.confidence()).isEqualTo(0.75);
        assertThat(baronToMime.lift()).isCloseTo(0.75 / 0.6, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Rules.mine(KeptPatterns.of(runs), Patterns.Outcome.WON, 0.1, 0.9, 4, 10, Cancellation.NEVER)).hasSize(1);
    }
}
