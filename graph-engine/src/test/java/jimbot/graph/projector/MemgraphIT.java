package jimbot.graph.projector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jimbot.graph.GraphDump;
import jimbot.graph.SharedGraph;
import jimbot.graph.projection.ChangeFeed;
import jimbot.graph.projection.LiveProjection;
import jimbot.graph.store.BoltGraphStore;
import jimbot.graph.store.CypherFiles;
import jimbot.graph.store.Dialect;
import jimbot.graph.store.GraphSetup;
import jimbot.graph.store.GraphStore;
import jimbot.graph.store.NamedQuery;
import jimbot.v1.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The production graph database: the same events projected into Memgraph and into the embedded database give the same
 * graph, and every named query gives the same answer on both. Skipped where Docker is missing (as on the build machine).
 */
@Testcontainers(disabledWithoutDocker = true)
class MemgraphIT {

    private static final String IMAGE = "memgraph/memgraph:3.5.2";
    private static final HandNamer PAIRS = (played, jokers) -> played.size() == 2
            && played.get(0).getRank().equals(played.get(1).getRank()) ? Optional.of("Pair") : Optional.empty();

    private static GenericContainer<?> memgraph;
    private static BoltGraphStore store;

    @BeforeAll
    @SuppressWarnings("resource")
    static void start() {
        memgraph = new GenericContainer<>(IMAGE).withExposedPorts(7687)
                .withCommand("--telemetry-enabled=false", "--log-level=WARNING")
                .waitingFor(Wait.forListeningPort()).withStartupTimeout(Duration.ofMinutes(2));
        memgraph.start();
        store = BoltGraphStore.connect(URI.create("bolt://" + memgraph.getHost() + ":" + memgraph.getMappedPort(7687)),
                Optional.empty(), Optional.empty(), Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (store != null) {
            store.close();
        }
        if (memgraph != null) {
            memgraph.stop();
        }
    }

    private static List<Event> events() {
        List<Event> events = new ArrayList<>(RunEvents.shortRun("run-0", 0).events());
        events.addAll(RunEvents.shortRun("run-100", 100).events());
        return events;
    }

    private static GraphStore prepared(GraphStore graph) {
        graph.write(List.of(new GraphStore.Statement("MATCH (n) DETACH DELETE n", Map.of())));
        GraphSetup.prepare(graph, SharedGraph.catalog());
        return graph;
    }

    private static void project(GraphStore graph, List<Event> events) {
        new Projector(graph, SharedGraph::find, PAIRS, new ChangeFeed(), new SimpleMeterRegistry()).project(events);
    }

    @Test
    void speaksTheMemgraphDialect() {
        assertThat(store.dialect()).isEqualTo(Dialect.MEMGRAPH);
        prepared(store); // the schema statements are Memgraph's own; applying them twice is harmless
        prepared(store);
    }

    @Test
    void projectsTheSameGraphAsTheEmbeddedDatabase() {
        GraphStore embedded = SharedGraph.fresh();
        project(embedded, events());
        project(prepared(store), events());
        assertThat(GraphDump.of(store)).isEqualTo(GraphDump.of(embedded));
        assertThat(LiveProjection.load(store).runs()).containsExactlyInAnyOrderElementsOf(LiveProjection.load(embedded).runs());
    }

    @Test
    void answersEveryNamedQueryAsTheEmbeddedDatabaseDoes() {
        GraphStore embedded = SharedGraph.fresh();
        project(embedded, events());
        project(prepared(store), events());
        for (NamedQuery q : CypherFiles.queries()) {
            Map<String, Object> params = new LinkedHashMap<>();
            for (NamedQuery.Param p : q.params()) {
                params.put(p.name(), p.fallback().orElse(p.name().equals("run_id") ? "run-0" : 1L));
            }
            List<Map<String, Object>> mine = store.read(q.cypher(), params, Duration.ofSeconds(30), 10_000).rows();
            List<Map<String, Object>> theirs = embedded.read(q.cypher(), params, Duration.ofSeconds(30), 10_000).rows();
            assertThat(mine).as(q.name()).isEqualTo(theirs);
        }
    }

    @Test
    void refusesWritesOnTheReadPath() {
        prepared(store);
        assertThatThrownBy(() -> store.read("CREATE (n:Hacked) RETURN n", Map.of(), Duration.ofSeconds(5), 10))
                .isInstanceOf(RuntimeException.class);
        assertThat(store.read("MATCH (n:Hacked) RETURN count(n) AS n", Map.of(), Duration.ofSeconds(5), 1).rows().get(0))
                .containsEntry("n", 0L);
    }
}
