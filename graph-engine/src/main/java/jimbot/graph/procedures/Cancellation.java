package jimbot.graph.procedures;

import java.time.Duration;
import java.util.concurrent.CancellationException;

/**
 * Lets a long computation stop when its caller gives up (a gRPC deadline, an HTTP timeout): modules call
 * {@link #check()} every so often, which throws {@link CancellationException} once the caller is gone.
 */
@FunctionalInterface
public interface Cancellation {

    /** Throws {@link CancellationException} when the work should stop. */
    void check();

    /** Never cancels. */
    Cancellation NEVER = () -> {
    };

    /** Cancels once {@code budget} has passed from now. */
    static Cancellation after(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        return () -> {
            if (System.nanoTime() - deadline > 0) {
                throw new CancellationException("ran out of its time budget of " + budget);
            }
        };
    }
}
