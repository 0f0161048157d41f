package jimbot.api.graph;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import jimbot.api.grpc.Calls;
import jimbot.grpc.Pacer;
import jimbot.api.grpc.ProtoJson;
import jimbot.api.grpc.RpcErrors;
import jimbot.api.freshness.FreshnessFields;
import jimbot.api.freshness.FreshnessSource;
import jimbot.errors.InvalidArgumentException;
import jimbot.errors.NotFoundException;
import jimbot.graph.procedures.Descriptor;
import jimbot.graph.procedures.InvalidParameterException;
import jimbot.graph.procedures.Mode;
import jimbot.graph.procedures.ProcedureRegistry;
import jimbot.graph.projection.ProjectionView;
import jimbot.graph.store.GraphStore;
import jimbot.v1.CallProcedureReply;
import jimbot.v1.CallProcedureRequest;
import jimbot.v1.GraphGrpc;
import jimbot.v1.ListProceduresReply;
import jimbot.v1.ListProceduresRequest;
import jimbot.v1.ProcedureColumn;
import jimbot.v1.ProcedureDescriptor;
import jimbot.v1.ProcedureParameter;
import jimbot.v1.QueryColumns;
import jimbot.v1.QueryRequest;
import jimbot.v1.QueryResult;
import jimbot.v1.QuerySummary;

/** The Graph service: the procedure registry and read-only Cypher, with the same limits as the HTTP analyst routes. */
public final class GraphRpc extends GraphGrpc.GraphImplBase {

    private final GraphStore store;
    private final ProcedureRegistry registry;
    private final ProjectionView projection;
    private final GraphService.Limits limits;
    private final FreshnessSource fresh;

    public GraphRpc(GraphStore store, ProcedureRegistry registry, ProjectionView projection, GraphService.Limits limits,
                    FreshnessSource fresh) {
        this.store = store;
        this.registry = registry;
        this.projection = projection;
        this.limits = limits;
        this.fresh = fresh;
    }

    @Override
    public void listProcedures(ListProceduresRequest request, StreamObserver<ListProceduresReply> out) {
        RpcErrors.unary(out, () -> {
            ListProceduresReply.Builder b = ListProceduresReply.newBuilder();
            registry.descriptors().forEach(d -> b.addProcedures(descriptor(d)));
            return b.build();
        });
    }

    static ProcedureDescriptor descriptor(Descriptor d) {
        ProcedureDescriptor.Builder b = ProcedureDescriptor.newBuilder().setName(d.name()).setVersion(d.version())
                .setDescription(d.description()).setDeterministic(d.deterministic()).setMemoryEstimate(d.memoryEstimate());
        for (Descriptor.Parameter p : d.parameters()) {
            ProcedureParameter.Builder pb = ProcedureParameter.newBuilder().setName(p.name()).setType(p.type().word())
                    .setRequired(p.fallback().isEmpty()).setDescription(p.description());
            p.fallback().ifPresent(f -> pb.setDefaultValue(ProtoJson.toValue(f)));
            p.min().ifPresent(pb::setMin);
            p.max().ifPresent(pb::setMax);
            b.addParameters(pb);
        }
        for (Descriptor.Column c : d.columns()) {
            b.addColumns(ProcedureColumn.newBuilder().setName(c.name()).setType(c.type().word()).setDescription(c.description()));
        }
        d.modes().stream().sorted().forEach(m -> b.addModes(m.name().toLowerCase(Locale.ROOT)));
        return b.build();
    }

    @Override
    public void callProcedure(CallProcedureRequest request, StreamObserver<CallProcedureReply> out) {
        RpcErrors.unary(out, () -> {
            Mode mode = request.getMode().isBlank() ? Mode.STREAM : GraphService.mode(request.getMode());
            jimbot.v1.Freshness f = FreshnessFields.proto(fresh.module(request.getName()));
            List<Map<String, Object>> rows;
            try {
                rows = registry.call(request.getName(), mode, ProtoJson.values(request.getParams()),
                        GraphService.context(store, projection, Calls.budget(limits.timeout())));
            } catch (NoSuchElementException e) {
                throw new NotFoundException(e.getMessage());
            } catch (InvalidParameterException e) {
                throw new InvalidArgumentException(e.parameter().equals("mode") ? "mode" : "params." + e.parameter(),
                        e.expected(), e.getMessage());
            }
            CallProcedureReply.Builder b = CallProcedureReply.newBuilder().setFreshness(f);
            rows.forEach(r -> b.addRows(ProtoJson.struct(r)));
            return b.build();
        });
    }

    /**
     * Reads the rows (capped by max_rows and the engine's limit, within the caller's deadline), then sends them at the
     * pace the client reads.
     */
    @Override
    public void query(QueryRequest request, StreamObserver<QueryResult> observer) {
        ServerCallStreamObserver<QueryResult> out = (ServerCallStreamObserver<QueryResult>) observer;
        GraphStore.Rows rows;
        jimbot.v1.Freshness f = FreshnessFields.proto(fresh.graph());
        try {
            if (request.getQuery().isBlank()) {
                throw new InvalidArgumentException("query", "a Cypher query", "query: expected a non-empty string");
            }
            int max = request.getMaxRows() == 0 ? limits.maxRows()
                    : (int) Math.min(limits.maxRows(), Integer.toUnsignedLong(request.getMaxRows()));
            Duration timeout = Calls.budget(limits.timeout());
            rows = GraphService.read(store, request.getQuery(), ProtoJson.values(request.getParams()), timeout, max);
        } catch (RuntimeException e) {
            out.onError(RpcErrors.status(e));
            return;
        }
        Pacer pacer = new Pacer(out);
        Thread.ofVirtual().name("grpc-query").start(() -> {
            try {
                if (!pacer.ready()) {
                    return;
                }
                out.onNext(QueryResult.newBuilder().setColumns(QueryColumns.newBuilder().addAllNames(rows.columns())).build());
                for (Map<String, Object> row : rows.rows()) {
                    if (!pacer.ready()) {
                        return;
                    }
                    out.onNext(QueryResult.newBuilder().setRow(ProtoJson.struct(row)).build());
                }
                if (!pacer.ready()) {
                    return;
                }
                out.onNext(QueryResult.newBuilder().setSummary(QuerySummary.newBuilder().setRows(rows.rows().size())
                        .setTruncated(rows.truncated()).setFreshness(f)).build());
                out.onCompleted();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                out.onError(RpcErrors.status(e));
            }
        });
    }
}
