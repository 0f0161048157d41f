package jimbot.graph.projection;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Delivers the projector's deltas, in order, to whoever listens (the live projection, incremental modules), and
 * says how fresh each listener is. A listener that throws has missed a batch, so what it keeps is no longer right:
 * it is marked failed and gets nothing more, and its status (in {@code /health} and in its answers) says so, with
 * the offset it is stuck at. Nothing fails silently.
 */
public final class ChangeFeed {

    private static final System.Logger LOG = System.getLogger(ChangeFeed.class.getName());
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile long asOfOffset = -1;

    /**
     * One listener's freshness.
     *
     * @param asOfOffset the last journal offset whose deltas it has applied (-1: none yet)
     * @param failed why it stopped, if it did: then it is stale from {@code asOfOffset} on
     */
    public record Status(String name, long asOfOffset, Optional<String> failed) {
    }

    private static final class Listener {
        final String name;
        final Consumer<List<ProjectionDelta>> consumer;
        volatile long asOf = -1;
        volatile String failed = "";

        Listener(String name, Consumer<List<ProjectionDelta>> consumer) {
            this.name = name;
            this.consumer = consumer;
        }

        Status status(long feedAsOf) {
            return failed.isEmpty() ? new Status(name, feedAsOf, Optional.empty()) : new Status(name, asOf, Optional.of(failed));
        }
    }

    /** Subscribes a named listener (its name is how {@code /health} and its answers refer to it). */
    public void listen(String name, Consumer<List<ProjectionDelta>> listener) {
        listeners.add(new Listener(name, listener));
    }

    /**
     * Hands the deltas of the journal's events up to {@code throughOffset} to every listener that has not failed;
     * one failing listener does not stop the others. Called after every projected batch, with or without deltas, so
     * every listener's freshness follows the projector's.
     */
    public void publish(List<ProjectionDelta> deltas, long throughOffset) {
        if (!deltas.isEmpty()) {
            for (Listener l : listeners) {
                if (!l.failed.isEmpty()) {
                    continue;
                }
                try {
                    l.consumer.accept(deltas);
                    l.asOf = throughOffset;
                } catch (RuntimeException e) {
                    l.failed = e.toString();
                    LOG.log(System.Logger.Level.ERROR, "change feed listener " + l.name + " failed at offset " + throughOffset
                            + "; it gets no more deltas and its answers are stale", e);
                }
            }
        }
        asOfOffset = throughOffset;
    }

    /** The last journal offset published (-1: none yet). */
    public long asOfOffset() {
        return asOfOffset;
    }

    /** Every listener's freshness, in the order they subscribed. */
    public List<Status> statuses() {
        long now = asOfOffset;
        return listeners.stream().map(l -> l.status(now)).toList();
    }

    /** One listener's freshness. */
    public Optional<Status> status(String name) {
        long now = asOfOffset;
        return listeners.stream().filter(l -> l.name.equals(name)).findFirst().map(l -> l.status(now));
    }
}
