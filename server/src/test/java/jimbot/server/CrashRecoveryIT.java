package jimbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing acknowledged is lost: SIGKILL the engine under concurrent load, restart it, find every acked event. */
class CrashRecoveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 8;
    private static final int EVENTS_PER_BATCH = 20;

    @TempDir
    Path dataDir;

    private static String batch(int client, int seq) {
        StringBuilder b = new StringBuilder("{\"batch_id\":\"c" + client + "-" + seq + "\",\"source\":\"BalatroMCP\",\"events\":[");
        for (int i = 0; i < EVENTS_PER_BATCH; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"type\":\"MONEY_CHANGED\",\"source\":\"BalatroMCP\",\"event_id\":\"").append(id(client, seq, i))
                    .append("\",\"timestamp\":").append(seq * 100.5 + i)
                    .append(",\"payload\":{\"old_value\":").append(i).append(",\"new_value\":").append(i + 1)
                    .append(",\"difference\":1},\"version\":1}");
        }
        return b.append("]}").toString();
    }

    private static String id(int client, int seq, int i) {
        return "c" + client + "-b" + seq + "-e" + i;
    }

    @Test
    void findsEveryAcknowledgedEventAfterSigkill() throws Exception {
        Set<String> acked = ConcurrentHashMap.newKeySet();
        AtomicInteger batchesAcked = new AtomicInteger();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try (EngineProcess engine = EngineProcess.start(dataDir)) {
            URI batchUri = URI.create("http://127.0.0.1:" + engine.httpPort() + "/api/v1/events/batch");
            AtomicBoolean running = new AtomicBoolean(true);
            CountDownLatch done = new CountDownLatch(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                Thread.ofPlatform().start(() -> {
                    try {
                        for (int seq = 0; running.get(); seq++) {
                            HttpRequest req = HttpRequest.newBuilder(batchUri).timeout(Duration.ofSeconds(10))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(batch(client, seq))).build();
                            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 200) {
                                for (int i = 0; i < EVENTS_PER_BATCH; i++) {
                                    acked.add(id(client, seq, i));
                                }
                                batchesAcked.incrementAndGet();
                            }
                        }
                    } catch (Exception killed) {
                        // the engine was killed under this request: its events were never acknowledged
                    } finally {
                        done.countDown();
                    }
                });
            }
            while (batchesAcked.get() < 200) {
                Thread.sleep(20);
            }
            engine.kill();
            running.set(false);
            done.await();
        }
        assertThat(acked).hasSizeGreaterThanOrEqualTo(200 * EVENTS_PER_BATCH);

        try (EngineProcess restarted = EngineProcess.start(dataDir)) {
            List<String> stored = new ArrayList<>();
            long from = 0;
            while (true) {
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + restarted.httpPort() + "/api/v1/events?limit=10000&from=" + from)).build(),
                        HttpResponse.BodyHandlers.ofString());
                String[] lines = page.body().split("\n");
                if (page.body().isBlank()) {
                    break;
                }
                for (String line : lines) {
                    JsonNode e = JSON.readTree(line);
                    stored.add(e.get("event_id").asText());
                    from = e.get("offset").asLong() + 1;
                }
            }
            Set<String> unique = new HashSet<>(stored);
            assertThat(unique).as("every acknowledged event survives SIGKILL").containsAll(acked);
            assertThat(stored).as("each event is stored once").hasSameSizeAs(unique);

            // the mod resends what it is unsure of: an acknowledged batch comes back as duplicates
            HttpResponse<String> resend = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + restarted.httpPort() + "/api/v1/events/batch")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(batch(0, 0))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(JSON.readTree(resend.body()).get("duplicates").asInt()).isEqualTo(EVENTS_PER_BATCH);
            assertThat(restarted.stop()).as("SIGTERM stops the engine gracefully, exit code 0").isZero();
        }
    }
}
