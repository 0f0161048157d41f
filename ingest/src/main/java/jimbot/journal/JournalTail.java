package jimbot.journal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import jimbot.routing.TopicPattern;
import jimbot.v1.Event;

/**
 * The consumer API: a named consumer reads the journal from its checkpoint (or a given offset), hands matching
 * events to its handler in offset order, saves its checkpoint after each handled batch, then tails live events.
 * Delivery is at least once: after a crash a consumer sees again what it handled after its last checkpoint.
 * A failing handler is retried (with back-off) on the same batch; it never skips events.
 */
public final class JournalTail implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JournalTail.class.getName());
    private static final Duration IDLE_WAIT = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

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
     * @param name the consumer's name, under which its checkpoint is kept
     * @param pattern which topics it wants
     * @param start where to begin when it has no checkpoint
     * @param batchSize most events per handler call
     */
    public record Spec(String name, TopicPattern pattern, Start start, int batchSize) {
        public Spec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(start, "start");
            if (name.isBlank()) {
                throw new IllegalArgumentException("consumer name is empty");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize is " + batchSize + "; expected at least 1");
            }
        }
    }

    private final Journal journal;
    private final Spec spec;
    private final Handler handler;
    private final AtomicLong next = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;

    private JournalTail(Journal journal, Spec spec, Handler handler) {
        this.journal = journal;
        this.spec = spec;
        this.handler = handler;
        long from = journal.checkpoint(spec.name()).orElseGet(() -> switch (spec.start()) {
            case Start.At at -> at.offset();
            case Start.Live live -> journal.end();
        });
        next.set(from);
        this.thread = Thread.ofVirtual().name("tail-" + spec.name()).start(this::run);
    }

    /** Starts a consumer; close it to stop. */
    public static JournalTail start(Journal journal, Spec spec, Handler handler) {
        return new JournalTail(journal, spec, handler);
    }

    /** The next offset this consumer will read. */
    public long position() {
        return next.get();
    }

    private void run() {
        Duration backoff = Duration.ofMillis(50);
        while (!closed) {
            long from = next.get();
            try {
                List<Event> chunk = journal.read(from, spec.batchSize());
                if (chunk.isEmpty()) {
                    journal.awaitEnd(from, IDLE_WAIT);
                    continue;
                }
                List<Event> wanted = new ArrayList<>(chunk.size());
                for (Event e : chunk) {
                    if (spec.pattern().matches(e.getTopic())) {
                        wanted.add(e);
                    }
                }
                if (!wanted.isEmpty()) {
                    handler.handle(wanted);
                }
                long after = chunk.get(chunk.size() - 1).getOffset() + 1;
                journal.saveCheckpoint(spec.name(), after);
                next.set(after);
                backoff = Duration.ofMillis(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (closed) {
                    return;
                }
                LOG.log(System.Logger.Level.WARNING, "consumer={0} offset={1} failed, retrying in {2}: {3}",
                        spec.name(), from, backoff, e.toString());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
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
