package jimbot.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Flow control for a server stream written from its own thread: {@link #ready()} waits until the transport takes
 * more, so that a slow reader never makes the server buffer more than the transport's window.
 */
public final class Pacer {

    private final ServerCallStreamObserver<?> out;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private volatile boolean cancelled;

    /** Takes over the stream's onReady and onCancel handlers; create it before returning from the RPC method. */
    public Pacer(ServerCallStreamObserver<?> out) {
        this.out = out;
        out.setOnReadyHandler(this::wake);
        out.setOnCancelHandler(() -> {
            cancelled = true;
            wake();
        });
    }

    private void wake() {
        lock.lock();
        try {
            ready.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the transport takes more; false once the client has gone. */
    public boolean ready() throws InterruptedException {
        if (out.isReady()) {
            return !cancelled;
        }
        lock.lock();
        try {
            while (!out.isReady() && !cancelled) {
                ready.await(1, TimeUnit.SECONDS);
            }
        } finally {
            lock.unlock();
        }
        return !cancelled;
    }

    /** Whether the client has gone (cancelled, deadline passed or disconnected). */
    public boolean cancelled() {
        return cancelled;
    }
}
