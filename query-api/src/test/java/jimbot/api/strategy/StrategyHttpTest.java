package jimbot.api.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import jimbot.algorithms.scoring.JokerKind;
import jimbot.ingest.http.IntakeServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrategyHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private IntakeServer server;

    @BeforeEach
    void start() {
        server = IntakeServer.start(dir, (routing, journal) -> routing.register("/api/v1", new StrategyService(journal, 1 << 20)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static final String KINGS = """
            "played":[{"rank":"King","suit":"Spades","enhancement":"none","edition":"none","seal":"none"},
                      {"rank":"King","suit":"Hearts","enhancement":"none","edition":"none","seal":"none"}],
            "held":[{"rank":"7","suit":"Clubs"}]""";

    @Test
    void scoresAPlayLikeTheContractExample() throws Exception {
        HttpResponse<String> r = server.post("/api/v1/score", "{" + KINGS + ",\"jokers\":[{\"name\":\"Joker\"},{\"name\":\"Cavendish\"}],\"steps\":true}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("hand").asText()).isEqualTo("Pair");
        assertThat(body.get("chips").asDouble()).isEqualTo(30);
        assertThat(body.get("mult").asDouble()).isEqualTo(18);
        assertThat(body.get("score").asLong()).isEqualTo(540);
        assertThat(body.get("steps")).isNotEmpty();
    }

    @Test
    void acceptsEveryFieldOfTheIssueExample() throws Exception {
        String body = """
                {"played":[{"rank":"King","suit":"Spades","enhancement":"none","edition":"none","seal":"none"},
                           {"rank":"King","suit":"Hearts","enhancement":"glass","edition":"foil","seal":"Red"}],
                 "held":[{"rank":"Queen","suit":"Clubs","enhancement":"steel","edition":"none","seal":"none"}],
                 "jokers":[{"name":"Flash Card","edition":"holographic","state":{"mult":10}},{"key":"baseball"},
                           {"name":"Gluttonous Joker"},{"name":"Showman"}],
                 "hand_levels":{"Pair":3},"blind":"The Flint","deck":"Plasma Deck","vouchers":["Observatory"],
                 "consumables":[{"name":"Mercury"}],"money":0,"hands_left":1,"discards_left":0,"joker_slots":5,
                 "luck":"average"}""";
        HttpResponse<String> r = server.post("/api/v1/score", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("hand").asText()).isEqualTo("Pair");
    }

    @Test
    void ordersJokersForThePlay() throws Exception {
        HttpResponse<String> r = server.post("/api/v1/joker-order",
                "{" + KINGS + ",\"jokers\":[{\"name\":\"Cavendish\"},{\"name\":\"Joker\"}]}");
        JsonNode body = json(r);
        assertThat(body.get("best").get("jokers")).extracting(JsonNode::asText).containsExactly("Joker", "Cavendish");
        assertThat(body.get("best").get("score").asLong()).isEqualTo(540);
        assertThat(body.get("current").get("score").asLong()).isEqualTo(30L * (2 * 3 + 4));
        assertThat(body.get("gain").asLong()).isEqualTo(540 - 300);
    }

    @Test
    void findsTheBestPlayFromAHand() throws Exception {
        String body = """
                {"hand":[{"rank":"King","suit":"Spades"},{"rank":"2","suit":"Clubs"},{"rank":"King","suit":"Hearts"},
                         {"rank":"7","suit":"Diamonds"}],
                 "jokers":[{"name":"Joker"}],"top":2}""";
        JsonNode plays = json(server.post("/api/v1/best-play", body)).get("plays");
        assertThat(plays).hasSize(2);
        assertThat(plays.get(0).get("hand").asText()).isEqualTo("Pair");
        assertThat(plays.get(0).get("cards")).extracting(JsonNode::asInt).containsExactlyInAnyOrder(0, 2);
        assertThat(plays.get(0).get("score").asLong()).isEqualTo(180);
        assertThat(plays.get(1).get("score").asLong()).isLessThanOrEqualTo(180);
    }

    @Test
    void namesUnknownJokersCardsAndFields() throws Exception {
        HttpResponse<String> joker = server.post("/api/v1/score", "{" + KINGS + ",\"jokers\":[{\"name\":\"Jimbo Deluxe\"}]}");
        assertThat(joker.statusCode()).isEqualTo(400);
        assertThat(json(joker).get("field").asText()).isEqualTo("jokers[0].name");
        HttpResponse<String> card = server.post("/api/v1/score", "{\"played\":[{\"rank\":\"Knight\",\"suit\":\"Spades\"}]}");
        assertThat(json(card).get("field").asText()).isEqualTo("played[0].rank");
        HttpResponse<String> field = server.post("/api/v1/score", "{" + KINGS + ",\"jokerz\":[]}");
        assertThat(json(field).get("field").asText()).isEqualTo("jokerz");
        HttpResponse<String> state = server.post("/api/v1/score", "{" + KINGS + ",\"jokers\":[{\"name\":\"Joker\",\"state\":{\"rerolls\":2}}]}");
        assertThat(json(state).get("field").asText()).isEqualTo("jokers[0].state.rerolls");
        HttpResponse<String> luck = server.post("/api/v1/score", "{" + KINGS + ",\"luck\":\"sometimes\"}");
        assertThat(json(luck).get("field").asText()).isEqualTo("luck");
        HttpResponse<String> level = server.post("/api/v1/score", "{" + KINGS + ",\"hand_levels\":{\"Pair\":0}}");
        assertThat(json(level).get("field").asText()).isEqualTo("hand_levels.Pair");
    }

    @Test
    void acceptsEveryJokerNameOfTheCatalog() throws Exception {
        for (JokerKind k : JokerKind.values()) {
            String name = k.spec().name().replace("\"", "\\\"");
            HttpResponse<String> r = server.post("/api/v1/score", "{" + KINGS + ",\"jokers\":[{\"name\":\"" + name + "\"}]}");
            assertThat(r.statusCode()).as(name + ": " + r.body()).isEqualTo(200);
        }
    }

    @Test
    void answersForALiveGameFromItsLatestState() throws Exception {
        String state = """
                {"events":[{"type":"GAME_STATE","event_id":"s1","timestamp":1.0,"payload":{"in_game":true,"game_id":"unknown",
                  "ante":1,"round":1,"money":4,"hands_remaining":4,"discards_remaining":3,"game_state":"SELECTING_HAND",
                  "jokers":[{"id":"j1","name":"Cavendish","position":0,"properties":{"mult":0,"chips":0,"edition":"none"}},
                            {"id":"j2","name":"Joker","position":1,"properties":{"mult":4,"chips":0,"edition":"none"}}],
                  "hand":[{"id":1,"rank":"King","suit":"Spades","enhancement":"none","edition":"none","seal":"none"},
                          {"id":2,"rank":"King","suit":"Hearts","enhancement":"none","edition":"none","seal":"none"},
                          {"id":3,"rank":"7","suit":"Clubs","enhancement":"none","edition":"none","seal":"none"}]}}]}""";
        assertThat(server.post("/api/v1/events/batch", state).statusCode()).isEqualTo(200);
        JsonNode order = json(server.get("/api/v1/games/run-0/joker-order"));
        assertThat(order.get("best").get("jokers")).extracting(JsonNode::asText).containsExactly("Joker", "Cavendish");
        assertThat(order.get("game_id").asText()).isEqualTo("run-0");
        JsonNode best = json(server.get("/api/v1/games/run-0/best-play?top=1"));
        assertThat(best.get("plays").get(0).get("hand").asText()).isEqualTo("Pair");
        assertThat(server.get("/api/v1/games/nope/best-play").statusCode()).isEqualTo(404);
    }
}
