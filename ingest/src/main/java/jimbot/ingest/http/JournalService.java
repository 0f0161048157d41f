package jimbot.ingest.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import jimbot.errors.InvalidArgumentException;
import jimbot.journal.Journal;
import jimbot.journal.JournalReader;
import jimbot.routing.TopicPattern;
import jimbot.v1.Event;

/**
 * Reading the journal over HTTP as JSON lines, one event per line with its offset:
 * {@code GET /api/v1/events?from&limit&topic} and {@code GET /api/v1/games/{game_id}/events?from&limit}.
 * The header {@code X-Jimbot-Next-Offset} says where to continue.
 */
final class JournalService implements HttpService {

    static final int LIMIT_DEFAULT = 100;
    static final int LIMIT_MAX = 10_000;
    static final String NEXT_OFFSET = "X-Jimbot-Next-Offset";

    private final Journal journal;

    JournalService(Journal journal) {
        this.journal = journal;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/events", this::events)
                .get("/games/{game_id}/events", this::gameEvents);
    }

    private void events(ServerRequest req, ServerResponse res) {
        long from = longParam(req, "from", 0);
        int limit = limit(req);
        TopicPattern pattern = req.query().first("topic").asOptional()
                .map(JournalService::pattern).orElse(TopicPattern.ALL);
        JournalReader.Page page = JournalReader.read(journal, from, limit, pattern);
        sendLines(res, page.events(), page.next());
    }

    private void gameEvents(ServerRequest req, ServerResponse res) {
        String game = req.path().pathParameters().get("game_id");
        long from = longParam(req, "from", 0);
        int limit = limit(req);
        List<Event> events = journal.readGame(game, from, limit);
        long next = events.isEmpty() ? Math.max(from, 0) : events.get(events.size() - 1).getOffset() + 1;
        sendLines(res, events, next);
    }

    private static TopicPattern pattern(String text) {
        try {
            return TopicPattern.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("topic", "a pattern such as game.> or game.*.update", e.getMessage());
        }
    }

    private static int limit(ServerRequest req) {
        long limit = longParam(req, "limit", LIMIT_DEFAULT);
        if (limit < 1 || limit > LIMIT_MAX) {
            throw new InvalidArgumentException("limit", "a whole number from 1 to " + LIMIT_MAX,
                    String.format(Locale.ROOT, "limit: %d is out of range 1..%d", limit, LIMIT_MAX));
        }
        return (int) limit;
    }

    private static long longParam(ServerRequest req, String name, long fallback) {
        String raw = req.query().first(name).orElse("");
        if (raw.isBlank()) {
            return fallback;
        }
        try {
            long v = Long.parseLong(raw.trim());
            if (v < 0) {
                throw new InvalidArgumentException(name, "a whole number >= 0", name + ": " + v + " is negative");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException(name, "a whole number >= 0", name + ": '" + raw + "' is not a whole number");
        }
    }

    private static void sendLines(ServerResponse res, List<Event> events, long next) {
        res.status(Status.OK_200);
        res.header(HeaderNames.CONTENT_TYPE, "application/x-ndjson");
        res.header(NEXT_OFFSET, Long.toString(next));
        try (OutputStream out = res.outputStream()) {
            for (Event e : events) {
                out.write(EventJson.render(e).toString().getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
