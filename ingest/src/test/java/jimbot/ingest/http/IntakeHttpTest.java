package jimbot.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import jimbot.ingest.IntakeConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntakeHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private IntakeServer server;

    @BeforeEach
    void start() {
        server = IntakeServer.start(dir, new IntakeConfig(64 * 1024, IntakeConfig.ACK_TIMEOUT_DEFAULT,
                IntakeConfig.LIVE_WINDOW_DEFAULT));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String example(String name) throws IOException {
        try (InputStream in = IntakeHttpTest.class.getResourceAsStream("/contracts/examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    private List<JsonNode> lines(HttpResponse<String> r) {
        return Arrays.stream(r.body().split("\n")).filter(s -> !s.isBlank()).map(s -> {
            try {
                return JSON.readTree(s);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String gameState(int ante, int round, String phase) {
        return """
                {"type":"GAME_STATE","source":"BalatroMCP","event_id":"gs-%d-%d-%s","timestamp":1.5,"version":1,
                 "payload":{"in_game":true,"game_id":"unknown","ante":%d,"round":%d,"game_state":"%s","jokers":{},"hand":{}}}
                """.formatted(ante, round, phase, ante, round, phase);
    }

    private static String batch(String... events) {
        return "{\"batch_id\":\"b\",\"source\":\"BalatroMCP\",\"timestamp\":1,\"events\":[" + String.join(",", events) + "]}";
    }

    @Test
    void acceptsEveryContractExample() throws Exception {
        assertThat(server.post("/api/v1/events/batch", example("jimbot-batch.json")).statusCode()).isEqualTo(200);
        assertThat(server.post("/api/v1/events", example("jimbot-connection-test.json")).statusCode()).isEqualTo(200);
        for (String f : List.of("standalone-state.json", "standalone-status.json", "standalone-action-response.json")) {
            HttpResponse<String> r = server.post("/game-data", example(f));
            assertThat(r.statusCode()).as(f).isEqualTo(200);
            assertThat(json(r).get("status").asText()).isEqualTo("ok");
        }
        assertThat(server.journal().end()).isEqualTo(4 + 1 + 3);
    }

    @Test
    void storesABatchPostedThreeTimesOnce() throws Exception {
        String body = example("jimbot-batch.json");
        JsonNode first = json(server.post("/api/v1/events/batch", body));
        JsonNode second = json(server.post("/api/v1/events/batch", body));
        JsonNode third = json(server.post("/api/v1/events/batch", body));
        assertThat(first).isEqualTo(JSON.readTree("{\"status\":\"ok\",\"accepted\":4,\"duplicates\":0,\"rejected\":[]}"));
        assertThat(second).isEqualTo(JSON.readTree("{\"status\":\"ok\",\"accepted\":0,\"duplicates\":4,\"rejected\":[]}"));
        assertThat(third).isEqualTo(second);
        assertThat(server.journal().end()).isEqualTo(4);
    }

    @Test
    void storesTheGoodNeighboursOfABadEvent() throws Exception {
        HttpResponse<String> r = server.post("/api/v1/events/batch", batch(
                "{\"type\":\"HEARTBEAT\",\"event_id\":\"h1\"}", "5", "{\"event_id\":\"no-type\"}",
                "{\"type\":\"HEARTBEAT\",\"event_id\":\"h2\"}"));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("accepted").asInt()).isEqualTo(2);
        assertThat(body.get("rejected")).hasSize(2);
        assertThat(body.get("rejected").get(0).get("index").asInt()).isEqualTo(1);
        assertThat(body.get("rejected").get(0).get("error").asText()).contains("events[1]").contains("a number");
        assertThat(body.get("rejected").get(1).get("field").asText()).isEqualTo("events[2].type");
        assertThat(server.journal().end()).isEqualTo(2);
    }

    @Test
    void namesThePositionOfMalformedJson() throws Exception {
        HttpResponse<String> r = server.post("/api/v1/events/batch", "{\"events\": [ {\"type\": } ]}");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = json(r);
        assertThat(body.get("field").asText()).isEqualTo("body");
        assertThat(body.get("error").asText()).contains("line 1, column");
        assertThat(server.journal().end()).isZero();
    }

    @Test
    void readsABodyWithoutContentTypeAsJsonAndRefusesOtherTypes() throws Exception {
        assertThat(server.post("/api/v1/events", example("jimbot-connection-test.json"), null).statusCode()).isEqualTo(200);
        HttpResponse<String> form = server.post("/api/v1/events", "type=x", "application/x-www-form-urlencoded");
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(json(form).get("field").asText()).isEqualTo("Content-Type");
        assertThat(server.post("/game-data", "{}", "text/plain").statusCode()).isEqualTo(415);
    }

    @Test
    void refusesAnOversizedBodyWithJson() throws Exception {
        String big = batch("{\"type\":\"HEARTBEAT\",\"event_id\":\"x\",\"payload\":{\"pad\":\"" + "a".repeat(70_000) + "\"}}");
        HttpResponse<String> r = server.post("/api/v1/events/batch", big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(json(r).get("error").asText()).contains("65536");
        assertThat(server.journal().end()).isZero();
    }

    @Test
    void refusesBodiesThatAreNotBatchesNamingTheField() throws Exception {
        HttpResponse<String> empty = server.post("/api/v1/events/batch", "");
        assertThat(empty.statusCode()).isEqualTo(400);
        HttpResponse<String> noEvents = server.post("/api/v1/events/batch", "{\"batch_id\":\"x\"}");
        assertThat(noEvents.statusCode()).isEqualTo(400);
        assertThat(json(noEvents).get("field").asText()).isEqualTo("events");
        HttpResponse<String> array = server.post("/api/v1/events/batch", "[]");
        assertThat(array.statusCode()).isEqualTo(400);
        HttpResponse<String> emptyLua = server.post("/api/v1/events/batch", "{\"events\":{}}");
        assertThat(json(emptyLua).get("accepted").asInt()).isZero();
        HttpResponse<String> noType = server.post("/game-data", "{\"data\":{}}");
        assertThat(noType.statusCode()).isEqualTo(400);
        assertThat(json(noType).get("field").asText()).isEqualTo("message_type");
    }

    @Test
    void answersHealthExactly200WithJson() throws Exception {
        HttpResponse<String> r = server.get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void exposesPrometheusMetrics() throws Exception {
        server.post("/api/v1/events/batch", example("jimbot-batch.json"));
        server.post("/api/v1/events/batch", example("jimbot-batch.json"));
        String metrics = server.get("/metrics").body();
        assertThat(metrics).contains("jimbot_ingest_events_total{dialect=\"jimbot\",outcome=\"stored\",type=\"GAME_STATE\"} 1.0")
                .contains("jimbot_ingest_events_total{dialect=\"jimbot\",outcome=\"duplicate\",type=\"GAME_STATE\"} 1.0")
                .contains("jimbot_journal_sync_seconds_bucket")
                .contains("jimbot_journal_append_seconds_count")
                .contains("jimbot_journal_size_bytes")
                .contains("jimbot_http_requests_seconds_bucket");
    }

    @Test
    void readsTheJournalAsJsonLinesWithOffsetsAndTopics() throws Exception {
        server.post("/api/v1/events/batch", example("jimbot-batch.json"));
        List<JsonNode> all = lines(server.get("/api/v1/events?from=0&limit=10"));
        assertThat(all).extracting(n -> n.get("offset").asLong()).containsExactly(0L, 1L, 2L, 3L);
        HttpResponse<String> filtered = server.get("/api/v1/events?topic=game.scoring.%3E");
        assertThat(lines(filtered)).extracting(n -> n.get("topic").asText()).containsExactly("game.scoring.hand_eval_complete");
        assertThat(filtered.headers().firstValue("X-Jimbot-Next-Offset")).hasValue("4");
        List<JsonNode> page = lines(server.get("/api/v1/events?from=2&limit=1"));
        assertThat(page).extracting(n -> n.get("offset").asLong()).containsExactly(2L);
        assertThat(page.get(0).get("raw").get("payload").get("final_score").asInt()).isEqualTo(540);
    }

    @Test
    void refusesBadReadParametersNamingThem() throws Exception {
        HttpResponse<String> limit = server.get("/api/v1/events?limit=0");
        assertThat(limit.statusCode()).isEqualTo(400);
        assertThat(json(limit).get("field").asText()).isEqualTo("limit");
        assertThat(json(server.get("/api/v1/events?from=x")).get("field").asText()).isEqualTo("from");
        assertThat(json(server.get("/api/v1/events?topic=a..b")).get("field").asText()).isEqualTo("topic");
    }

    @Test
    void readsAGamesStreamInOrder() throws Exception {
        server.post("/api/v1/events/batch", batch(gameState(1, 1, "PLAYING"), "{\"type\":\"HAND_PLAYED\",\"event_id\":\"hp\"}"));
        server.post("/game-data", example("standalone-state.json"));
        List<JsonNode> run = lines(server.get("/api/v1/games/run-0/events"));
        assertThat(run).extracting(n -> n.get("type").asText()).containsExactly("GAME_STATE", "HAND_PLAYED");
        List<JsonNode> session = lines(server.get("/api/v1/games/session_1750899600_4821/events"));
        assertThat(session).extracting(n -> n.get("offset").asLong()).containsExactly(2L);
    }

    @Test
    void deliversACommandToTheJimbotModOnItsSecondPoll() throws Exception {
        server.post("/api/v1/events/batch", batch(gameState(1, 1, "PLAYING")));
        HttpResponse<String> queued = server.post("/api/v1/commands",
                "{\"type\":\"select_card\",\"payload\":{\"params\":[2]}}");
        assertThat(queued.statusCode()).isEqualTo(201);
        assertThat(json(queued).get("game_id").asText()).isEqualTo("run-0");
        HttpResponse<String> first = server.get("/api/v1/commands/poll");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEmpty(); // the mod drops what it gets on its first poll
        HttpResponse<String> second = server.get("/api/v1/commands/poll");
        assertThat(second.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        assertThat(second.body()).isEqualTo("select_card:2");
        assertThat(server.get("/api/v1/commands/poll").body()).isEmpty();
        List<JsonNode> history = lines(server.get("/api/v1/games/run-0/events"));
        assertThat(history).extracting(n -> n.get("topic").asText())
                .containsExactly("game.state.update", "game.command.queued", "game.command.delivered");
        assertThat(history.get(2).get("command").get("delivered_as").asText()).isEqualTo("select_card:2");
    }

    @Test
    void deliversStandaloneActionsWithIncreasingSequenceAnd404WhenNone() throws Exception {
        HttpResponse<String> none = server.get("/actions");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(json(none).get("status").asText()).isEqualTo("no_action");
        server.post("/game-data", example("standalone-state.json"));
        server.post("/api/v1/commands", "{\"game_id\":\"session_1750899600_4821\",\"type\":\"play_hand\",\"payload\":{\"card_indices\":[0,1]}}");
        server.post("/api/v1/commands", "{\"game_id\":\"session_1750899600_4821\",\"type\":\"go_to_shop\"}");
        JsonNode a = json(server.get("/actions"));
        JsonNode b = json(server.get("/actions"));
        assertThat(a.get("data").get("action_type").asText()).isEqualTo("play_hand");
        assertThat(a.get("data").get("card_indices")).isEqualTo(JSON.readTree("[0,1]"));
        assertThat(a.get("sequence_id").asLong()).isEqualTo(a.get("data").get("sequence_id").asLong());
        assertThat(b.get("data").get("action_type").asText()).isEqualTo("go_to_shop");
        assertThat(b.get("sequence_id").asLong()).isGreaterThan(a.get("sequence_id").asLong());
        assertThat(server.get("/actions").statusCode()).isEqualTo(404);
    }

    @Test
    void keepsTheLastStandaloneBodyForState() throws Exception {
        assertThat(json(server.get("/state")).get("status").asText()).isEqualTo("no_data");
        server.post("/game-data", example("standalone-status.json"));
        JsonNode state = json(server.get("/state"));
        assertThat(state.get("status").asText()).isEqualTo("success");
        assertThat(state.get("data")).isEqualTo(JSON.readTree(example("standalone-status.json")));
    }

    @Test
    void refusesCommandsThatCannotBeDeliveredNamingTheField() throws Exception {
        HttpResponse<String> noGame = server.post("/api/v1/commands", "{\"type\":\"go_to_shop\"}");
        assertThat(noGame.statusCode()).isEqualTo(404);
        server.post("/api/v1/events/batch", batch(gameState(1, 1, "PLAYING")));
        server.post("/api/v1/events/batch", batch(gameState(2, 4, "SHOP")), "application/json",
                "X-Jimbot-Instance", "second");
        HttpResponse<String> twoLive = server.post("/api/v1/commands", "{\"type\":\"go_to_shop\"}");
        assertThat(twoLive.statusCode()).isEqualTo(400);
        assertThat(json(twoLive).get("field").asText()).isEqualTo("game_id");
        HttpResponse<String> unknown = server.post("/api/v1/commands", "{\"game_id\":\"nope\",\"type\":\"go_to_shop\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        HttpResponse<String> badLine = server.post("/api/v1/commands",
                "{\"game_id\":\"run-0\",\"type\":\"select_card\",\"payload\":{\"p\":\"1,2\"}}");
        assertThat(badLine.statusCode()).isEqualTo(400);
        assertThat(json(badLine).get("field").asText()).isEqualTo("payload");
        HttpResponse<String> noType = server.post("/api/v1/commands", "{\"game_id\":\"run-0\"}");
        assertThat(json(noType).get("field").asText()).isEqualTo("type");
    }

    @Test
    void queuesACommandOncePerClientRef() throws Exception {
        server.post("/api/v1/events/batch", batch(gameState(1, 1, "PLAYING")));
        String body = "{\"type\":\"go_to_shop\",\"client_ref\":\"decision-7\"}";
        JsonNode first = json(server.post("/api/v1/commands", body));
        HttpResponse<String> again = server.post("/api/v1/commands", body);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("command_id")).isEqualTo(first.get("command_id"));
        assertThat(json(server.get("/api/v1/commands?game_id=run-0")).get("waiting")).hasSize(1);
    }

    @Test
    void keepsWaitingCommandsAcrossARestart() throws Exception {
        server.post("/api/v1/events/batch", batch(gameState(1, 1, "PLAYING")));
        server.post("/api/v1/commands", "{\"type\":\"reroll_shop\"}");
        server.close();
        server = IntakeServer.start(dir);
        assertThat(server.get("/api/v1/commands/poll").body()).isEmpty();
        assertThat(server.get("/api/v1/commands/poll").body()).isEqualTo("reroll_shop");
    }
}
