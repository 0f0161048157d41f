package jimbot.api.bus;

import io.grpc.stub.ServerCallStreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import jimbot.api.grpc.Pacer;
import jimbot.api.grpc.RpcErrors;
import jimbot.journal.Journal;
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

    /** Reads up to {@code limit} events with offsets {@code >= from}, in order. */
    @FunctionalInterface
    interface Source {
        List<Event> read(long from, int limit);
    }

    /** What to send for a matching event; empty: skip it. */
    @FunctionalInterface
    interface Render<T> {
        Optional<T> render(Event event);
    }

    /**
     * @param from first offset to send
     * @param stopAt when present, end the stream once every event below this offset was considered
     * @param limit most events to send (0: no limit)
     */
    record Range(long from, Optional<Long> stopAt, long limit) {
    }

    static final int PAGE = 256;
    private static final Duration IDLE = Duration.ofSeconds(1);

    private final Journal journal;
    private final ServerCallStreamObserver<T> out;
    private final Source source;
    private final Predicate<Event> wanted;
    private final Render<T> render;
    private final Range range;
    private final Pacer pacer;

    private JournalStream(Journal journal, ServerCallStreamObserver<T> out, Source source, Predicate<Event> wanted,
                          Render<T> render, Range range) {
        this.journal = journal;
        this.out = out;
        this.source = source;
        this.wanted = wanted;
        this.render = render;
        this.range = range;
        this.pacer = new Pacer(out);
    }

    /** Starts streaming; returns at once. */
    static <T> void start(Journal journal, ServerCallStreamObserver<T> out, Source source, Predicate<Event> wanted,
                          Render<T> render, Range range, String name) {
        JournalStream<T> s = new JournalStream<>(journal, out, source, wanted, render, range);
        Thread.ofVirtual().name(name).start(s::run);
    }

    private void run() {
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
        }
    }

    private void stream() throws InterruptedException {
        long next = range.from();
        long sent = 0;
        while (!pacer.cancelled()) {
            long end = journal.end();
            if (range.stopAt().isPresent() && next >= range.stopAt().get()) {
                break;
            }
            List<Event> page = source.read(next, PAGE);
            if (page.isEmpty()) {
                // every event below `end` has been considered: wait for one at or after it
                next = Math.max(next, end);
                if (range.stopAt().isPresent() && next >= range.stopAt().get()) {
                    break;
                }
                journal.awaitEnd(next, IDLE);
                continue;
            }
            for (Event e : page) {
                if (range.stopAt().isPresent() && e.getOffset() >= range.stopAt().get()) {
                    next = range.stopAt().get();
                    break;
                }
                next = e.getOffset() + 1;
                if (!wanted.test(e)) {
                    continue;
                }
                Optional<T> message = render.render(e);
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
        }
        if (!pacer.cancelled()) {
            out.onCompleted();
        }
    }
}
