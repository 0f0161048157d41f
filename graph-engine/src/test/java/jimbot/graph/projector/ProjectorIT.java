package jimbot.graph.projector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jimbot.graph.GraphDump;
import jimbot.graph.SharedGraph;
import jimbot.graph.procedures.Cancellation;
import jimbot.graph.procedures.Mode;
import jimbot.graph.procedures.ProcedureContext;
import jimbot.graph.procedures.ProcedureRegistry;
import jimbot.graph.projection.ChangeFeed;
import jimbot.graph.projection.LiveProjection;
import jimbot.graph.projection.ProjectionView;
import jimbot.graph.stats.GraphStatsModule;
import jimbot.graph.store.BoltGraphStore;
import jimbot.graph.store.CypherFiles;
import jimbot.graph.store.GraphResultSink;
import jimbot.graph.store.GraphStore;
import jimbot.graph.store.NamedQuery;
import jimbot.v1.Event;
import org.junit.jupiter.api.Test;

/** The projector against the embedded database over Bolt: the graph a run makes, idempotence, queries, procedures. */
class ProjectorIT {

    private static final HandNamer PAIRS = (played, jokers) -> played.size() == 2
            && played.get(0).getRank().equals(played.get(1).getRank()) ? Optional.of("Pair") : Optional.empty();

    private static Projector projector(GraphStore store, ChangeFeed feed) {
        return new Projector(store, SharedGraph::find, PAIRS, feed, new SimpleMeterRegistry());
    }

    private static List<Map<String, Object>> rows(GraphStore store, String cypher) {
        return store.read(cypher, Map.of(), Duration.ofSeconds(30), 10_000).rows();
    }

    private static long count(GraphStore store, String cypher) {
        return ((Number) rows(store, cypher).get(0).get("n")).longValue();
    }

    private static List<String> dump(GraphStore store) {
        return GraphDump.of(store);
    }

