package jimbot.journal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import jimbot.errors.UnavailableException;
import jimbot.routing.TopicPattern;
import jimbot.v1.Event;

/**
 * The consumer API: a named consumer reads the journal from its checkpoint (or a given offset), hands matching
 * events to its handler in offset order, saves its checkpoint after each handled batch, then tails live events.
 * Delivery is at least once: after a crash a consumer sees again what it handled after its last checkpoint.
 *
 * <p>A failing handler is retried on the same events with back-off. While it fails because something it needs is
 * unavailable ({@link UnavailableException}, {@link JournalUnavailableException}: a database down, a disk full), it
 * is retried for as long as that lasts and nothing is skipped. When it keeps failing for any other reason, the
 * batch is retried one event at a time, and an event that still fails after {@link Spec#maxAttempts()} tries is
 * quarantined (recorded in the journal with its offset and error, see {@link Journal#quarantine}) and skipped, so one
 * poison event never stops the consumer.
 */
public final class JournalTail implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JournalTail.class.getName());
    private static final Duration IDLE_WAIT = Duration.ofMillis(500);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** How many times a consumer tries an event that fails for a reason of its own before quarantining it. */
    public static final int MAX_ATTEMPTS_DEFAULT = 3;

    /** Receives events in offset order; throwing makes the tail retry the same events. */
    @FunctionalInterface
    public interface Handler {
        void handle(List<Event> events) throws Exception;
    }

    /** Where a consumer starts when it has no checkpoint yet. */
    public sealed interface Start {
        /** From this offset (0 = the beginning). */
        record At(long offset) implements Start {
        }

        /** Only events appended after the tail starts. */
        record Live() implements Start {
        }
    }

    /**
     * @param name the consumer's name, under which its checkpoint is kept (printable characters)
     * @param pattern which topics it wants
     * @param start where to begin when it has no checkpoint
     * @param batchSize most events per handler call
     * @param maxAttempts tries of an event failing for a reason of its own before it is quarantined (at least 1)
     */
    public record Spec(String name, TopicPattern pattern, Start start, int batchSize, int maxAttempts) {
        public Spec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(start, "start");
            if (name.isBlank() || name.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("consumer name '" + name + "' is empty or has control characters");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize is " + batchSize + "; expected at least 1");
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts is " + maxAttempts + "; expected at least 1");
            }
        }

        /** A consumer that quarantines an event after {@value #MAX_ATTEMPTS_DEFAULT} tries. */
        public Spec(String name, TopicPattern pattern, Start start, int batchSize) {
            this(name, pattern, start, batchSize, MAX_ATTEMPTS_DEFAULT);
        }
    }

    /**
     * What a consumer is doing, for health checks.
     *
     * @param position the next offset it will read
     * @param failing the error of the events it is retrying now, if any
     * @param quarantined how many events it has skipped, ever
     */
    public record Status(String name, long position, Optional<String> failing, long quarantined) {
    }

    private final Journal journal;
    private final Spec spec;
    private final Handler handler;
    private final Clock clock;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong quarantined = new AtomicLong();
    private volatile String failing = "";
    private final Thread thread;
    private volatile boolean closed;

    private JournalTail(Journal journal, Spec spec, Handler handler, Clock clock) {
        this.journal = journal;
        this.spec = spec;
        this.handler = handler;
        this.clock = clock;
        long from = journal.checkpoint(spec.name()).orElseGet(() -> switch (spec.start()) {
            case Start.At at -> at.offset();
            case Start.Live live -> journal.end();
        });
        next.set(from);
        quarantined.set(journal.quarantined(Integer.MAX_VALUE).stream().filter(q -> q.consumer().equals(spec.name())).count());
        this.thread = Thread.ofVirtual().name("tail-" + spec.name()).start(this::run);
    }

    /** Starts a consumer; close it to stop. */
    public static JournalTail start(Journal journal, Spec spec, Handler handler) {
        return new JournalTail(journal, spec, handler, Clock.systemUTC());
    }

    /** The next offset this consumer will read. */
    public long position() {
        return next.get();
    }

    /** The consumer's name, position, current failure and quarantine count. */
    public Status status() {
        String f = failing;
        return new Status(spec.name(), next.get(), f.isEmpty() ? Optional.empty() : Optional.of(f), quarantined.get());
    }

    private void run() {
        Backoff backoff = new Backoff();
        int attempts = 0;
        while (!closed) {
            long from = next.get();
            List<Event> chunk;
            try {
                chunk = journal.read(from, spec.batchSize());
                if (chunk.isEmpty()) {
                    journal.awaitEnd(from, IDLE_WAIT);
                    continue;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (closed || !backoff.sleep("read at " + from, e)) {
                    return;
                }
                continue;
            }
            List<Event> wanted = wanted(chunk);
            long after = chunk.get(chunk.size() - 1).getOffset() + 1;
            try {
                if (!wanted.isEmpty()) {
                    handler.handle(wanted);
                }
                advance(after);
                attempts = 0;
                backoff.reset();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (closed) {
                    return;
                }
                if (!unavailable(e) && ++attempts >= spec.maxAttempts()) {
                    attempts = 0;
                    if (!oneByOne(wanted, after, backoff)) {
                        return;
                    }
                    continue;
                }
                if (!backoff.sleep("offset " + from, e)) {
                    return;
                }
            }
        }
    }

    /**
     * Handles a batch that keeps failing one event at a time, quarantining each event that fails on its own; false
     * when the tail is closing. Stops early (keeping what it did) when an event fails because something is unavailable.
     */
    private boolean oneByOne(List<Event> batch, long after, Backoff backoff) {
        for (Event e : batch) {
            if (e.getOffset() < next.get()) {
                continue;
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    handler.handle(List.of(e));
                    advance(e.getOffset() + 1);
                    break;
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                } catch (Exception failure) {
                    if (closed) {
                        return false;
                    }
                    if (unavailable(failure)) {
                        return backoff.sleep("offset " + e.getOffset(), failure);
                    }
                    if (attempt >= spec.maxAttempts()) {
                        quarantine(e, failure);
                        advance(e.getOffset() + 1);
                        break;
                    }
                    if (!backoff.sleep("offset " + e.getOffset(), failure)) {
                        return false;
                    }
                }
            }
        }
        advance(after);
        backoff.reset();
        return true;
    }

    private void quarantine(Event e, Exception failure) {
        String error = failure.toString();
        journal.quarantine(new Journal.Quarantined(spec.name(), e.getOffset(), clock.millis(), error));
        quarantined.incrementAndGet();
        LOG.log(System.Logger.Level.ERROR, "consumer={0} quarantined offset={1} type={2} game={3} after {4} tries: {5}",
                spec.name(), e.getOffset(), e.getType(), e.getGameId(), spec.maxAttempts(), error);
    }

    private void advance(long after) {
        journal.saveCheckpoint(spec.name(), after);
        next.set(after);
        failing = "";
    }

    private List<Event> wanted(List<Event> chunk) {
        List<Event> wanted = new ArrayList<>(chunk.size());
        for (Event e : chunk) {
            if (spec.pattern().matches(e.getTopic())) {
                wanted.add(e);
            }
        }
        return wanted;
    }

    /** Whether the failure is something the consumer needs being unavailable, not the events themselves. */
    static boolean unavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnavailableException || t instanceof JournalUnavailableException) {
                return true;
            }
        }
        return false;
    }

    /** Exponential back-off between retries, from 50 ms up to 5 s. */
    private final class Backoff {
        private Duration wait = FIRST_BACKOFF;

        void reset() {
            wait = FIRST_BACKOFF;
        }

        /** Logs the failure, sleeps, doubles the wait; false when interrupted (the tail is closing). */
        boolean sleep(String where, Throwable e) {
            failing = e.toString();
            LOG.log(System.Logger.Level.WARNING, "consumer={0} {1} failed, retrying in {2}: {3}", spec.name(), where, wait,
                    e.toString());
            try {
                Thread.sleep(wait);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return false;
            }
            wait = wait.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait.multipliedBy(2);
            return !closed;
        }
    }

    /** Stops reading; the checkpoint stays where the last handled batch left it. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
