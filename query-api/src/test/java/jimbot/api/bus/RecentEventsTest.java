package jimbot.api.bus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import jimbot.ingest.http.IntakeServer;
import jimbot.ingest.normalize.Arrival;
import jimbot.v1.Dialect;
import jimbot.v1.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared tail answers exactly what the journal answers, whether a reader is inside the ring or behind it. */
class RecentEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void pagesEqualTheJournalsForEveryStartingPointAndGame() throws Exception {
        try (IntakeServer server = IntakeServer.start(dir); RecentEvents recent = RecentEvents.follow(server.journal())) {
            recent.opened(); // a stream listens, so the ring follows the journal
            int total = 0;
            for (int batch = 0; total < RecentEvents.CAPACITY * 2 + 500; batch++) {
                String client = "jimbot@10.0.0." + (batch % 3);
                StringBuilder events = new StringBuilder();
                if (batch < 3) {
                    events.append("""
                            {"type":"GAME_STATE","event_id":"s%d","timestamp":1,"payload":{"in_game":true,"ante":1,"round":1}},"""
                            .formatted(batch));
                }
                for (int i = 0; i < 400; i++) {
                    events.append(i == 0 ? "" : ",").append("""
                            {"type":"MONEY_CHANGED","event_id":"m%d-%d","timestamp":%d,"payload":{"difference":1}}"""
                            .formatted(batch, i, i));
                }
                server.intake().acceptJimbotBatch(JSON.readTree("{\"events\":[" + events + "]}"),
                        new Arrival(Dialect.DIALECT_JIMBOT, client, 0, ""));
                total += 400;
            }
            long end = server.journal().end();
            recent.awaitPast(end - 1, Duration.ofSeconds(10));
            List<String> games = server.journal().read(0, 2000).stream().map(Event::getGameId).distinct().toList();
            assertThat(games).hasSize(3);
            Random random = new Random(7);
            for (int trial = 0; trial < 200; trial++) {
                long from = trial < 3 ? List.of(0L, end - 1, end).get(trial) : (long) (random.nextDouble() * (end + 1));
                int limit = 1 + random.nextInt(300);
                Optional<String> game = random.nextBoolean() ? Optional.empty() : Optional.of(games.get(random.nextInt(3)));
                RecentEvents.Page page = recent.read(from, limit, game);
                List<Event> expected = game.map(g -> server.journal().readGame(g, from, limit))
                        .orElseGet(() -> server.journal().read(from, limit));
                assertThat(page.events().stream().map(RecentEvents.Recent::event).toList()).as("from %d limit %d game %s", from, limit, game).isEqualTo(expected);
                assertThat(page.scannedTo()).isGreaterThanOrEqualTo(from).isLessThanOrEqualTo(end);
                if (expected.size() < limit) {
                    assertThat(page.scannedTo()).isEqualTo(Math.max(from, end));
                } else {
                    assertThat(page.scannedTo()).isEqualTo(expected.get(expected.size() - 1).getOffset() + 1);
                }
            }
        }
    }
}
