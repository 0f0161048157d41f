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

    private static final SynergyStats.RunListener NOBODY = (jokers, won, ante, sign) -> { };
    private final SynergyStats.RunListener listener;
    /** Whether scored hands are counted: hands outnumber runs many times over, so only modules reading them keep them. */
    private final boolean hands;
    private SynergyStats stats;
    private long changes;

    /** Runs followed for their counts only (scored hands left out). */
    public FollowedRuns() {
        this(NOBODY, false);
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
        return new FollowedRuns(NOBODY, true);
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
            stats = SynergyStats.recompute(view, listener, hands);
        }
        return reader.apply(stats);
    }

    /** How many batches of deltas changed the counts so far. */
    public synchronized long changes() {
        return changes;
    }
}
