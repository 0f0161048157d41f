package jimbot.api.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** The synergy routes over a graph whose runs favour one pair: it comes first, with its partner and counts. */
class SynergyHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static IntakeServer server;

    @BeforeAll
    static void start() {
        GraphStore store = SharedGraph.fresh();
        // 12 runs with Baron and Mime (9 won), 12 with Baron and Joker (3 won), 12 with Mime and Joker (3 won)
        store.write(List.of(new GraphStore.Statement("""
                UNWIND range(0, 35) AS i
                WITH i, CASE i / 12 WHEN 0 THEN ['baron', 'mime'] WHEN 1 THEN ['baron', 'joker'] ELSE ['mime', 'joker'] END AS held
                CREATE (r:Run {id: 'run-' + i, started: i, ended: i + 1, won: i % 12 < CASE i / 12 WHEN 0 THEN 9 ELSE 3 END,
                               final_ante: 4})
                WITH r, held
                UNWIND range(0, size(held) - 1) AS k
                MERGE (j:Joker {key: held[k]})
                CREATE (r)-[:HELD]->(j), (r)-[:BOUGHT {offset: k}]->(j)""", Map.of()),
                // the winning Baron and Mime runs reorder their jokers after buying both
                new GraphStore.Statement("""
                        MATCH (r:Run) WHERE r.id IN ['run-0', 'run-1', 'run-2', 'run-3', 'run-4', 'run-5', 'run-6', 'run-7', 'run-8']
                        CREATE (r)-[:DECIDED]->(:Decision {id: 'cmd-' + r.id, type: 'reorder_jokers', offset: 5})""", Map.of())));
        ProcedureRegistry registry = ProcedureRegistry.load(SynergyHttpTest.class.getClassLoader(), new ChangeFeed());
        GraphService service = new GraphService(store, registry, LiveProjection.load(store),
                new GraphService.Limits(Duration.ofSeconds(10), 100, 1 << 16), jimbot.api.freshness.FreshnessSource.NONE);
        server = IntakeServer.start(dir, (routing, journal) -> routing.register("/api/v1", service));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void pairsComeStrongestFirstWithIntervals() throws Exception {
        JsonNode pairs = JSON.readTree(server.get("/api/v1/synergy/pairs?min_runs=5").body()).get("pairs");
        assertThat(pairs).hasSize(3);
        assertThat(pairs.get(0).get("joker").asText()).isEqualTo("baron");
        assertThat(pairs.get(0).get("partner").asText()).isEqualTo("mime");
        assertThat(pairs.get(0).get("runs").asLong()).isEqualTo(12);
        assertThat(pairs.get(0).get("wins").asLong()).isEqualTo(9);
        assertThat(pairs.get(0).get("uplift").asDouble()).isPositive();
        assertThat(pairs.get(0).get("lo").asDouble()).isLessThan(pairs.get(0).get("hi").asDouble());
        assertThat(pairs.get(2).get("uplift").asDouble()).isNegative();
    }

    @Test
    void oneJokersPartnersByNameWithTheRoutesShape() throws Exception {
        JsonNode body = JSON.readTree(server.get("/api/v1/synergy?joker=Mime&limit=5&min_runs=1").body());
        assertThat(body.get("joker").asText()).isEqualTo("Mime");
        assertThat(body.get("partners")).extracting(p -> p.get("joker").asText()).containsExactly("baron", "joker");
        assertThat(body.get("partners").get(0).fieldNames()).toIterable()
                .contains("joker", "runs", "lift", "uplift", "lo", "hi", "hands", "hand_score", "hand_lift",
                        "win_rate_without", "mean_ante_without", "hand_score_without");
        // Baron and Mime: 12 of the 36 runs, 9 won; the other 24 runs won 6
        assertThat(body.get("partners").get(0).get("win_rate_without").asDouble()).isEqualTo(0.25);
        // these runs scored no hands, so no pair is judged by score; the metric is passed through all the same
        var byScore = server.get("/api/v1/synergy/pairs?metric=score");
        assertThat(byScore.statusCode()).as(byScore.body()).isEqualTo(200);
        assertThat(JSON.readTree(byScore.body()).get("pairs")).isEmpty();
        assertThat(server.get("/api/v1/synergy/pairs?metric=luck").statusCode()).isEqualTo(400);
        assertThat(server.get("/api/v1/synergy").statusCode()).isEqualTo(400);
        assertThat(server.get("/api/v1/synergy/pairs?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void frequentSetsOfWonRunsWithTheirWinRate() throws Exception {
        JsonNode body = JSON.readTree(server.get("/api/v1/patterns?outcome=won&min_support=0.3").body());
        assertThat(body.get("patterns")).hasSize(1);
        JsonNode top = body.get("patterns").get(0);
        assertThat(top.get("jokers")).extracting(JsonNode::asText).containsExactly("baron", "mime");
        assertThat(top.get("runs").asLong()).isEqualTo(9);
        assertThat(top.get("win_rate").asDouble()).isEqualTo(0.75);
        assertThat(top.get("lift").asDouble()).isGreaterThan(1);
        JsonNode lost = JSON.readTree(server.get("/api/v1/patterns?outcome=lost&min_support=0.3").body());
        assertThat(lost.get("patterns")).extracting(p -> p.get("jokers").toString())
                .containsExactlyInAnyOrder("[\"baron\",\"joker\"]", "[\"joker\",\"mime\"]");
        assertThat(server.get("/api/v1/patterns?outcome=maybe").statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(server.get("/api/v1/patterns?outcome=maybe").body()).get("field").asText()).isEqualTo("outcome");
    }

    @Test
    void powerAndArchetypesFollowThePositiveSynergy() throws Exception {
        JsonNode power = JSON.readTree(server.get("/api/v1/jokers/power?min_runs=5").body()).get("jokers");
        assertThat(power).extracting(j -> j.get("joker").asText()).containsExactlyInAnyOrder("baron", "mime", "joker");
        assertThat(power.get(2).get("joker").asText()).isEqualTo("joker"); // no positive partner: least power
        double total = 0;
        for (JsonNode j : power) {
            total += j.get("power").asDouble();
        }
        assertThat(total).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        JsonNode archetypes = JSON.readTree(server.get("/api/v1/archetypes?min_runs=5").body()).get("archetypes");
        assertThat(archetypes).hasSize(2);
        assertThat(archetypes.get(0).get("jokers")).extracting(JsonNode::asText).containsExactlyInAnyOrder("baron", "mime");
    }

    @Test
    void shopAdviceRanksThePartnerOfWhatIsOwnedFirst() throws Exception {
        JsonNode body = JSON.readTree(server.post("/api/v1/shop/recommend",
                "{\"owned\":[\"Baron\"],\"offers\":[{\"name\":\"Joker\"},\"Mime\"],\"money\":10,\"ante\":3}").body());
        assertThat(body.get("offers")).extracting(o -> o.get("key").asText()).containsExactly("mime", "joker");
        assertThat(body.get("offers").get(0).get("reasons").get(0).asText()).startsWith("with Baron: uplift +");
        assertThat(body.get("ante").asInt()).isEqualTo(3);
        var bad = server.post("/api/v1/shop/recommend", "{\"offers\":[\"Not A Joker\"]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("field").asText()).isEqualTo("offers[0]");
    }

    private static JsonNode cypher(String query) throws Exception {
        return JSON.readTree(server.post("/api/v1/cypher", JSON.writeValueAsString(java.util.Map.of("query", query))).body())
                .get("rows");
    }

    @Test
    void writeModesPutTheResultsIntoTheGraph() throws Exception {
        JsonNode synergy = JSON.readTree(server.post("/api/v1/procedures/synergy.pairs?mode=write", "{\"min_runs\":1}").body());
        assertThat(synergy.get("rows").get(0).get("relationships").asLong()).isEqualTo(3);
        assertThat(cypher("MATCH (:Joker {key: 'baron'})-[s:SYNERGY]-(:Joker {key: 'mime'}) RETURN s.uplift, s.runs")
                .get(0).get(0).asDouble()).isPositive();
        JsonNode power = JSON.readTree(server.post("/api/v1/procedures/joker.power?mode=write", "{\"min_runs\":1}").body());
        assertThat(power.get("rows").get(0).get("jokers").asLong()).isEqualTo(3);
        assertThat(cypher("MATCH (j:Joker {key: 'baron'}) RETURN j.power, j.archetype").get(0).get(0).asDouble()).isPositive();
        JsonNode patterns = JSON.readTree(server.post("/api/v1/procedures/patterns.frequent?mode=write",
                "{\"outcome\":\"won\",\"min_support\":0.3}").body());
        assertThat(patterns.get("rows").get(0).get("patterns").asLong()).isEqualTo(1);
        assertThat(cypher("MATCH (p:Pattern {kind: 'frequent_won'})-[]-(j:Joker) RETURN count(DISTINCT p), count(DISTINCT j)").get(0))
                .extracting(JsonNode::asLong).containsExactly(1L, 2L);
    }

    @Test
    void purchaseOrdersCommonInWonRuns() throws Exception {
        JsonNode rows = JSON.readTree(server.post("/api/v1/procedures/patterns.sequences",
                "{\"outcome\":\"won\",\"min_support\":0.5}").body()).get("rows");
        assertThat(rows).extracting(r -> r.get("moves").toString() + "=" + r.get("runs").asLong())
                .containsExactly("[\"buy baron\"]=12", "[\"buy mime\"]=12", "[\"buy baron\",\"buy mime\",\"reorder\"]=9",
                        "[\"buy baron\",\"buy mime\"]=9", "[\"buy baron\",\"reorder\"]=9", "[\"buy mime\",\"reorder\"]=9",
                        "[\"reorder\"]=9");
    }

    @Test
    void rulesSequencesAndAdviceHaveStatsAndRulesAndSequencesWrite() throws Exception {
        JsonNode rules = JSON.readTree(server.post("/api/v1/procedures/patterns.rules?mode=write",
                "{\"outcome\":\"won\",\"min_support\":0.5,\"min_confidence\":0.5}").body());
        assertThat(rules.get("rows").get(0).get("patterns").asLong()).isEqualTo(2); // baron -> mime and mime -> baron
        assertThat(cypher("MATCH (p:Pattern {kind: 'rule_won'})-[:HAS_JOKER]->(j:Joker) RETURN p.consequent, count(j) ORDER BY p.consequent"))
                .extracting(r -> r.get(0).asText() + "=" + r.get(1).asLong()).containsExactly("baron=2", "mime=2");
        JsonNode ruleStats = JSON.readTree(server.post("/api/v1/procedures/patterns.rules?mode=stats",
                "{\"outcome\":\"won\",\"min_support\":0.5}").body()).get("rows").get(0);
        assertThat(ruleStats.get("finished_runs").asLong()).isEqualTo(36);
        assertThat(ruleStats.get("rules").asLong()).isEqualTo(2);
        JsonNode sequences = JSON.readTree(server.post("/api/v1/procedures/patterns.sequences?mode=write",
                "{\"outcome\":\"won\",\"min_support\":0.5}").body());
        assertThat(sequences.get("rows").get(0).get("patterns").asLong()).isEqualTo(7);
        assertThat(cypher("""
                MATCH (p:Pattern {kind: 'sequence_won'}) WHERE size(p.moves) = 3
                MATCH (p)-[:HAS_JOKER]->(j:Joker) RETURN p.moves, p.runs, collect(j.key) AS jokers""").get(0).toString())
                .contains("reorder", "9").contains("baron").contains("mime");
        JsonNode advice = JSON.readTree(server.post("/api/v1/procedures/synergy.recommend?mode=stats",
                "{\"owned\":[\"Baron\"],\"offers\":[\"Mime\",\"Joker\"],\"money\":4}").body()).get("rows").get(0);
        assertThat(advice.get("offers").asLong()).isEqualTo(2);
        assertThat(advice.get("finished_runs").asLong()).isEqualTo(36);
        assertThat(advice.get("best").asText()).isIn("mime", "joker");
        var refused = server.post("/api/v1/procedures/synergy.recommend?mode=write", "{\"offers\":[\"Mime\"]}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    }
}
