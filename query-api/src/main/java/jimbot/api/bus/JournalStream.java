package jimbot.api.bus;

import io.grpc.stub.ServerCallStreamObserver;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import jimbot.grpc.Pacer;
import jimbot.api.grpc.RpcErrors;
import jimbot.v1.Event;

/**
 * Streams journal events to one gRPC client in offset order, from an offset and then (when live) as events become
 * durable, sending only while the client's transport is ready: a slow client holds at most one page of events here
 * and the transport's window, never a growing queue. Runs on its own virtual thread so that the call's onReady and
 * onCancel callbacks are free to wake it.
 *
 * @param <T> what the client receives for one event
 */
final class JournalStream<T> {

    /** What to send for a matching event; empty: skip it. */
    @FunctionalInterface
    interface Render<T> {
        Optional<T> render(RecentEvents.Recent event);
    }

    /**
     * @param from first offset to send
     * @param game only this game's events, when present
     * @param stopAt when present, end the stream once every event below this offset was considered
     * @param limit most events to send (0: no limit)
     */
    record Range(long from, Optional<String> game, Optional<Long> stopAt, long limit) {
    }

    static final int PAGE = 256;
    private static final Duration IDLE = Duration.ofSeconds(1);

    private final RecentEvents events;
    private final ServerCallStreamObserver<T> out;
    private final Predicate<Event> wanted;
    private final Render<T> render;
    private final Range range;
    private final Pacer pacer;

    private JournalStream(RecentEvents events, ServerCallStreamObserver<T> out, Predicate<Event> wanted,
                          Render<T> render, Range range) {
        this.events = events;
        this.out = out;
        this.wanted = wanted;
        this.render = render;
        this.range = range;
        this.pacer = new Pacer(out);
    }

    /** Starts streaming; returns at once. */
    static <T> void start(RecentEvents events, ServerCallStreamObserver<T> out, Predicate<Event> wanted, Render<T> render,
                          Range range, String name) {
        JournalStream<T> s = new JournalStream<>(events, out, wanted, render, range);
        Thread.ofVirtual().name(name).start(s::run);
    }

    private void run() {
        events.opened();
        try {
            stream();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (!pacer.cancelled()) {
                out.onError(io.grpc.Status.UNAVAILABLE.withDescription("the engine is stopping; resume from the last offset + 1")
                        .asRuntimeException());
            }
        } catch (RuntimeException e) {
            if (!pacer.cancelled()) {
                out.onError(RpcErrors.status(e));
            }
        } finally {
            events.released();
        }
    }

    private boolean past(long offset) {
        return range.stopAt().isPresent() && offset >= range.stopAt().get();
    }

    private void stream() throws InterruptedException {
        long next = range.from();
        long sent = 0;
        while (!pacer.cancelled() && !past(next)) {
            if (events.closed()) {
                out.onError(io.grpc.Status.UNAVAILABLE.withDescription("the engine is stopping; resume from offset "
                        + next).asRuntimeException());
                return;
            }
            RecentEvents.Page page = events.read(next, PAGE, range.game());
            for (RecentEvents.Recent r : page.events()) {
                Event e = r.event();
                if (past(e.getOffset())) {
                    break;
                }
                if (!wanted.test(e)) {
                    continue;
                }
                Optional<T> message = render.render(r);
                if (message.isEmpty()) {
                    continue;
                }
                if (!pacer.ready()) {
                    return;
                }
                out.onNext(message.get());
                sent++;
                if (range.limit() > 0 && sent >= range.limit()) {
                    out.onCompleted();
                    return;
                }
            }
            next = page.scannedTo();
            if (page.events().isEmpty() && !past(next)) {
                events.awaitPast(next, IDLE);
            }
        }
        if (!pacer.cancelled()) {
            out.onCompleted();
        }
    }
}
