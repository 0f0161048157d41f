package jimbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jimbot.simulator.Planted;
import jimbot.simulator.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planted truth, end to end: the simulator plays 400 runs through the HTTP intake with one pair that multiplies its
 * scores by 6 and one that divides them by 5; the engine's synergy, judged by how far runs go and by how hands score,
 * ranks the first pair at the top (its interval above zero) and the second at the bottom.
 */
class PlantedTruthIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void theEngineRanksThePlantedSynergyFirstAndThePlantedAntiSynergyLast() throws Exception {
        EngineConfig config = EngineConfig.from(Config.builder().disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(Map.of("jimbot.http.port", "0", "jimbot.grpc.port", "0",
                        "jimbot.bolt.port", "0", "jimbot.data-dir", data.toString())))
                .addSource(ConfigSources.classpath("jimbot-defaults.yaml")).build());
        try (Engine engine = Engine.start(config)) {
            List<Planted> planted = List.of(Planted.parse("Joker+Greedy Joker=6"), Planted.parse("Banner+Mystic Summit=0.2"));
            Simulation.Summary s = Simulation.run(new Simulation.Config(400, 5, Simulation.Dialect.JIMBOT, planted, 8,
                    engine.httpUri(), 10), Simulation.http(engine.httpUri()));
            assertThat(s.failed()).isZero();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (engine.lagEvents() > 0) {
                assertThat(System.nanoTime()).as("projector caught up within 120 s").isLessThan(deadline);
                Thread.sleep(50);
            }
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(engine.httpUri()
                    .resolve("/api/v1/synergy/pairs?metric=ante&min_runs=8&limit=1000")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode pairs = JSON.readTree(r.body()).get("pairs");
            assertThat(pairs.size()).isGreaterThan(5);
            JsonNode first = pairs.get(0);
            JsonNode last = pairs.get(pairs.size() - 1);
            assertThat(List.of(first.get("joker").asText(), first.get("partner").asText()))
                    .as(r.body()).containsExactlyInAnyOrder("joker", "greedy_joker");
            assertThat(first.get("lo").asDouble()).as("the planted synergy's interval is above zero").isPositive();
            assertThat(List.of(last.get("joker").asText(), last.get("partner").asText()))
                    .as(r.body()).containsExactlyInAnyOrder("banner", "mystic_summit");
            assertThat(last.get("uplift").asDouble()).isNegative();

            // judged per scored hand: the planted factors scale every hand scored holding both
            HttpResponse<String> h = HttpClient.newHttpClient().send(HttpRequest.newBuilder(engine.httpUri()
                    .resolve("/api/v1/synergy/pairs?metric=score&min_runs=30&limit=1000")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(h.statusCode()).as(h.body()).isEqualTo(200);
            JsonNode byHand = JSON.readTree(h.body()).get("pairs");
            JsonNode top = byHand.get(0);
            JsonNode bottom = byHand.get(byHand.size() - 1);
            assertThat(List.of(top.get("joker").asText(), top.get("partner").asText()))
                    .as(h.body()).containsExactlyInAnyOrder("joker", "greedy_joker");
            assertThat(top.get("hand_lift").asDouble()).isGreaterThan(2);
            assertThat(top.get("lo").asDouble()).isPositive();
            assertThat(top.get("hand_score").asDouble()).isGreaterThan(top.get("hand_score_without").asDouble());
            assertThat(List.of(bottom.get("joker").asText(), bottom.get("partner").asText()))
                    .as(h.body()).containsExactlyInAnyOrder("banner", "mystic_summit");
            assertThat(bottom.get("hand_lift").asDouble()).isLessThan(0.5);
        }
    }
}
