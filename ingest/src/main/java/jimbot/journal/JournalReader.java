package jimbot.journal;

import java.util.ArrayList;
import java.util.List;
import jimbot.routing.TopicPattern;
import jimbot.v1.Event;

/** Filtered reads over a journal, bounded so a rare topic never turns one call into a scan of everything. */
public final class JournalReader {

    /** Most events examined by one filtered read. */
    public static final int SCAN_MAX = 100_000;
    private static final int CHUNK = 512;

    private JournalReader() {
    }

    /**
     * Events matching {@code pattern}, from {@code from}, at most {@code limit} of them.
     *
     * @param events the matches, in offset order
     * @param next the offset to continue from
     */
    public record Page(List<Event> events, long next) {
        public Page {
            events = List.copyOf(events);
        }
    }

    /** Reads up to {@code limit} matching events, examining at most {@link #SCAN_MAX}. */
    public static Page read(Journal journal, long from, int limit, TopicPattern pattern) {
        List<Event> out = new ArrayList<>(Math.min(limit, CHUNK));
        long next = from;
        long scanned = 0;
        while (out.size() < limit && scanned < SCAN_MAX) {
            List<Event> chunk = journal.read(next, pattern.matchesEverything() ? limit - out.size() : CHUNK);
            if (chunk.isEmpty()) {
                break;
            }
            for (Event e : chunk) {
                next = e.getOffset() + 1;
                scanned++;
                if (pattern.matches(e.getTopic())) {
                    out.add(e);
                    if (out.size() == limit) {
                        break;
                    }
                }
            }
        }
        return new Page(out, next);
    }
}
