package jimbot.api.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jimbot.graph.SharedGraph;
import jimbot.graph.procedures.ProcedureRegistry;
import jimbot.graph.projection.ChangeFeed;
import jimbot.graph.projection.LiveProjection;
import jimbot.graph.store.GraphStore;
import jimbot.ingest.http.IntakeServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyst's HTTP path to the graph: read-only Cypher, named queries and procedures, and their errors. */
class GraphHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static IntakeServer server;
    private static GraphStore store;

    @BeforeAll
    static void start() {
        store = SharedGraph.fresh();
        store.write(List.of(new GraphStore.Statement("""
                UNWIND range(1, 30) AS i
                CREATE (:Run {id: 'run-' + i, started: i, won: i % 3 = 0, final_ante: i % 9})""", Map.of())));
        ChangeFeed feed = new ChangeFeed();
        ProcedureRegistry registry = ProcedureRegistry.load(GraphHttpTest.class.getClassLoader(), feed);
        GraphService service = new GraphService(store, registry, LiveProjection.load(store),
                new GraphService.Limits(Duration.ofSeconds(10), 25, 1 << 16), jimbot.api.freshness.FreshnessSource.NONE);
        server = IntakeServer.start(dir, (routing, journal) -> routing.register("/api/v1", service));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void answersReadOnlyCypherWithParametersAndCapsRows() throws Exception {
        HttpResponse<String> r = server.post("/api/v1/cypher",
                "{\"query\":\"MATCH (r:Run) WHERE r.won = $won RETURN count(r) AS n\",\"params\":{\"won\":true}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("columns").get(0).asText()).isEqualTo("n");
        assertThat(json(r).get("rows").get(0).get(0).asLong()).isEqualTo(10);

        JsonNode capped = json(server.post("/api/v1/cypher", "{\"query\":\"MATCH (r:Run) RETURN r.id AS id\"}"));
        assertThat(capped.get("rows")).hasSize(25);
        assertThat(capped.get("truncated").asBoolean()).isTrue();
        JsonNode asked = json(server.post("/api/v1/cypher", "{\"query\":\"MATCH (r:Run) RETURN r.id AS id\",\"max_rows\":5}"));
        assertThat(asked.get("rows")).hasSize(5);
    }

    @Test
    void refusesWritesAndNamesTheField() throws Exception {
        for (String write : List.of("CREATE (:Hacked)", "MATCH (r:Run) SET r.won = false RETURN r",
                "MATCH (n) DETACH DELETE n", "CALL db.createLabel('Hacked')")) {
            HttpResponse<String> r = server.post("/api/v1/cypher", JSON.writeValueAsString(Map.of("query", write)));
            assertThat(r.statusCode()).as(write + " → " + r.body()).isEqualTo(400);
            assertThat(json(r).get("field").asText()).isEqualTo("query");
        }
        assertThat(store.read("MATCH (r:Run {won: true}) RETURN count(r) AS n", Map.of(), Duration.ofSeconds(5), 1)
                .rows().get(0).get("n")).isEqualTo(10L);
        assertThat(server.post("/api/v1/cypher", "{\"query\":\"MATCH (n RETURN n\"}").statusCode()).isEqualTo(400);
        assertThat(json(server.post("/api/v1/cypher", "{\"query\":\"\"}")).get("field").asText()).isEqualTo("query");
        assertThat(json(server.post("/api/v1/cypher", "{\"query\":\"RETURN 1\",\"params\":[1]}")).get("field").asText())
                .isEqualTo("params");
        assertThat(server.post("/api/v1/cypher", "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void listsAndRunsNamedQueriesWithTypedParameters() throws Exception {
        JsonNode list = json(server.get("/api/v1/queries"));
        assertThat(list.size()).isGreaterThanOrEqualTo(15);
        assertThat(list).allSatisfy(q -> assertThat(q.get("answers").asText()).isNotBlank());

        JsonNode recent = json(server.post("/api/v1/queries/recent_runs", "{\"limit\":3}"));
        assertThat(recent.get("rows")).hasSize(3);
        assertThat(recent.get("rows").get(0).get(0).asText()).isEqualTo("run-30");
        assertThat(json(server.post("/api/v1/queries/recent_runs", "")).get("rows")).hasSize(20);

        HttpResponse<String> wrongType = server.post("/api/v1/queries/recent_runs", "{\"limit\":\"three\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(json(wrongType).get("field").asText()).isEqualTo("params.limit");
        HttpResponse<String> unknown = server.post("/api/v1/queries/recent_runs", "{\"limt\":3}");
        assertThat(json(unknown).get("field").asText()).isEqualTo("params.limt");
        HttpResponse<String> missing = server.post("/api/v1/queries/run_summary", "{}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("field").asText()).startsWith("params.");
        assertThat(server.post("/api/v1/queries/no_such_query", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void describesAndCallsProcedures() throws Exception {
        JsonNode list = json(server.get("/api/v1/procedures"));
        assertThat(list).anySatisfy(p -> {
            assertThat(p.get("name").asText()).isEqualTo("graph.stats");
            assertThat(p.get("modes")).isNotEmpty();
            assertThat(p.get("columns")).isNotEmpty();
        });
        JsonNode stats = json(server.post("/api/v1/procedures/graph.stats?mode=stats", ""));
        assertThat(stats.get("mode").asText()).isEqualTo("stats");
        assertThat(stats.get("rows").get(0).get("labelled_nodes").asLong()).isGreaterThanOrEqualTo(30);

        HttpResponse<String> badMode = server.post("/api/v1/procedures/graph.stats?mode=fast", "");
        assertThat(badMode.statusCode()).isEqualTo(400);
        assertThat(json(badMode).get("field").asText()).isEqualTo("mode");
        HttpResponse<String> extra = server.post("/api/v1/procedures/graph.stats", "{\"params\":{\"depth\":2}}");
        assertThat(extra.statusCode()).isEqualTo(400);
        assertThat(json(extra).get("field").asText()).isEqualTo("params.depth");
        assertThat(server.post("/api/v1/procedures/no.such", "").statusCode()).isEqualTo(404);
    }

    @Test
    void servesTheScoreEngineOrderingAndBestPlayAsProcedures() throws Exception {
        JsonNode list = json(server.get("/api/v1/procedures"));
        assertThat(list).extracting(p -> p.get("name").asText())
                .contains("scoring.evaluate", "ordering.optimize", "play.best", "graph.stats", "joker.popularity");

        String kings = "\"played\":[{\"rank\":\"King\",\"suit\":\"Spades\"},{\"rank\":\"King\",\"suit\":\"Hearts\"}]";
        JsonNode scored = json(server.post("/api/v1/procedures/scoring.evaluate",
                "{" + kings + ",\"jokers\":[{\"name\":\"Joker\"},{\"name\":\"Cavendish\"}],\"steps\":true}"));
        JsonNode row = scored.get("rows").get(0);
        assertThat(row.get("hand").asText()).isEqualTo("Pair");
        assertThat(row.get("score").asLong()).isEqualTo(540);
        assertThat(row.get("steps")).isNotEmpty();

        // Cavendish before Joker multiplies less: (2·3)+4 = 10 < (2+4)·3 = 18
        JsonNode ordered = json(server.post("/api/v1/procedures/ordering.optimize",
                "{" + kings + ",\"jokers\":[{\"name\":\"Cavendish\"},{\"name\":\"Joker\"}]}")).get("rows").get(0);
        assertThat(ordered.get("jokers").get(0).asText()).isEqualTo("Joker");
        assertThat(ordered.get("score").asLong()).isEqualTo(540);
        assertThat(ordered.get("current_score").asLong()).isEqualTo(300);
        assertThat(ordered.get("gain").asLong()).isEqualTo(240);

        JsonNode best = json(server.post("/api/v1/procedures/play.best", """
                {"hand":[{"rank":"2","suit":"Clubs"},{"rank":"Ace","suit":"Spades"},{"rank":"Ace","suit":"Hearts"},
                         {"rank":"9","suit":"Diamonds"}],"top":2}"""));
        assertThat(best.get("rows")).hasSize(2);
        assertThat(best.get("rows").get(0).get("hand").asText()).isEqualTo("Pair");
        assertThat(best.get("rows").get(0).get("cards")).extracting(JsonNode::asInt).containsExactlyInAnyOrder(1, 2);

        HttpResponse<String> badCard = server.post("/api/v1/procedures/scoring.evaluate",
                "{\"played\":[{\"rank\":\"Kong\",\"suit\":\"Spades\"}]}");
        assertThat(badCard.statusCode()).isEqualTo(400);
        assertThat(json(badCard).get("field").asText()).isEqualTo("params.played[0].rank");
        HttpResponse<String> missing = server.post("/api/v1/procedures/play.best", "{}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("field").asText()).isEqualTo("params.hand");
        HttpResponse<String> tooMany = server.post("/api/v1/procedures/play.best",
                "{\"hand\":[{\"rank\":\"2\",\"suit\":\"Clubs\"}],\"top\":99}");
        assertThat(json(tooMany).get("field").asText()).isEqualTo("params.top");
    }
}
