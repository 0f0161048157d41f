package jimbot.journal;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jimbot.v1.Event;

/**
 * How fresh an answer (or a consumer) is: the last journal offset the data reflects and how far that is behind the
 * journal's end, in events and in time. {@code lagMs} is how long the oldest event not reflected has been in the
 * journal (0 when nothing is missing), so it grows while a consumer is stuck even when no new events arrive.
 *
 * @param asOfOffset the last offset reflected (-1: nothing yet)
 * @param stale why the data stopped at {@code asOfOffset} (what computes it failed), if it did
 */
public record Freshness(long asOfOffset, long lagEvents, long lagMs, Optional<String> stale) {

    public Freshness {
        Objects.requireNonNull(stale, "stale");
    }

    /** The freshness of data that reflects the journal up to {@code asOfOffset}. */
    public static Freshness of(Journal journal, long asOfOffset, Clock clock) {
        return of(journal, asOfOffset, Optional.empty(), clock);
    }

    /** As above, for data that stopped at {@code asOfOffset} for the reason given. */
    public static Freshness of(Journal journal, long asOfOffset, Optional<String> stale, Clock clock) {
        long end = journal.end();
        long missing = Math.max(0, end - 1 - asOfOffset);
        if (missing == 0) {
            return new Freshness(asOfOffset, 0, 0, stale);
        }
        long lagMs = 0;
        try {
            List<Event> oldest = journal.read(Math.max(0, asOfOffset + 1), 1);
            if (!oldest.isEmpty()) {
                lagMs = Math.max(0, clock.millis() - oldest.get(0).getReceivedAtMs());
            }
        } catch (JournalUnavailableException e) {
            // a closing journal: the event count still says how far behind
        }
        return new Freshness(asOfOffset, missing, lagMs, stale);
    }

    /** The freshness of an answer computed from the request, or read from the journal now: the journal's own. */
    public static Freshness current(Journal journal) {
        return new Freshness(journal.end() - 1, 0, 0, Optional.empty());
    }
}
