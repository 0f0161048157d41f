package jimbot.graph.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A listener that throws is marked failed and stale, not silently skipped; the others go on. */
class ChangeFeedTest {

    @Test
    void marksAFailingListenerStaleAndStopsFeedingItWhileTheOthersGoOn() {
        ChangeFeed feed = new ChangeFeed();
        List<ProjectionDelta> good = new ArrayList<>();
        List<ProjectionDelta> bad = new ArrayList<>();
        feed.listen("good", good::addAll);
        feed.listen("bad", deltas -> {
            if (deltas.stream().anyMatch(d -> d instanceof ProjectionDelta.JokerHeld h && h.jokerKey().equals("boom"))) {
                throw new IllegalStateException("cannot apply boom");
            }
            bad.addAll(deltas);
        });
        assertThat(feed.statuses()).extracting(ChangeFeed.Status::asOfOffset).containsExactly(-1L, -1L);

        feed.publish(List.of(new ProjectionDelta.JokerHeld("run-1", "joker")), 10);
        feed.publish(List.of(), 12); // a batch that changed nothing the listeners keep still moves them on
        assertThat(feed.status("bad").orElseThrow()).isEqualTo(new ChangeFeed.Status("bad", 12, java.util.Optional.empty()));

        feed.publish(List.of(new ProjectionDelta.JokerHeld("run-1", "boom")), 20);
        feed.publish(List.of(new ProjectionDelta.JokerHeld("run-2", "joker")), 30);

        assertThat(good).hasSize(3);
        assertThat(bad).hasSize(1);
        assertThat(feed.status("good").orElseThrow().asOfOffset()).isEqualTo(30);
        ChangeFeed.Status stale = feed.status("bad").orElseThrow();
        assertThat(stale.asOfOffset()).as("stuck where it last applied deltas").isEqualTo(10);
        assertThat(stale.failed()).hasValueSatisfying(f -> assertThat(f).contains("cannot apply boom"));
        assertThat(feed.asOfOffset()).isEqualTo(30);
    }
}
