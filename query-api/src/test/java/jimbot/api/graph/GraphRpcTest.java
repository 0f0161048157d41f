package jimbot.api.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.rpc.BadRequest;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import jimbot.api.grpc.GrpcServer;
import jimbot.graph.procedures.ProcedureRegistry;
import jimbot.graph.projection.ChangeFeed;
import jimbot.graph.projection.LiveProjection;
import jimbot.graph.store.GraphStore;
import jimbot.graph.SharedGraph;
import jimbot.v1.CallProcedureReply;
import jimbot.v1.CallProcedureRequest;
import jimbot.v1.GraphGrpc;
import jimbot.v1.ListProceduresRequest;
import jimbot.v1.ProcedureDescriptor;
import jimbot.v1.QueryRequest;
import jimbot.v1.QueryResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Graph service over real gRPC against the embedded database: procedures and streamed read-only Cypher. */
class GraphRpcTest {

    private static GrpcServer grpc;
    private static ManagedChannel channel;
    private static GraphGrpc.GraphBlockingStub graph;

    @BeforeAll
    static void start() {
        GraphStore store = SharedGraph.fresh();
        store.write(List.of(new GraphStore.Statement("""
                UNWIND range(1, 30) AS i
                CREATE (:Run {id: 'run-' + i, started: i, won: i % 3 = 0, final_ante: i % 9})""", Map.of())));
        ProcedureRegistry registry = ProcedureRegistry.load(GraphRpcTest.class.getClassLoader(), new ChangeFeed());
        grpc = GrpcServer.start(new GrpcServer.Settings("127.0.0.1", 0, Optional.empty(), Duration.ofSeconds(1)),
                List.of(new GraphRpc(store, registry, LiveProjection.load(store),
                        new GraphService.Limits(Duration.ofSeconds(10), 25, 1 << 16), jimbot.api.freshness.FreshnessSource.NONE)));
        channel = Grpc.newChannelBuilderForAddress("127.0.0.1", grpc.port(), InsecureChannelCredentials.create()).build();
        graph = GraphGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        grpc.close();
    }

    private static Value text(String s) {
        return Value.newBuilder().setStringValue(s).build();
    }

    private static List<QueryResult> query(QueryRequest request) {
        List<QueryResult> out = new ArrayList<>();
        graph.query(request).forEachRemaining(out::add);
        return out;
    }

    @Test
    void listsFullDescriptors() {
        List<ProcedureDescriptor> all = graph.listProcedures(ListProceduresRequest.getDefaultInstance()).getProceduresList();
        assertThat(all).extracting(ProcedureDescriptor::getName).contains("scoring.evaluate", "ordering.optimize", "play.best",
                "graph.stats");
        ProcedureDescriptor evaluate = all.stream().filter(d -> d.getName().equals("scoring.evaluate")).findFirst().orElseThrow();
        assertThat(evaluate.getParametersList()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("played");
            assertThat(p.getRequired()).isTrue();
        });
        assertThat(evaluate.getParametersList()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("hands_left");
            assertThat(p.getDefaultValue().getNumberValue()).isEqualTo(4);
            assertThat(p.getMax()).isEqualTo(1000);
        });
        assertThat(evaluate.getColumnsList()).isNotEmpty();
        assertThat(evaluate.getModesList()).contains("stream");
    }

    @Test
    void callsAProcedureWithStructParameters() throws Exception {
        Struct.Builder params = Struct.newBuilder();
        com.google.protobuf.util.JsonFormat.parser().merge("""
                {"played":[{"rank":"King","suit":"Spades"},{"rank":"King","suit":"Hearts"}],
                 "jokers":[{"name":"Joker"},{"name":"Cavendish"}]}""", params);
        CallProcedureReply r = graph.callProcedure(CallProcedureRequest.newBuilder().setName("scoring.evaluate")
                .setParams(params).build());
        assertThat(r.getRows(0).getFieldsOrThrow("hand").getStringValue()).isEqualTo("Pair");
        assertThat(r.getRows(0).getFieldsOrThrow("score").getNumberValue()).isEqualTo(540);

        StatusRuntimeException missing = catchStatus(() -> graph.callProcedure(CallProcedureRequest.newBuilder()
                .setName("scoring.evaluate").build()));
        assertThat(missing.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(StatusProto.fromThrowable(missing).getDetails(0).unpack(BadRequest.class).getFieldViolations(0).getField())
                .isEqualTo("params.played");
        assertThat(catchStatus(() -> graph.callProcedure(CallProcedureRequest.newBuilder().setName("no.such").build()))
                .getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void streamsReadOnlyCypherWithColumnsRowsAndASummary() {
        List<QueryResult> won = query(QueryRequest.newBuilder()
                .setQuery("MATCH (r:Run) WHERE r.won = $won RETURN count(r) AS n")
                .setParams(Struct.newBuilder().putFields("won", Value.newBuilder().setBoolValue(true).build())).build());
        assertThat(won.get(0).getColumns().getNamesList()).containsExactly("n");
        assertThat(won.get(1).getRow().getFieldsOrThrow("n").getNumberValue()).isEqualTo(10);
        assertThat(won.get(2).getSummary().getRows()).isEqualTo(1);

        List<QueryResult> capped = query(QueryRequest.newBuilder().setQuery("MATCH (r:Run) RETURN r.id AS id").build());
        assertThat(capped).hasSize(1 + 25 + 1);
        assertThat(capped.get(26).getSummary().getTruncated()).isTrue();
        List<QueryResult> asked = query(QueryRequest.newBuilder().setQuery("MATCH (r:Run) WHERE r.id = $id RETURN r.started AS s")
                .setParams(Struct.newBuilder().putFields("id", text("run-7"))).setMaxRows(5).build());
        assertThat(asked.get(1).getRow().getFieldsOrThrow("s").getNumberValue()).isEqualTo(7);
    }

    @Test
    void refusesWritesAndNamesTheQuery() throws Exception {
        StatusRuntimeException write = catchStatus(() -> query(QueryRequest.newBuilder().setQuery("CREATE (:Run {id: 'x'})").build()));
        assertThat(write.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(StatusProto.fromThrowable(write).getDetails(0).unpack(BadRequest.class).getFieldViolations(0).getField())
                .isEqualTo("query");
        assertThat(query(QueryRequest.newBuilder().setQuery("MATCH (r:Run {id: 'x'}) RETURN r").build())).hasSize(2);
    }

    private static StatusRuntimeException catchStatus(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e;
        }
        throw new AssertionError("the call succeeded");
    }
}
