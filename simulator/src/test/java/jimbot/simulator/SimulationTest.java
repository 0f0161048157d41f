package jimbot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jimbot.algorithms.scoring.JokerKind;
import org.junit.jupiter.api.Test;

class SimulationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Sent(String path, JsonNode body, String instance) {
    }

    private static List<Sent> simulate(Simulation.Dialect dialect, int runs, long seed) throws Exception {
        List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        Simulation.Summary s = Simulation.run(new Simulation.Config(runs, seed, dialect, List.of(), 1,
                URI.create("http://127.0.0.1:1")), (path, json, instance) -> {
                    sent.add(new Sent(path, JSON.readTree(json), instance));
                    return 200;
                });
        assertThat(s.runs()).isEqualTo(runs);
        assertThat(s.failed()).isZero();
        return sent;
    }

    @Test
    void sendsJimbotBatchesAsTheModDoes() throws Exception {
        List<Sent> sent = simulate(Simulation.Dialect.JIMBOT, 3, 42);
        assertThat(sent).allSatisfy(p -> assertThat(p.path()).isEqualTo("/api/v1/events/batch"));
        List<JsonNode> events = new ArrayList<>();
        sent.forEach(p -> p.body().get("events").forEach(events::add));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("timestamp").isDouble()).isTrue();
            assertThat(e.get("event_id").asText()).isNotEmpty();
        });
        assertThat(events).filteredOn(e -> e.get("type").asText().equals("GAME_STATE") && e.get("payload").has("game_id"))
                .allSatisfy(e -> assertThat(e.get("payload").get("game_id").asText()).isEqualTo("unknown"));
        long ends = events.stream().filter(e -> e.get("type").asText().equals("GAME_STATE")
                && (e.get("payload").path("game_state").asText().equals("GAME_OVER")
                || e.get("payload").path("phase").asText().equals("MENU"))).count();
        assertThat(ends).isEqualTo(3);
        assertThat(events).anySatisfy(e -> assertThat(e.path("subtype").asText()).isEqualTo("HAND_EVAL_COMPLETE"));
    }

    @Test
    void sendsStandaloneMessagesWithASessionPerRun() throws Exception {
        List<Sent> sent = simulate(Simulation.Dialect.STANDALONE, 2, 7);
        assertThat(sent).allSatisfy(p -> assertThat(p.path()).isEqualTo("/game-data"));
        assertThat(sent.stream().map(p -> p.body().path("data").path("state").path("core_state").path("session_id").asText())
                .filter(s -> !s.isEmpty()).distinct()).hasSize(2);
        assertThat(sent).anySatisfy(p -> assertThat(p.body().path("data").path("status_type").asText()).isEqualTo("game_over"));
    }

    @Test
    void isDeterministicForASeed() throws Exception {
        assertThat(simulate(Simulation.Dialect.JIMBOT, 2, 9).toString()).isEqualTo(simulate(Simulation.Dialect.JIMBOT, 2, 9).toString());
    }

    @Test
    void plantedPairsScaleScores() {
        Planted p = Planted.parse("Greedy Joker+Lusty Joker=1.6");
        assertThat(p.a()).isEqualTo(JokerKind.GREEDY_JOKER);
        assertThat(p.factor()).isEqualTo(1.6);
        RunSimulator sim = new RunSimulator(new java.util.Random(1), List.of(p), Simulation.shopPool(
                new Simulation.Config(1, 1, Simulation.Dialect.JIMBOT, List.of(p), 1, java.net.URI.create("http://127.0.0.1:1"))));
        sim.jokers.add(JokerKind.GREEDY_JOKER);
        assertThat(sim.plantedFactor()).isEqualTo(1.0);
        sim.jokers.add(JokerKind.LUSTY_JOKER);
        assertThat(sim.plantedFactor()).isEqualTo(1.6);
    }

    @org.junit.jupiter.api.Test
    void aSmallShopPoolHoldsThePlantedJokersAndIsTheSameForASeed() {
        List<Planted> planted = List.of(Planted.parse("Joker+Greedy Joker=3"), Planted.parse("Banner+Mystic Summit=0.3"));
        java.net.URI none = java.net.URI.create("http://127.0.0.1:1");
        var pool = Simulation.shopPool(new Simulation.Config(1, 5, Simulation.Dialect.JIMBOT, planted, 1, none, 10));
        org.assertj.core.api.Assertions.assertThat(pool).hasSize(10).extracting(jimbot.algorithms.catalog.JokerSpec::key)
                .contains("joker", "greedy_joker", "banner", "mystic_summit").doesNotHaveDuplicates();
        org.assertj.core.api.Assertions.assertThat(Simulation.shopPool(new Simulation.Config(1, 5, Simulation.Dialect.JIMBOT,
                planted, 1, none, 10))).isEqualTo(pool);
        org.assertj.core.api.Assertions.assertThat(Simulation.shopPool(new Simulation.Config(1, 5, Simulation.Dialect.JIMBOT,
                planted, 1, none, 0))).hasSizeGreaterThan(100);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Simulation.Config(1, 5, Simulation.Dialect.JIMBOT,
                planted, 1, none, 3)).hasMessageContaining("--pool");
    }
}
