package jimbot.api.bus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Struct;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.Optional;
import java.util.function.Predicate;
import jimbot.api.grpc.Calls;
import jimbot.api.grpc.ProtoJson;
import jimbot.api.grpc.RpcErrors;
import jimbot.errors.InvalidArgumentException;
import jimbot.ingest.Intake;
import jimbot.ingest.normalize.Arrival;
import jimbot.journal.Journal;
import jimbot.routing.TopicPattern;
import jimbot.v1.Dialect;
import jimbot.v1.Event;
import jimbot.v1.EventBusGrpc;
import jimbot.v1.GameHistoryRequest;
import jimbot.v1.PublishBatchReply;
import jimbot.v1.PublishBatchRequest;
import jimbot.v1.PublishReply;
import jimbot.v1.PublishRequest;
import jimbot.v1.RejectedEvent;
import jimbot.v1.SubscribeRequest;

/** The EventBus service: publishing through the same intake as HTTP, and the journal as resumable streams. */
public final class EventBusRpc extends EventBusGrpc.EventBusImplBase {

    private final Intake intake;
    private final Journal journal;

    public EventBusRpc(Intake intake) {
        this.intake = intake;
        this.journal = intake.journal();
    }

    @Override
    public void publish(PublishRequest request, StreamObserver<PublishReply> out) {
        RpcErrors.unary(out, () -> {
            Intake.EventReceipt r = switch (request.getMessageCase()) {
                case EVENT -> intake.acceptJimbotEvent(ProtoJson.json(request.getEvent()),
                        arrival(Dialect.DIALECT_JIMBOT, request.getInstance(), ""));
                case STANDALONE -> intake.acceptStandalone(ProtoJson.json(request.getStandalone()),
                        arrival(Dialect.DIALECT_STANDALONE, request.getInstance(), ""));
                case MESSAGE_NOT_SET -> throw new InvalidArgumentException("message",
                        "event (a JimBot event) or standalone (a standalone message)", "message: neither event nor standalone is set");
            };
            return PublishReply.newBuilder().setEventId(r.eventId()).setOffset(r.offset()).setDuplicate(r.duplicate())
                    .setGameId(r.gameId()).setTopic(r.topic()).build();
        });
    }

    @Override
    public void publishBatch(PublishBatchRequest request, StreamObserver<PublishBatchReply> out) {
        RpcErrors.unary(out, () -> {
            ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            body.put("batch_id", request.getBatchId());
            ArrayNode events = body.putArray("events");
            for (Struct s : request.getEventsList()) {
                events.add(ProtoJson.json(s));
            }
            Intake.BatchReceipt r = intake.acceptJimbotBatch(body,
                    arrival(Dialect.DIALECT_JIMBOT, request.getInstance(), request.getBatchId()));
            PublishBatchReply.Builder b = PublishBatchReply.newBuilder().setAccepted(r.accepted()).setDuplicates(r.duplicates());
            for (Intake.RejectedEvent e : r.rejected()) {
                b.addRejected(RejectedEvent.newBuilder().setIndex(e.index()).setField(e.field()).setError(e.error()));
            }
            return b.build();
        });
    }

    private Arrival arrival(Dialect dialect, String instance, String batchId) {
        return new Arrival(dialect, Intake.clientKey(dialect, Calls.peerHost(), instance), intake.nowMs(), batchId);
    }

    @Override
    public void subscribe(SubscribeRequest request, StreamObserver<Event> out) {
        TopicPattern pattern;
        try {
            pattern = pattern(request.getPattern());
        } catch (RuntimeException e) {
            out.onError(RpcErrors.status(e));
            return;
        }
        String game = request.getGameId().trim();
        long from = request.hasFromOffset() ? request.getFromOffset() : journal.end();
        JournalStream.Source source = game.isEmpty() ? journal::read : (f, n) -> journal.readGame(game, f, n);
        Predicate<Event> wanted = pattern.matchesEverything() ? e -> true : e -> pattern.matches(e.getTopic());
        JournalStream.start(journal, (ServerCallStreamObserver<Event>) out, source, wanted, Optional::of,
                new JournalStream.Range(from, Optional.empty(), 0), "grpc-subscribe");
    }

    @Override
    public void getGameHistory(GameHistoryRequest request, StreamObserver<Event> out) {
        String game = request.getGameId().trim();
        if (game.isEmpty()) {
            out.onError(RpcErrors.invalid("game_id", "a game id", "game_id: empty"));
            return;
        }
        JournalStream.start(journal, (ServerCallStreamObserver<Event>) out, (f, n) -> journal.readGame(game, f, n),
                e -> true, Optional::of, new JournalStream.Range(request.getFromOffset(), Optional.of(journal.end()),
                        Integer.toUnsignedLong(request.getLimit())), "grpc-history");
    }

    static TopicPattern pattern(String text) {
        if (text.isBlank()) {
            return TopicPattern.ALL;
        }
        try {
            return TopicPattern.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("pattern", "a topic pattern such as game.> or game.*.update", e.getMessage());
        }
    }
}
