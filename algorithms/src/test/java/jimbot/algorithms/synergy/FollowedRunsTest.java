package jimbot.algorithms.synergy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jimbot.graph.projection.LiveProjection;
import jimbot.graph.projection.ProjectionDelta;
import org.junit.jupiter.api.Test;

/** The change feed never waits for a read in progress, and the next read sees what arrived meanwhile. */
class FollowedRunsTest {

    private static List<ProjectionDelta> finished(String run, String... jokers) {
        List<ProjectionDelta> out = new java.util.ArrayList<>();
        out.add(new ProjectionDelta.RunStarted(run, 0));
        for (String j : jokers) {
            out.add(new ProjectionDelta.JokerHeld(run, j));
        }
        out.add(new ProjectionDelta.RunFinished(run, true, 8, 0));
        return out;
    }

    @Test
    void aBatchArrivingDuringAReadIsQueuedNotWaitedFor() throws Exception {
        LiveProjection projection = new LiveProjection();
        projection.apply(finished("run-1", "baron", "mime"));
        FollowedRuns followed = new FollowedRuns();
        List<ProjectionDelta> second = finished("run-2", "baron", "joker");
        long seen = followed.read(projection, stats -> {
            projection.apply(second);
            // the projector's thread delivers while this read holds the counts: it must return at once
            CompletableFuture<Void> delivered = CompletableFuture.runAsync(() -> followed.apply(second));
            assertThat(delivered).succeedsWithin(5, TimeUnit.SECONDS);
            return stats.overall().runs();
        });
        assertThat(seen).isEqualTo(1);
        long after = followed.read(projection, stats -> stats.overall().runs());
        assertThat(after).isEqualTo(2);
        assertThat(followed.changes()).isEqualTo(1);
        followed.apply(List.of(new ProjectionDelta.HandScored("run-2", "run-2:h1", 100, List.of("baron"))));
        assertThat(followed.changes()).as("scored hands alone do not change the runs").isEqualTo(1);
    }

    @Test
    void aBatchThatFailsToApplyIsLoggedAndSkippedNotThrownAtAReader() {
        LiveProjection projection = new LiveProjection();
        FollowedRuns followed = new FollowedRuns((jokers, won, ante, sign) -> {
            if (jokers.contains("cursed")) {
                throw new IllegalStateException("a listener's bug");
            }
        });
        long none = followed.read(projection, stats -> stats.overall().runs());
        assertThat(none).isZero();
        List<ProjectionDelta> bad = finished("run-1", "cursed");
        projection.apply(bad);
        followed.apply(bad);
        List<ProjectionDelta> good = finished("run-2", "baron");
        projection.apply(good);
        followed.apply(good);
        long after = followed.read(projection, stats -> stats.overall().runs());
        assertThat(after).isEqualTo(2);
        long cursed = followed.read(projection, stats -> stats.perJoker().get("cursed").runs());
        assertThat(cursed).as("the counts themselves stay whole").isEqualTo(1);
    }
}
