package jimbot.server;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into an orderly stop that the main thread carries out, so {@code serve} exits 0 when an
 * operator, a container runtime or a supervisor asks it to stop. Left to the JVM, either signal runs the shutdown hooks
 * and exits 143 (or 130), which supervisors report as a failure, and the JDK's own logging hook may already have closed
 * the log by the time the engine says it stopped.
 */
final class StopSignals {

    private final CountDownLatch requested = new CountDownLatch(1);

    private StopSignals() {
    }

    /** Installs the handlers; from now on TERM and INT only release {@link #await()}. */
    static StopSignals install() {
        StopSignals s = new StopSignals();
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), sig -> s.requested.countDown());
        }
        return s;
    }

    /** Blocks until a stop was asked for. */
    void await() throws InterruptedException {
        requested.await();
    }
}
