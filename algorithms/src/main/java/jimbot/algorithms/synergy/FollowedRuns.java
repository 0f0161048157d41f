package jimbot.algorithms.synergy;

import java.util.List;
import java.util.function.Function;
import jimbot.graph.projection.ProjectionDelta;
import jimbot.graph.projection.ProjectionView;

/**
 * A module's copy of the finished runs and their pair counts: built from the projection on first use, then kept from
 * the change feed. Deltas seen both in that first recompute and afterwards are harmless: every update is idempotent.
 */
public final class FollowedRuns {

    private final SynergyStats.RunListener listener;
    private SynergyStats stats;
    private long changes;

    /** Runs followed for their counts only. */
    public FollowedRuns() {
        this((jokers, won, ante, sign) -> { });
    }

    /** Runs followed, telling {@code listener} of every finished run's contribution as it is counted or taken back. */
    public FollowedRuns(SynergyStats.RunListener listener) {
        this.listener = listener;
    }

    /** The change feed's deltas; ignored until the first read builds the counts. */
    public synchronized void apply(List<ProjectionDelta> deltas) {
        if (stats != null) {
            stats.apply(deltas);
            changes++;
        }
    }

    /** Reads the counts (building them from {@code view} the first time) under this object's lock. */
    public synchronized <T> T read(ProjectionView view, Function<SynergyStats, T> reader) {
        if (stats == null) {
            stats = SynergyStats.recompute(view, listener);
        }
        return reader.apply(stats);
    }

    /** How many batches of deltas changed the counts so far. */
    public synchronized long changes() {
        return changes;
    }
}
