package jimbot.algorithms.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jimbot.algorithms.synergy.FollowedRuns;
import jimbot.algorithms.synergy.SynergyStats;
import jimbot.graph.procedures.Cancellation;
import jimbot.graph.projection.LiveProjection;
import jimbot.graph.projection.ProjectionDelta;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Frequent joker sets kept from the change feed (first built from the projection at some point, then followed, with a
 * batch delivered twice) equal a batch FP-Growth over a recompute of the same projection, for every outcome.
 */
class KeptPatternsProperties {

    @Provide
    Arbitrary<List<List<ProjectionDelta>>> deltas() {
        Arbitrary<String> run = Arbitraries.integers().between(0, 11).map(i -> "run-" + i);
        Arbitrary<String> joker = Arbitraries.of("joker", "blueprint", "baron", "mime", "cavendish");
        Arbitrary<ProjectionDelta> delta = Arbitraries.frequencyOf(
                Tuple.of(1, run.map(r -> new ProjectionDelta.RunStarted(r, 0))),
                Tuple.of(6, Combinators.combine(run, joker).as(ProjectionDelta.JokerHeld::new)),
                Tuple.of(3, Combinators.combine(run, Arbitraries.of(true, false), Arbitraries.integers().between(1, 9))
                        .as((r, won, ante) -> new ProjectionDelta.RunFinished(r, won, ante, 0))));
        return delta.list().ofMaxSize(15).list().ofMaxSize(8);
    }

    @Property(tries = 300)
    void keptEqualsBatchOverARecompute(@ForAll("deltas") List<List<ProjectionDelta>> batches,
                                       @ForAll @IntRange(min = 0, max = 8) int firstRead,
                                       @ForAll @IntRange(min = 0, max = 7) int replayed,
                                       @ForAll @DoubleRange(min = 0.05, max = 1) double support,
                                       @ForAll @IntRange(min = 1, max = 3) int leastCount) {
        LiveProjection projection = new LiveProjection();
        KeptPatterns kept = new KeptPatterns(0.05, leastCount, 4);
        FollowedRuns followed = new FollowedRuns(kept);
        List<List<ProjectionDelta>> delivered = new ArrayList<>(batches);
        if (!batches.isEmpty()) {
            delivered.add(batches.get(replayed % batches.size()));
        }
        for (int i = 0; i < delivered.size(); i++) {
            if (i == firstRead) {
                followed.read(projection, stats -> null);
            }
            projection.apply(delivered.get(i));
            followed.apply(delivered.get(i));
        }
        followed.read(projection, stats -> null);
        KeptPatterns fresh = KeptPatterns.of(SynergyStats.recompute(projection).finishedRuns());
        for (Patterns.Outcome o : Patterns.Outcome.values()) {
            assertThat(kept.runs(o)).isEqualTo(fresh.runs(o));
            assertThat(kept.frequent(o, support, 1, 4, Cancellation.NEVER))
                    .isEqualTo(fresh.batch(o, support, 1, 4, Cancellation.NEVER));
            assertThat(kept.holding(o, Set.of("joker", "baron"))).isEqualTo(fresh.holding(o, Set.of("joker", "baron")));
        }
        assertThat(Patterns.mine(kept, Patterns.Outcome.WON, support, 4, 100, Cancellation.NEVER))
                .isEqualTo(Patterns.mine(fresh, Patterns.Outcome.WON, support, 4, 100, Cancellation.NEVER));
        assertThat(Rules.mine(kept, Patterns.Outcome.ALL, support, 0.3, 4, 100, Cancellation.NEVER))
                .isEqualTo(Rules.mine(fresh, Patterns.Outcome.ALL, support, 0.3, 4, 100, Cancellation.NEVER));
    }
}
