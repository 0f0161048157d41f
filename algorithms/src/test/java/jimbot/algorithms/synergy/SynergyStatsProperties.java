package jimbot.algorithms.synergy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jimbot.graph.projection.LiveProjection;
import jimbot.graph.projection.ProjectionDelta;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Incremental synergy counts equal a recompute from the projection after any sequence of changes, replays included. */
class SynergyStatsProperties {

    @Provide
    Arbitrary<ProjectionDelta> delta() {
        Arbitrary<String> run = Arbitraries.integers().between(0, 7).map(i -> "run-" + i);
        Arbitrary<String> joker = Arbitraries.of("Joker", "Blueprint", "Baron", "Mime", "Cavendish", "Hack");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, run.map(r -> new ProjectionDelta.RunStarted(r, 0))),
                net.jqwik.api.Tuple.of(5, Combinators.combine(run, joker).as(ProjectionDelta.JokerHeld::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(run, joker, Arbitraries.doubles().between(0, 1000))
                        .as((r, j, s) -> new ProjectionDelta.HandScored(r, r + "-h", s, List.of(j)))),
                net.jqwik.api.Tuple.of(2, Combinators.combine(run, Arbitraries.of(true, false), Arbitraries.integers().between(1, 9))
                        .as((r, won, ante) -> new ProjectionDelta.RunFinished(r, won, ante, 0))));
    }

    @Property(tries = 500)
    void incrementalEqualsRecompute(@ForAll("deltas") List<List<ProjectionDelta>> batches,
                                    @ForAll @IntRange(min = 0, max = 3) int replayedBatch) {
        LiveProjection projection = new LiveProjection();
        SynergyStats incremental = new SynergyStats();
        List<List<ProjectionDelta>> withReplay = new ArrayList<>(batches);
        if (!batches.isEmpty()) {
            withReplay.add(batches.get(replayedBatch % batches.size())); // delivered twice, as after a crash
        }
        for (List<ProjectionDelta> batch : withReplay) {
            projection.apply(batch);
            incremental.apply(batch);
        }
        SynergyStats full = SynergyStats.recompute(projection);
        assertThat(incremental.overall()).isEqualTo(full.overall());
        assertThat(incremental.perJoker()).isEqualTo(full.perJoker());
        assertThat(incremental.perPair()).isEqualTo(full.perPair());
        assertThat(Synergy.rank(incremental, Optional.empty(), 1, 1000)).isEqualTo(Synergy.rank(full, Optional.empty(), 1, 1000));
    }

    @Provide
    Arbitrary<List<List<ProjectionDelta>>> deltas() {
        return delta().list().ofMaxSize(12).list().ofMaxSize(8);
    }
}
