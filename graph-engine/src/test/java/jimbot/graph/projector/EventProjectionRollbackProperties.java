package jimbot.graph.projector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jimbot.graph.SharedGraph;
import jimbot.v1.Event;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A batch rolled back (its write failed) and derived again gives exactly the changes it would have given the first
 * time, whatever the batches and failures: what makes the projector's retries lossless.
 */
class EventProjectionRollbackProperties {

    /** Three runs of one client, one after the other (a lost one, a won one, one left open), and a second client's run. */
    private static List<Event> events() {
        List<Event> out = new ArrayList<>(RunEvents.shortRun("run-0", 0).events());
        out.addAll(RunEvents.wonRun("run-100", 100).events());
        out.addAll(RunEvents.shortRun("run-200", 200).events().stream().limit(9).toList()); // left open
        out.addAll(RunEvents.shortRun("run-300", 300).events().stream()
                .map(e -> e.toBuilder().setClient("jimbot@other").build()).toList());
        return out;
    }

    /** Batch sizes (1..12) and, per batch, how many times its write fails before it commits. */
    record Plan(List<Integer> sizes, List<Integer> failures) {
    }

    @Provide
    Arbitrary<Plan> plans() {
        return Arbitraries.integers().between(1, 12).list().ofMinSize(1).ofMaxSize(60)
                .flatMap(sizes -> Arbitraries.integers().between(0, 2).list().ofSize(sizes.size())
                        .map(failures -> new Plan(sizes, failures)));
    }

    private static EventProjection projection() {
        return new EventProjection(SharedGraph::find, (played, jokers) -> Optional.empty());
    }

    @Property(tries = 300, seed = "20261202")
    void aRolledBackBatchDerivesTheSameChangesAgain(@ForAll("plans") Plan plan) {
        List<Event> events = events();
        EventProjection straight = projection();
        List<GraphChange> expected = new ArrayList<>();
        events.forEach(e -> expected.addAll(straight.apply(e)));

        EventProjection retried = projection();
        List<GraphChange> written = new ArrayList<>();
        int at = 0;
        for (int b = 0; at < events.size(); b++) {
            List<Event> batch = events.subList(at, Math.min(events.size(), at + plan.sizes().get(b % plan.sizes().size())));
            for (int f = 0; f < plan.failures().get(b % plan.failures().size()); f++) {
                retried.begin();
                batch.forEach(retried::apply); // derived, then the write failed
                retried.rollback();
            }
            retried.begin();
            batch.forEach(e -> written.addAll(retried.apply(e)));
            retried.commit();
            at += batch.size();
        }
        assertThat(written).isEqualTo(expected);
        assertThat(retried.runIds()).isEqualTo(straight.runIds());
    }
}
