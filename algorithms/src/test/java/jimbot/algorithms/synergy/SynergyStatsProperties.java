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
                // a few hand ids per run, so hands are re-delivered with other jokers or scores; repeats in the
                // joker list stand for two copies of one joker held
                net.jqwik.api.Tuple.of(3, Combinators.combine(run, Arbitraries.integers().between(0, 3),
                                joker.list().ofMinSize(1).ofMaxSize(3), Arbitraries.oneOf(
                                        Arbitraries.of(0.0, 1.0, 60.0, 1e6, 3.5e12, 1e20), Arbitraries.doubles().between(0, 1e9)))
                        .as((r, h, js, s) -> new ProjectionDelta.HandScored(r, r + ":h" + h, s, js))),
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
        assertThat(incremental.handsOverall()).isEqualTo(full.handsOverall());
        assertThat(incremental.handsPerJoker()).isEqualTo(full.handsPerJoker());
        assertThat(incremental.handsPerPair()).isEqualTo(full.handsPerPair());
        SynergyStats runsOnly = SynergyStats.recompute(projection, (jokers, won, ante, sign) -> { }, false);
        assertThat(runsOnly.perPair()).isEqualTo(full.perPair());
        assertThat(runsOnly.handsOverall().hands()).isZero();
        for (Synergy.Metric metric : Synergy.Metric.values()) {
            assertThat(Synergy.rank(incremental, Optional.empty(), 1, 1000, metric))
                    .isEqualTo(Synergy.rank(full, Optional.empty(), 1, 1000, metric));
        }
    }

    @Provide
    Arbitrary<List<List<ProjectionDelta>>> deltas() {
        return delta().list().ofMaxSize(12).list().ofMaxSize(8);
    }
}
