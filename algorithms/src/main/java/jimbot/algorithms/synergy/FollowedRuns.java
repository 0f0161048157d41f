package jimbot.algorithms.synergy;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import jimbot.graph.projection.ProjectionDelta;
import jimbot.graph.projection.ProjectionView;

/**
 * A module's copy of the finished runs and their pair counts: built from the projection on first use, then kept from
 * the change feed. Deltas seen both in that first recompute and afterwards are harmless: every update is idempotent.
 */
public final class FollowedRuns {

    private static final System.Logger LOG = System.getLogger(FollowedRuns.class.getName());
    private final SynergyStats.RunListener listener;
    /** Whether scored hands are counted: hands outnumber runs many times over, so only modules reading them keep them. */
    private final boolean hands;
    private final ReentrantLock lock = new ReentrantLock();
    private final Queue<List<ProjectionDelta>> pending = new ConcurrentLinkedQueue<>();
    private SynergyStats stats;
    private long changes;

    /** Runs followed for their counts only (scored hands left out). */
    public FollowedRuns() {
        this(SynergyStats.RunListener.NONE, false);
    }

    /** Runs followed, telling {@code listener} of every finished run's contribution as it is counted or taken back. */
    public FollowedRuns(SynergyStats.RunListener listener) {
        this(listener, false);
    }

    private FollowedRuns(SynergyStats.RunListener listener, boolean hands) {
        this.listener = listener;
        this.hands = hands;
    }

    /** Runs followed with the hands they score counted too, for modules that read hand statistics. */
    public static FollowedRuns withHands() {
        return new FollowedRuns(SynergyStats.RunListener.NONE, true);
    }

    /**
     * The change feed's deltas (ignored until the first read builds the counts). Never waits: while a read holds the
     * counts, the batch is queued and applied by whoever holds them next, so a slow ask never stalls the projector,
     * whose thread calls this.
     */
    public void apply(List<ProjectionDelta> deltas) {
        pending.add(deltas);
        drainIfFree();
    }

    /** Reads the counts (building them from {@code view} the first time, then applying what is queued) under a lock. */
    public <T> T read(ProjectionView view, Function<SynergyStats, T> reader) {
        lock.lock();
        try {
            if (stats == null) {
                pending.clear(); // the projection already holds them: the listeners before this one applied them
                stats = SynergyStats.recompute(view, listener, hands);
            }
            drain();
            return reader.apply(stats);
        } finally {
            // what queued meanwhile waits for the next delivery or read: the asker's answer does not wait for it
            lock.unlock();
        }
    }

    /**
     * How many batches of deltas changed the runs so far (batches of scored hands alone do not count). Call it inside
     * {@link #read}'s reader to pair it with the counts read.
     */
    public long changes() {
        lock.lock();
        try {
            return changes;
        } finally {
            lock.unlock();
        }
    }

    private void drainIfFree() {
        while (!pending.isEmpty() && lock.tryLock()) {
            try {
                drain();
            } finally {
                lock.unlock();
            }
        }
    }

    private void drain() {
        for (List<ProjectionDelta> deltas; (deltas = pending.poll()) != null; ) {
            if (stats == null) {
                continue;
            }
            try {
                stats.apply(deltas);
            } catch (RuntimeException e) {
                // as the change feed does for a failing listener: log, skip the batch, never fail a reader for it
                LOG.log(System.Logger.Level.ERROR, "a module failed to apply a batch of changes; its counts may be stale", e);
            }
            if (deltas.stream().anyMatch(d -> !(d instanceof ProjectionDelta.HandScored))) {
                changes++;
            }
        }
    }
}
