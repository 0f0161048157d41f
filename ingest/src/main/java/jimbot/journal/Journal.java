package jimbot.journal;

import com.google.protobuf.ByteString;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import jimbot.v1.Event;

/**
 * The engine's durable, append-only event log: global offsets, per-game streams, exact dedupe, checkpoints
 * for consumers. The embedded default is {@link RocksDbJournal}; every implementation passes the contract
 * test {@code JournalContract}.
 */
public interface Journal extends AutoCloseable {

    /**
     * Appends entries in order. The future completes only once every stored entry is durable (synced), and
     * completes exceptionally with {@link JournalUnavailableException} when it could not be made durable.
     * An entry whose dedupe key was stored before (or earlier in the same call) is not stored again and
     * comes back as {@link Appended.Duplicate}.
     */
    CompletableFuture<List<Appended>> append(List<Entry> entries);

    /** The offset the next stored event will get; every offset below it is durable and readable. */
    long end();

    /** Up to {@code limit} events with offsets {@code >= from}, in offset order. */
    List<Event> read(long from, int limit);

    /** Up to {@code limit} events of one game with offsets {@code >= from}, in offset order. */
    List<Event> readGame(String gameId, long from, int limit);

    /**
     * Blocks until {@link #end()} is greater than {@code offset} or the timeout passes; returns {@link #end()}.
     */
    long awaitEnd(long offset, Duration timeout) throws InterruptedException;

    /** The offset a named consumer stored as the next one it will read. */
    OptionalLong checkpoint(String consumer);

    /** Stores a consumer's next offset. Not synced: after a crash a consumer may see a few events again. */
    void saveCheckpoint(String consumer, long nextOffset);

    /** Sequencer state stored under keys starting with {@code prefix}, by key. */
    Map<String, ByteString> state(String prefix);

    /** Counts and sizes for metrics and health. */
    JournalStats stats();

    @Override
    void close();

    /** An event to append, with the key that identifies a resend of it (empty: never a duplicate). */
    record Entry(Event event, ByteString dedupeKey) {
        public Entry {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(dedupeKey, "dedupeKey");
        }
    }

    /** What happened to one appended entry. */
    sealed interface Appended {
        /** Stored now, at {@code offset}, as {@code event} (with offset and game id filled in). */
        record Stored(long offset, Event event) implements Appended {
        }

        /** A resend of the event stored at {@code offset}; nothing was written. */
        record Duplicate(long offset) implements Appended {
        }
    }

    /** Sizes of the journal. */
    record JournalStats(long events, long approximateBytes) {
    }

    /** Read access to the persisted sequencer state, handed to {@link Sequencer#restore}. */
    @FunctionalInterface
    interface StateView {
        /** Stored state under keys starting with {@code prefix}, by key. */
        Map<String, ByteString> state(String prefix);
    }
}
