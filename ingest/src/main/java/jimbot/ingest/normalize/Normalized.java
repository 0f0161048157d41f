package jimbot.ingest.normalize;

import jimbot.journal.Journal;

/** The outcome of normalising one event: an entry to journal, or a rejection that names the field. */
public sealed interface Normalized {

    /** The event is understood well enough to store. */
    record Accepted(Journal.Entry entry) implements Normalized {
    }

    /**
     * The event cannot be stored.
     *
     * @param field the offending field, as a JSON path from the event ({@code type}, {@code events[3]})
     * @param expected what would have been accepted there
     * @param message one sentence for the client
     */
    record Rejected(String field, String expected, String message) implements Normalized {
    }
}
