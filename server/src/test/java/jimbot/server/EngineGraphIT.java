package jimbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jimbot.simulator.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole engine in one process: simulated games through both wires, the projector catching up, analysts asking
 * over HTTP, and a rebuild from the journal giving back the same graph.
 */
class EngineGraphIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    private EngineConfig config() {
        return EngineConfig.from(Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .addSource(ConfigSources.create(Map.of("jimbot.http.port", "0", "jimbot.grpc.port", "0",
                        "jimbot.bolt.port", "0", "jimbot.data-dir", data.toString())))
                .addSource(ConfigSources.classpath("jimbot-defaults.yaml")).build());
    }

    private static JsonNode get(Engine engine, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(engine.httpUri().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode post(Engine engine, String path, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(engine.httpUri().resolve(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static long count(Engine engine, String cypher) throws Exception {
        return count(engine, cypher, Map.of());
    }

    private static long count(Engine engine, String cypher, Map<String, Object> params) throws Exception {
        JsonNode body = post(engine, "/api/v1/cypher", JSON.writeValueAsString(Map.of("query", cypher, "params", params)));
        return body.get("rows").get(0).get(0).asLong();
    }

    /** Every label and relationship type with its count: two equal graphs have equal censuses. */
    private static Map<String, Long> census(Engine engine) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        JsonNode body = post(engine, "/api/v1/procedures/graph.stats", "{}");
        body.get("rows").forEach(r -> out.put(r.get("kind").asText() + ":" + r.get("name").asText(), r.get("count").asLong()));
        out.put("held-closed", count(engine, "MATCH ()-[h:HELD]->() WHERE h.to_round IS NOT NULL RETURN count(h) AS n"));
        out.put("won", count(engine, "MATCH (r:Run {won: true}) RETURN count(r) AS n"));
        return out;
    }

    private static void awaitProjector(Engine engine) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (engine.lagEvents() > 0) {
            assertThat(System.nanoTime()).as("projector caught up within 60 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void projectsSimulatedGamesAndRebuildsTheSameGraph() throws Exception {
        Map<String, Long> before;
        Simulation.Summary jimbot;
        Simulation.Summary standalone;
        try (Engine engine = Engine.start(config())) {
            jimbot = Simulation.run(new Simulation.Config(6, 11, Simulation.Dialect.JIMBOT, List.of(), 2,
                    engine.httpUri()), Simulation.http(engine.httpUri()));
            standalone = Simulation.run(new Simulation.Config(3, 12, Simulation.Dialect.STANDALONE, List.of(), 1,
                    engine.httpUri()), Simulation.http(engine.httpUri()));
            assertThat(jimbot.failed()).isZero();
            assertThat(standalone.failed()).isZero();
            awaitProjector(engine);
            assertThat(new CommandLine(new Jimbot()).execute("status", "--http-port", Integer.toString(engine.httpPort())))
                    .as("jimbot status on a running, caught-up engine").isZero();

            assertThat(count(engine, "MATCH (r:Run) RETURN count(r) AS n")).isEqualTo(9);
            assertThat(count(engine, "MATCH (r:Run) WHERE r.ended IS NULL RETURN count(r) AS n"))
                    .as("every simulated run ended, so none is still open").isZero();
            assertThat(count(engine, "MATCH (r:Run)-[:PLAYED_ROUND]->(:Round)-[:PLAYED]->(:Hand) RETURN count(DISTINCT r) AS n"))
                    .isEqualTo(9);
            assertThat(count(engine, "MATCH (r:Run)-[:HELD]->(:Joker) RETURN count(DISTINCT r) AS n")).isPositive();
            before = census(engine);
            assertThat(before.get("won")).isEqualTo(jimbot.won() + standalone.won());
            assertThat(before).containsKeys("label:Run", "label:Round", "label:Hand", "relationship:HELD", "relationship:BOUGHT");

            JsonNode named = post(engine, "/api/v1/queries/recent_runs", "{}");
            assertThat(named.get("rows")).hasSize(9);

            // synergy over the same runs, by HTTP: every pair held together in a finished run, counted as the graph counts
            JsonNode pairs = get(engine, "/api/v1/synergy/pairs?limit=10000&min_runs=1").get("pairs");
            assertThat((long) pairs.size()).isEqualTo(count(engine, "MATCH (a:Joker)<-[:HELD]-(r:Run)-[:HELD]->(b:Joker) "
                    + "WHERE r.ended IS NOT NULL AND a.key < b.key RETURN count(DISTINCT [a.key, b.key]) AS n"));
            for (int i = 0; i < Math.min(5, pairs.size()); i++) {
                JsonNode pair = pairs.get(i);
                assertThat(pair.get("runs").asLong()).isEqualTo(count(engine, "MATCH (a:Joker {key: $a})<-[:HELD]-(r:Run)"
                        + "-[:HELD]->(b:Joker {key: $b}) WHERE r.ended IS NOT NULL RETURN count(DISTINCT r) AS n",
                        Map.of("a", pair.get("joker").asText(), "b", pair.get("partner").asText())));
                JsonNode partners = get(engine, "/api/v1/synergy?min_runs=1&limit=10000&joker=" + pair.get("joker").asText());
                assertThat(partners.get("partners")).anySatisfy(p -> assertThat(p.get("joker").asText())
                        .isEqualTo(pair.get("partner").asText()));
            }
            assertThat(HTTP.send(HttpRequest.newBuilder(engine.httpUri().resolve("/api/v1/synergy")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
        }

        int code = new CommandLine(new Jimbot()).execute("graph", "rebuild", "--data-dir", data.toString(),
                "--bolt-port", "0", "--http-port", "0");
        assertThat(code).isZero();

        try (Engine engine = Engine.start(config())) {
            assertThat(engine.lagEvents()).as("the rebuild left the projector's checkpoint at the journal's end").isZero();
            assertThat(census(engine)).isEqualTo(before);
        }
    }
}
