package jimbot.graph.projector;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jimbot.graph.projection.ChangeFeed;
import jimbot.graph.projection.ProjectionDelta;
import jimbot.graph.store.GraphStore;
import jimbot.v1.Event;

/**
 * Writes the graph from the journal: each batch of events becomes one transaction of batched MERGE statements
 * (retried by the driver on transient errors), then the batch's deltas go to the change feed. Idempotent: the same
 * events give the same graph, so re-reading after a crash (the consumer's checkpoint is at least once) is harmless
 * and rebuilding from offset 0 reproduces the graph.
 */
public final class Projector {

    private static final System.Logger LOG = System.getLogger(Projector.class.getName());

    /** Reads a run's events from the journal (for restoring runs still open at a restart). */
    @FunctionalInterface
    public interface RunHistory {
        /** The run's events with offsets below {@code before}, in order. */
        List<Event> events(String runId, long before);
    }

    private final GraphStore store;
    private final EventProjection projection;
    private final ChangeFeed feed;
    private final Timer writeTimer;
    private final Counter events;
    private final Counter changes;
    private volatile long lastOffset = -1;
    private volatile long lastReceivedAtMs;

    public Projector(GraphStore store, JokerNames names, HandNamer handNamer, ChangeFeed feed, MeterRegistry meters) {
        this.store = store;
        this.projection = new EventProjection(names, handNamer);
        this.feed = feed;
        this.writeTimer = Timer.builder("jimbot.graph.projector.write")
                .description("Time to write one batch of projected changes to the graph").publishPercentileHistogram()
                .register(meters);
        this.events = Counter.builder("jimbot.graph.projector.events").description("Events projected").register(meters);
        this.changes = Counter.builder("jimbot.graph.projector.changes").description("Graph changes written").register(meters);
    }

    /** Projects a batch of events (the journal consumer's handler); throws if the graph could not be written. */
    public void project(List<Event> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<GraphChange> derived = new ArrayList<>();
        // The working state advances only with a committed write: a failed batch is derived again, in full, on retry.
        projection.begin();
        try {
            for (Event e : batch) {
                derived.addAll(projection.apply(e));
            }
            if (!derived.isEmpty()) {
                List<GraphStore.Statement> statements = GraphWriter.statements(derived);
                long t0 = System.nanoTime();
                store.write(statements);
                writeTimer.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
            }
        } catch (RuntimeException e) {
            projection.rollback();
            throw e;
        }
        projection.commit();
        changes.increment(derived.size());
        feed.publish(deltas(derived), batch.get(batch.size() - 1).getOffset());
        for (String run : projection.runIds()) {
            if (projection.ended(run)) {
                projection.forget(run); // its graph is written; late events only update the run node
            }
        }
        Event last = batch.get(batch.size() - 1);
        lastOffset = last.getOffset();
        lastReceivedAtMs = last.getReceivedAtMs();
        events.increment(batch.size());
    }

    /**
     * Rebuilds the working state of runs that were still open when the engine stopped, by re-deriving their events
     * before {@code checkpoint} without writing anything (the graph already has them).
     */
    public void restore(long checkpoint, RunHistory history) {
        GraphStore.Rows open = store.read("MATCH (r:Run) WHERE r.ended IS NULL RETURN r.id AS id", Map.of(),
                Duration.ofMinutes(1), Integer.MAX_VALUE);
        int restored = 0;
        for (Map<String, Object> row : open.rows()) {
            for (Event e : history.events((String) row.get("id"), checkpoint)) {
                projection.apply(e);
            }
            restored++;
        }
        LOG.log(System.Logger.Level.INFO, "projector restored open runs={0} checkpoint={1}", restored, checkpoint);
    }

    /** The offset of the last event projected (-1 before the first). */
    public long lastOffset() {
        return lastOffset;
    }

    /** When the last projected event reached the engine, epoch ms. */
    public long lastReceivedAtMs() {
        return lastReceivedAtMs;
    }

    static List<ProjectionDelta> deltas(List<GraphChange> changes) {
        List<ProjectionDelta> out = new ArrayList<>();
        for (GraphChange c : changes) {
            switch (c) {
                case GraphChange.RunUpsert r -> {
                    if (r.first().get("started") instanceof Long started) {
                        out.add(new ProjectionDelta.RunStarted(r.runId(), started));
                    }
                    if (r.props().containsKey("ended")) {
                        out.add(new ProjectionDelta.RunFinished(r.runId(), Boolean.TRUE.equals(r.props().get("won")),
                                r.props().get("final_ante") instanceof Long a ? a.intValue() : 0,
                                r.props().get("final_score") instanceof Double s ? s : 0));
                    }
                }
                case GraphChange.Held h -> out.add(new ProjectionDelta.JokerHeld(h.runId(), h.key()));
                case GraphChange.HandPlayed h -> {
                    if (!h.jokers().isEmpty() || h.props().containsKey("offset")) {
                        out.add(new ProjectionDelta.HandScored(h.runId(), h.handId(),
                                h.props().get("score") instanceof Double s ? s : 0,
                                h.jokers().stream().map(GraphChange.JokerSlot::key).toList()));
                    }
                }
                default -> {
                    // rounds, blinds, purchases, sales and decisions change nothing algorithms read
                }
            }
        }
        return out;
    }
}
