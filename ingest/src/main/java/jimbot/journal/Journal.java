package jimbot.journal;

import com.google.protobuf.ByteString;
import com.google.protobuf.Struct;
import com.google.protobuf.InvalidProtocolBufferException;
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

    /** Up to {@code limit} events of one game with offsets {@code < before}, newest first. */
    List<Event> readGameBackwards(String gameId, long before, int limit);

    /**
     * Blocks until {@link #end()} is greater than {@code offset} or the timeout passes; returns {@link #end()}.
     */
    long awaitEnd(long offset, Duration timeout) throws InterruptedException;

    /** The offset a named consumer stored as the next one it will read. */
    OptionalLong checkpoint(String consumer);

    /** Stores a consumer's next offset. Not synced: after a crash a consumer may see a few events again. */
    void saveCheckpoint(String consumer, long nextOffset);

    /**
     * Records that {@code consumer} gave up on the event at {@code offset} (it could not apply it after retries) and
     * moved on; kept with the checkpoints, durable like them.
     */
    void quarantine(Quarantined record);

    /** Every quarantined event, by consumer then offset; at most {@code limit}. */
    List<Quarantined> quarantined(int limit);

    /** Sequencer state stored under keys starting with {@code prefix}, by key. */
    Map<String, ByteString> state(String prefix);

    /** Counts and sizes for metrics and health. */
    JournalStats stats();

    /** Why appends are refused right now (a disk that is full or failing), or empty while the journal writes. */
    default java.util.Optional<String> writeError() {
        return java.util.Optional.empty();
    }

    @Override
    void close();

    /**
     * An event to append, with the key that identifies a resend of it (empty: never a duplicate).
     *
     * @param event the event without its {@code raw} field
     * @param raw the event's {@code raw} field, already encoded as a {@code google.protobuf.Struct} (empty when
     *     none): the intake encodes it straight from JSON, which is much cheaper than building the Struct
     * @param dedupeKey identifies a resend of the same event; empty: never a duplicate
     */
    record Entry(Event event, ByteString raw, ByteString dedupeKey) {
        public Entry {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(raw, "raw");
            Objects.requireNonNull(dedupeKey, "dedupeKey");
        }

        /** An entry whose event carries everything itself. */
        public static Entry of(Event event, ByteString dedupeKey) {
            return new Entry(event, ByteString.EMPTY, dedupeKey);
        }

        /** The event with its raw field, as a reader of the journal will see it. */
        public Event full() {
            try {
                return raw.isEmpty() ? event : event.toBuilder().setRaw(Struct.parseFrom(raw)).build();
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalArgumentException("raw is not an encoded Struct", e);
            }
        }
    }

    /** What happened to one appended entry. */
    sealed interface Appended {
        /**
         * Stored now, at {@code offset}: the event as appended plus the sequencer's patch (game id and the like).
         */
        record Stored(long offset, Event sent, Event patch) implements Appended {
            /** The event as stored, without its raw field. */
            public Event event() {
                Event.Builder b = sent.toBuilder();
                if (!patch.equals(Event.getDefaultInstance())) {
                    b.mergeFrom(patch);
                }
                return b.setOffset(offset).build();
            }
        }

        /** A resend of the event stored at {@code offset}; nothing was written. */
        record Duplicate(long offset) implements Appended {
        }
    }

    /** An event a consumer could not apply and skipped: which, when, and the error it raised. */
    record Quarantined(String consumer, long offset, long atMs, String error) {
        public Quarantined {
            Objects.requireNonNull(consumer, "consumer");
            Objects.requireNonNull(error, "error");
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
