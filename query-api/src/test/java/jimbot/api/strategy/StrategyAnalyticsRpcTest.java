package jimbot.api.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.BadRequest;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import jimbot.api.graph.GraphService;
import jimbot.api.grpc.GrpcServer;
import jimbot.graph.SharedGraph;
import jimbot.graph.procedures.ProcedureRegistry;
import jimbot.graph.projection.ChangeFeed;
import jimbot.graph.projection.LiveProjection;
import jimbot.graph.store.GraphStore;
import jimbot.ingest.http.IntakeServer;
import jimbot.v1.GamePattern;
import jimbot.v1.JokerSynergy;
import jimbot.v1.PatternsRequest;
import jimbot.v1.StrategyGrpc;
import jimbot.v1.SynergiesRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GetSynergies and GetPatterns over real gRPC, answered by the real modules over a graph that favours one pair. */
class StrategyAnalyticsRpcTest {

    @TempDir
    static Path dir;
    private static IntakeServer http;
    private static GrpcServer grpc;
    private static ManagedChannel channel;
    private static StrategyGrpc.StrategyBlockingStub strategy;

    @BeforeAll
    static void start() {
        GraphStore store = SharedGraph.fresh();
        // 12 runs with Baron and Mime (9 won, ante 8), 12 with Baron and Joker (3 won, ante 3), 12 with Mime and Joker
        store.write(List.of(new GraphStore.Statement("""
                UNWIND range(0, 35) AS i
                WITH i, CASE i / 12 WHEN 0 THEN ['baron', 'mime'] WHEN 1 THEN ['baron', 'joker'] ELSE ['mime', 'joker'] END AS held
                CREATE (r:Run {id: 'run-' + i, started: i, ended: i + 1, won: i % 12 < CASE i / 12 WHEN 0 THEN 9 ELSE 3 END,
                               final_ante: CASE i / 12 WHEN 0 THEN 8 ELSE 3 END})
                WITH r, held
                UNWIND held AS key
                MERGE (j:Joker {key: key})
                CREATE (r)-[:HELD]->(j)""", Map.of())));
        ProcedureRegistry registry = ProcedureRegistry.load(StrategyAnalyticsRpcTest.class.getClassLoader(), new ChangeFeed());
        LiveProjection projection = LiveProjection.load(store);
        http = IntakeServer.start(dir);
        grpc = GrpcServer.start(new GrpcServer.Settings("127.0.0.1", 0, Optional.empty(), Duration.ofSeconds(1)),
                List.of(new StrategyRpc(http.journal(), Optional.of((name, params, budget) ->
                        GraphService.stream(store, registry, projection, budget, name, params)),
                        jimbot.api.freshness.FreshnessSource.NONE)));
        channel = Grpc.newChannelBuilderForAddress("127.0.0.1", grpc.port(), InsecureChannelCredentials.create()).build();
        strategy = StrategyGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        grpc.close();
        http.close();
    }

    @Test
    void synergiesCarryTheirIntervalAndHonourTheMetric() {
        List<JokerSynergy> won = strategy.getSynergies(SynergiesRequest.newBuilder().setTop(5).build()).getSynergiesList();
        assertThat(won).hasSize(3);
        JokerSynergy first = won.get(0);
        assertThat(first.getJoker() + "+" + first.getPartner()).isEqualTo("baron+mime");
        assertThat(first.getRuns()).isEqualTo(12);
        assertThat(first.getWins()).isEqualTo(9);
        assertThat(first.getScore()).isPositive();
        assertThat(first.getLo()).isLessThan(first.getScore()).isLessThan(first.getHi());
        assertThat(first.getLift()).isGreaterThan(1);
        // by ante the same pair leads, in antes: its uplift is far above a win-rate uplift's scale
        JokerSynergy byAnte = strategy.getSynergies(SynergiesRequest.newBuilder().setTop(5).setMetric("ante").build())
                .getSynergies(0);
        assertThat(byAnte.getJoker() + "+" + byAnte.getPartner()).isEqualTo("baron+mime");
        assertThat(byAnte.getScore()).isGreaterThan(1);
        assertThat(strategy.getSynergies(SynergiesRequest.newBuilder().setMinRuns(13).build()).getSynergiesList()).isEmpty();
    }

    @Test
    void aMetricTheModuleRefusesIsNamedAsTheField() throws Exception {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
                () -> strategy.getSynergies(SynergiesRequest.newBuilder().setMetric("luck").build()));
        assertThat(e.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.INVALID_ARGUMENT);
        assertThat(StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class).getFieldViolations(0).getField())
                .isEqualTo("metric");
        StatusRuntimeException size = catchThrowableOfType(StatusRuntimeException.class,
                () -> strategy.getPatterns(PatternsRequest.newBuilder().setMaxSize(9).build()));
        assertThat(StatusProto.fromThrowable(size).getDetails(0).unpack(BadRequest.class).getFieldViolations(0).getField())
                .isEqualTo("max_size");
        StatusRuntimeException nan = catchThrowableOfType(StatusRuntimeException.class,
                () -> strategy.getPatterns(PatternsRequest.newBuilder().setMinSupport(Double.NaN).build()));
        assertThat(StatusProto.fromThrowable(nan).getDetails(0).unpack(BadRequest.class).getFieldViolations(0).getField())
                .isEqualTo("min_support");
    }

    @Test
    void patternsOfTheOutcomeAskedWithLiftAndShare() {
        List<GamePattern> won = strategy.getPatterns(PatternsRequest.newBuilder().setMinSupport(0.5).build()).getPatternsList();
        assertThat(won).hasSize(1);
        assertThat(won.get(0).getItemsList()).containsExactly("baron", "mime");
        assertThat(won.get(0).getSupport()).isEqualTo(9);
        assertThat(won.get(0).getShare()).isEqualTo(9 / 15.0);
        assertThat(won.get(0).getLift()).isGreaterThan(1);
        List<GamePattern> lost = strategy.getPatterns(PatternsRequest.newBuilder().setOutcome("lost").setMinSupport(0.4).build())
                .getPatternsList();
        assertThat(lost).extracting(p -> String.join("+", p.getItemsList())).containsExactlyInAnyOrder("baron+joker", "joker+mime");
        assertThat(lost).allSatisfy(p -> assertThat(p.getLift()).isLessThan(1));
    }
}
