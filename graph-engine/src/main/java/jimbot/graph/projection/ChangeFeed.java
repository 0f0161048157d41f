package jimbot.graph.projection;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Delivers the projector's deltas, in order, to whoever listens (the live projection, incremental modules). */
public final class ChangeFeed {

    private static final System.Logger LOG = System.getLogger(ChangeFeed.class.getName());
    private final List<Consumer<List<ProjectionDelta>>> listeners = new CopyOnWriteArrayList<>();

    public void listen(Consumer<List<ProjectionDelta>> listener) {
        listeners.add(listener);
    }

    /** Hands a batch of deltas to every listener; one failing listener does not stop the others. */
    public void publish(List<ProjectionDelta> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        for (Consumer<List<ProjectionDelta>> l : listeners) {
            try {
                l.accept(deltas);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "change feed listener failed; what it keeps may now be stale", e);
            }
        }
    }
}