    @Test
    void projectsARunWithItsRoundsHandsJokersAndOutcome() {
        GraphStore store = SharedGraph.fresh();
        projector(store, new ChangeFeed()).project(RunEvents.shortRun("run-0", 0).events());

        Map<String, Object> run = rows(store, "MATCH (r:Run {id: 'run-0'}) RETURN properties(r) AS p").get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) run.get("p");
        assertThat(p).containsEntry("won", false).containsEntry("final_ante", 2L).containsEntry("dialect", "jimbot");
        assertThat(p.get("ended")).isNotNull();
        assertThat(count(store, "MATCH (:Run {id:'run-0'})-[:PLAYED_ROUND]->(o:Round) RETURN count(o) AS n")).isEqualTo(3);
        assertThat(count(store, "MATCH (:Run {id:'run-0'})-[:REACHED]->(a:Ante) RETURN count(a) AS n")).isEqualTo(2);
        assertThat(count(store, "MATCH (:Round)-[:PLAYED]->(h:Hand) RETURN count(h) AS n")).isEqualTo(3);
        assertThat(rows(store, "MATCH (h:Hand {id: 'run-0:h2'}) RETURN h.type AS t, h.score AS s, h.cards AS c").get(0))
                .containsEntry("t", "Pair").containsEntry("s", 60.0)
                .containsEntry("c", List.of("King of Spades", "King of Hearts"));
        assertThat(count(store, "MATCH (:Hand)-[w:WITH_JOKER]->(:Joker {key:'joker'}) RETURN count(w) AS n")).isEqualTo(1);
        assertThat(rows(store, "MATCH (:Run)-[b:BOUGHT]->(j:Joker) RETURN j.key AS k ORDER BY b.offset"))
                .extracting(r -> r.get("k")).containsExactly("joker", "cavendish");
        assertThat(rows(store, "MATCH (:Run)-[s:SOLD]->(j:Joker) RETURN j.key AS k, s.how AS how").get(0))
                .containsEntry("k", "joker").containsEntry("how", "sold");
        assertThat(rows(store, "MATCH (:Run)-[h:HELD]->(j:Joker {key:'joker'}) RETURN h.from_round AS f, h.to_round AS t").get(0))
                .containsEntry("f", 1L).containsEntry("t", 2L);
        assertThat(rows(store, "MATCH (o:Round {number: 3})-[:FACED]->(b:Blind) RETURN b.name AS n, b.boss AS boss").get(0))
                .containsEntry("n", "The Wall").containsEntry("boss", true);
    }

    @Test
    void projectingAgainOrInOtherBatchesGivesTheSameGraph() {
        List<Event> events = new ArrayList<>(RunEvents.shortRun("run-0", 0).events());
        events.addAll(RunEvents.shortRun("run-100", 100).events());
        GraphStore store = SharedGraph.fresh();
        projector(store, new ChangeFeed()).project(events);
        List<String> once = dump(store);

        projector(store, new ChangeFeed()).project(events); // a replay (at-least-once delivery)
        assertThat(dump(store)).isEqualTo(once);

        store = SharedGraph.fresh(); // a rebuild from offset 0, one event per batch
        Projector oneByOne = projector(store, new ChangeFeed());
        for (Event e : events) {
            oneByOne.project(List.of(e));
        }
        assertThat(dump(store)).isEqualTo(once);
    }

    @Test
    void aRetriedWriteWritesEverythingTheFailedOneWouldHave() {
        List<Event> events = RunEvents.shortRun("run-0", 0).events();
        GraphStore reference = SharedGraph.fresh();
        projector(reference, new ChangeFeed()).project(events);
        List<String> whole = dump(reference);

        GraphStore store = SharedGraph.fresh();
        FailingWrites flaky = new FailingWrites(store);
        Projector p = projector(flaky, new ChangeFeed());
        p.project(events.subList(0, 4));
        flaky.failNext(2); // the database goes away for two tries of the next batch (the journal tail retries it)
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> p.project(events.subList(4, events.size()))).isInstanceOf(RuntimeException.class);
        }
        p.project(events.subList(4, events.size()));
        assertThat(dump(store)).isEqualTo(whole);
    }

    @Test
    void restoresOpenRunsFromTheirHistory() {
        List<Event> events = RunEvents.shortRun("run-7", 0).events();
        GraphStore store = SharedGraph.fresh();
        projector(store, new ChangeFeed()).project(events.subList(0, 8));
        List<String> whole;
        {
            GraphStore reference = SharedGraph.fresh();
            projector(reference, new ChangeFeed()).project(events);
            whole = dump(reference);
        }
        store = SharedGraph.fresh();
        projector(store, new ChangeFeed()).project(events.subList(0, 8));
        Projector restarted = projector(store, new ChangeFeed());
        restarted.restore(8, (run, before) -> events.stream().filter(e -> e.getOffset() < before).toList());
        restarted.project(events.subList(8, events.size()));
        assertThat(dump(store)).isEqualTo(whole);
    }

    @Test
    void feedsTheLiveProjectionTheSameAsLoadingIt() {
        GraphStore store = SharedGraph.fresh();
        ChangeFeed feed = new ChangeFeed();
        LiveProjection live = new LiveProjection();
        feed.listen("live", live::apply);
        projector(store, feed).project(RunEvents.shortRun("run-0", 0).events());
        projector(store, feed).project(RunEvents.shortRun("run-100", 100).events());
        LiveProjection loaded = LiveProjection.load(store);
        assertThat(loaded.runs()).containsExactlyInAnyOrderElementsOf(live.runs());
        assertThat(live.together("joker", "cavendish")).isEqualTo(2);
        ProjectionView.RunView run = live.run("run-0").orElseThrow();
        assertThat(run.finished()).isTrue();
        assertThat(run.finalAnte()).isEqualTo(2);
        assertThat(run.jokers()).containsExactlyInAnyOrder("joker", "cavendish");
        assertThat(live.hands("run-0")).extracting(ProjectionView.HandView::score, ProjectionView.HandView::jokers)
                .containsExactlyInAnyOrder(tuple(60.0, Set.of()), tuple(180.0, Set.of("joker")),
                        tuple(90.0, Set.of("cavendish")));
        for (ProjectionView.RunView r : live.runs()) {
            assertThat(loaded.hands(r.id())).as(r.id()).isEqualTo(live.hands(r.id()));
        }
    }

    @Test
    void explainsEveryCypherFileOnTheEmbeddedDatabase() {
        GraphStore store = SharedGraph.fresh();
        BoltGraphStore bolt = (BoltGraphStore) store;
        List<String> statements = new ArrayList<>();
        for (String file : List.of("runs", "rounds", "blinds", "hands", "held", "bought", "sold", "decisions", "catalog")) {
            statements.add(CypherFiles.statement("projector/" + file + ".cypher"));
        }
        for (String file : List.of("joker_properties", "synergy_clear", "synergy", "patterns_clear", "patterns")) {
            statements.add(CypherFiles.statement("write/" + file + ".cypher"));
        }
        statements.add(CypherFiles.statement("procedures/stats_labels.cypher"));
        statements.add(CypherFiles.statement("procedures/stats_types.cypher"));
        statements.add(CypherFiles.statement("procedures/run_moves.cypher"));
        for (NamedQuery q : CypherFiles.queries()) {
            statements.add(q.cypher());
        }
        for (String s : statements) {
            assertThat(bolt.queryType(s, Map.of())).as(s).isNotNull();
        }
        for (NamedQuery q : CypherFiles.queries()) {
            assertThat(bolt.queryType(q.cypher(), Map.of()).name()).as(q.name()).isEqualTo("READ_ONLY");
        }
    }

    @Test
    void refusesWritesOnTheReadPath() {
        GraphStore store = SharedGraph.fresh();
        assertThatThrownBy(() -> store.read("CREATE (n:Hacked) RETURN n", Map.of(), Duration.ofSeconds(5), 10))
                .isInstanceOf(RuntimeException.class);
        assertThat(count(store, "MATCH (n:Hacked) RETURN count(n) AS n")).isZero();
    }

    @Test
    void capsRowsAndRunsNamedQueries() {
        GraphStore store = SharedGraph.fresh();
        projector(store, new ChangeFeed()).project(RunEvents.shortRun("run-0", 0).events());
        GraphStore.Rows capped = store.read("MATCH (j:Joker) RETURN j.key AS key", Map.of(), Duration.ofSeconds(5), 2);
        assertThat(capped.rows()).hasSize(2);
        assertThat(capped.truncated()).isTrue();
        NamedQuery curve = CypherFiles.queries().stream().filter(q -> q.name().equals("money_curve_of_run")).findFirst().orElseThrow();
        List<Map<String, Object>> rows = store.read(curve.cypher(), Map.of("run_id", "run-0"), Duration.ofSeconds(5), 100).rows();
        assertThat(rows).extracting(r -> r.get("round")).containsExactly(1L, 2L, 3L);
        assertThat(rows.get(0)).containsEntry("money", 8.0);
    }

    @Test
    void callsGraphStatsThroughTheRegistry() {
        GraphStore store = SharedGraph.fresh();
        projector(store, new ChangeFeed()).project(RunEvents.shortRun("run-0", 0).events());
        ProcedureRegistry registry = ProcedureRegistry.of(List.of(new GraphStatsModule()));
        ProcedureContext ctx = new ProcedureContext() {
            @Override
            public ProjectionView projection() {
                return new LiveProjection();
            }

            @Override
            public GraphReads graph() {
                return (cypher, params) -> store.read(cypher, params, Duration.ofSeconds(10), 10_000).rows();
            }

            @Override
            public ResultSink sink() {
                return new GraphResultSink(store);
            }

            @Override
            public Cancellation cancellation() {
                return Cancellation.NEVER;
            }
        };
        List<Map<String, Object>> stream = registry.call("graph.stats", Mode.STREAM, Map.of(), ctx);
        assertThat(stream).anySatisfy(r -> assertThat(r).containsEntry("kind", "label").containsEntry("name", "Run")
                .containsEntry("count", 1L));
        assertThat(stream).anySatisfy(r -> assertThat(r).containsEntry("kind", "relationship").containsEntry("name", "HELD"));
        assertThat(registry.call("graph.stats", Mode.STATS, Map.of(), ctx).get(0)).containsKey("relationships");
        assertThatThrownBy(() -> registry.call("graph.stats", Mode.STREAM, Map.of("bogus", 1L), ctx))
                .hasMessageContaining("bogus");
        assertThatThrownBy(() -> registry.call("graph.stats", Mode.WRITE, Map.of(), ctx)).hasMessageContaining("write");
    }

    /** The real store, with the next n writes failing as a database that went away does. */
    private static final class FailingWrites implements GraphStore {
        private final GraphStore real;
        private int failing;

        FailingWrites(GraphStore real) {
            this.real = real;
        }

        void failNext(int n) {
            failing = n;
        }

        @Override
        public jimbot.graph.store.Dialect dialect() {
            return real.dialect();
        }

        @Override
        public String agent() {
            return real.agent();
        }

        @Override
        public void schema(String statement) {
            real.schema(statement);
        }

        @Override
        public void write(List<Statement> statements) {
            if (failing > 0) {
                failing--;
                throw new IllegalStateException("graph database unavailable (injected)");
            }
            real.write(statements);
        }

        @Override
        public Rows read(String query, Map<String, Object> params, Duration timeout, int maxRows) {
            return real.read(query, params, timeout, maxRows);
        }

        @Override
        public void close() {
        }
    }
}
