package jimbot.api.bus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import jimbot.journal.Journal;
import jimbot.v1.Event;

/**
 * The journal's newest events, read and parsed once and shared by every gRPC stream: fifty subscribers to a busy game
 * cost one journal read per event, not fifty. A stream that has fallen further behind than the ring holds reads the
 * journal itself until it catches up, so the ring bounds memory without ever losing an event. While no stream is open
 * it reads nothing: the journal's writers pay for it only when someone listens.
 */
public final class RecentEvents implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RecentEvents.class.getName());
    /** Most events kept: 13 s of a game posting 5,000 events/s, so that streams slowed by a hiccup catch up in memory. */
    static final int CAPACITY = 1 << 16;
    /** Most encoded bytes kept: bounds the ring's memory when events are large (full game states). */
    static final long BUDGET_BYTES = 32L << 20;
    private static final int READ = 1024;
    private static final Duration IDLE = Duration.ofSeconds(1);

    /** Events in offset order, and the offset up to which every event (matching or not) was considered. */
    record Page(List<Recent> events, long scannedTo) {
    }

    /** An event and, once a stream asked for it, its encoding, made once for every stream that sends it. */
    static final class Recent {
        private final Event event;
        private volatile byte[] encoded;

        Recent(Event event) {
            this.event = event;
        }

        int size() {
            return event.getSerializedSize();
        }

        Event event() {
            return event;
        }

        /** The event as a jimbot.v1.Event message on the wire; two streams racing may both encode it, harmlessly. */
        byte[] encoded() {
            byte[] e = encoded;
            if (e == null) {
                e = event.toByteArray();
                encoded = e;
            }
            return e;
        }
    }

    private final Journal journal;
    private final AtomicReferenceArray<Recent> ring = new AtomicReferenceArray<>(CAPACITY);
    private final long first;
    /** The ring holds the events with offsets in [start, end). */
    private volatile long start;
    private volatile long end;
    private volatile boolean closed;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition moved = lock.newCondition();
    private final Condition listened = lock.newCondition();
    private int streams;
    private final Thread feeder;

    private RecentEvents(Journal journal) {
        this.journal = journal;
        this.first = journal.end();
        this.start = first;
        this.end = first;
        this.feeder = Thread.ofVirtual().name("grpc-recent-events").start(this::feed);
    }

    /** Starts following the journal from its end. */
    public static RecentEvents follow(Journal journal) {
        return new RecentEvents(journal);
    }

    /** A stream starts reading: the ring follows the journal while at least one is open. */
    void opened() {
        lock.lock();
        try {
            streams++;
            listened.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A stream ended. */
    void released() {
        lock.lock();
        try {
            streams--;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until a stream is open; true when the ring sat idle and must restart at the journal's end. */
    private boolean awaitListener() throws InterruptedException {
        lock.lock();
        try {
            if (streams > 0) {
                return false;
            }
            while (streams == 0 && !closed) {
                listened.await();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** True once the engine is stopping: streams end (clients resume from their last offset + 1 elsewhere or later). */
    boolean closed() {
        return closed;
    }

    /** The journal, for readers that fell behind the ring. */
    Journal journal() {
        return journal;
    }

    private void feed() {
        long next = first;
        long bytes = 0;
        while (!closed) {
            try {
                if (awaitListener() && journal.end() > next) {
                    // idle meanwhile: restart at the journal's end; readers of older offsets fall back to the journal
                    long now = journal.end();
                    start = now;
                    end = now;
                    for (int i = 0; i < CAPACITY; i++) {
                        ring.set(i, null);
                    }
                    bytes = 0;
                    next = now;
                }
                List<Event> events = journal.read(next, READ);
                if (events.isEmpty()) {
                    journal.awaitEnd(next, IDLE);
                    continue;
                }
                long oldest = start;
                for (Event e : events) {
                    Recent r = new Recent(e);
                    bytes += r.size();
                    // evict before the slot is reused, and while over budget; readers see `start` move first
                    while (oldest < e.getOffset() && (e.getOffset() - oldest >= CAPACITY || bytes > BUDGET_BYTES)) {
                        Recent gone = ring.getAndSet((int) (oldest & (CAPACITY - 1)), null);
                        bytes -= gone == null ? 0 : gone.size();
                        start = ++oldest;
                    }
                    ring.set((int) (e.getOffset() & (CAPACITY - 1)), r);
                }
                next = events.get(events.size() - 1).getOffset() + 1;
                end = next;
                lock.lock();
                try {
                    moved.signalAll();
                } finally {
                    lock.unlock();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                // streams fall back to the journal meanwhile; nothing is lost
                LOG.log(System.Logger.Level.WARNING, "recent events could not read the journal: {0}", e.toString());
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /**
     * Up to {@code limit} events with offsets {@code >= from} (of {@code game} only, when given), from the ring when it
     * still holds {@code from}, else from the journal.
     */
    Page read(long from, int limit, Optional<String> game) {
        long upTo = end;
        if (from >= start && from <= upTo) {
            List<Recent> out = new ArrayList<>(Math.min(limit, 64));
            for (long o = from; o < upTo; o++) {
                Recent r = ring.get((int) (o & (CAPACITY - 1)));
                Event e = r == null ? null : r.event();
                if (e == null || e.getOffset() != o) {
                    if (o < start || e != null && e.getOffset() > o) {
                        // evicted or overwritten while we read: the rest comes from the journal
                        Page rest = fromJournal(o, limit - out.size(), game);
                        out.addAll(rest.events());
                        return new Page(out, rest.scannedTo());
                    }
                    continue; // no event at this offset
                }
                if (game.isEmpty() || game.get().equals(e.getGameId())) {
                    out.add(r);
                    if (out.size() == limit) {
                        return new Page(out, o + 1);
                    }
                }
            }
            return new Page(out, upTo);
        }
        return fromJournal(from, limit, game);
    }

    private Page fromJournal(long from, int limit, Optional<String> game) {
        long journalEnd = journal.end();
        List<Event> events = game.map(g -> journal.readGame(g, from, limit)).orElseGet(() -> journal.read(from, limit));
        long scanned = events.size() == limit ? events.get(events.size() - 1).getOffset() + 1 : Math.max(from, journalEnd);
        return new Page(events.stream().map(Recent::new).toList(), scanned);
    }

    /** Waits until an event at or after {@code offset} can be read, or the timeout passes. */
    void awaitPast(long offset, Duration timeout) throws InterruptedException {
        if (end > offset) {
            return;
        }
        if (offset < first) {
            journal.awaitEnd(offset, timeout);
            return;
        }
        lock.lock();
        try {
            long left = timeout.toNanos();
            while (end <= offset && !closed && left > 0) {
                left = moved.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        lock.lock();
        try {
            listened.signalAll();
        } finally {
            lock.unlock();
        }
        feeder.interrupt();
        try {
            feeder.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.lock();
        try {
            moved.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
