package jimbot.api.bus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Struct;
import io.grpc.BindableService;
import io.grpc.Drainable;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.KnownLength;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import jimbot.api.grpc.Calls;
import jimbot.api.grpc.ProtoJson;
import jimbot.api.grpc.RpcErrors;
import jimbot.errors.InvalidArgumentException;
import jimbot.ingest.Intake;
import jimbot.ingest.normalize.Arrival;
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

/** The EventBus service: publishing through the same intake as HTTP, and the journal as resumable, shared streams. */
public final class EventBusRpc implements EventBusGrpc.AsyncService, BindableService {

    /**
     * Response header of Subscribe, sent as soon as the call arrives (before any event): the first offset the stream
     * considers, which is {@code from_offset} when given and else the journal's end. A client that subscribed "from
     * now" resumes from it after a disconnect that came before its first event.
     */
    public static final Metadata.Key<String> FROM_OFFSET = Metadata.Key.of("jimbot-from-offset", Metadata.ASCII_STRING_MARSHALLER);
    /** Response header of Subscribe: the journal's end (the next offset it will give) when the call arrived. */
    public static final Metadata.Key<String> JOURNAL_END = Metadata.Key.of("jimbot-journal-end", Metadata.ASCII_STRING_MARSHALLER);

    private final Intake intake;
    private final RecentEvents recent;

    /** @param recent the shared tail of the intake's journal */
    public EventBusRpc(Intake intake, RecentEvents recent) {
        this.intake = intake;
        this.recent = recent;
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

    /**
     * The generated service with Subscribe and GetGameHistory sending {@link Encoded} events: the same bytes on the wire
     * as an {@code Event} message, encoded once per event rather than once per stream (a Struct re-encodes its map on
     * every write, which made encoding the fan-out's largest cost).
     */
    @Override
    public ServerServiceDefinition bindService() {
        ServerServiceDefinition generated = EventBusGrpc.bindService(this);
        MethodDescriptor<SubscribeRequest, Encoded> subscribe = encoded(EventBusGrpc.getSubscribeMethod());
        MethodDescriptor<GameHistoryRequest, Encoded> history = encoded(EventBusGrpc.getGetGameHistoryMethod());
        ServiceDescriptor.Builder service = ServiceDescriptor.newBuilder(EventBusGrpc.SERVICE_NAME)
                .setSchemaDescriptor(generated.getServiceDescriptor().getSchemaDescriptor());
        List<ServerMethodDefinition<?, ?>> kept = new ArrayList<>();
        for (ServerMethodDefinition<?, ?> m : generated.getMethods()) {
            String name = m.getMethodDescriptor().getFullMethodName();
            if (!name.equals(subscribe.getFullMethodName()) && !name.equals(history.getFullMethodName())) {
                kept.add(m);
                service.addMethod(m.getMethodDescriptor());
            }
        }
        service.addMethod(subscribe).addMethod(history);
        ServerServiceDefinition.Builder b = ServerServiceDefinition.builder(service.build());
        kept.forEach(b::addMethod);
        return b.addMethod(subscribe, pinned(ServerCalls.asyncServerStreamingCall(this::subscribeEncoded)))
                .addMethod(history, ServerCalls.asyncServerStreamingCall(this::historyEncoded))
                .build();
    }

    private static <Q> MethodDescriptor<Q, Encoded> encoded(MethodDescriptor<Q, Event> method) {
        return method.toBuilder(method.getRequestMarshaller(), Encoded.MARSHALLER)
                .setSchemaDescriptor(method.getSchemaDescriptor()).build();
    }

    /** An event already encoded as a {@code jimbot.v1.Event} message. */
    record Encoded(byte[] bytes) {
        static final MethodDescriptor.Marshaller<Encoded> MARSHALLER = new MethodDescriptor.Marshaller<>() {
            @Override
            public InputStream stream(Encoded value) {
                return new EncodedStream(value.bytes());
            }

            @Override
            public Encoded parse(InputStream stream) {
                try {
                    return new Encoded(stream.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };

        static Optional<Encoded> of(RecentEvents.Recent r) {
            return Optional.of(new Encoded(r.encoded()));
        }
    }

    /** Lets the transport copy the bytes straight into its buffers. */
    private static final class EncodedStream extends ByteArrayInputStream implements KnownLength, Drainable {
        EncodedStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public int drainTo(OutputStream target) throws IOException {
            int n = count - pos;
            target.write(buf, pos, n);
            pos = count;
            return n;
        }
    }

    /**
     * Subscribe with its start pinned when the call arrives: a request without {@code from_offset} gets the journal's
     * end as it, and both go back at once as response headers ({@link #FROM_OFFSET}, {@link #JOURNAL_END}). A request
     * the stream will refuse (a bad pattern) gets no headers, only its error.
     */
    private ServerCallHandler<SubscribeRequest, Encoded> pinned(ServerCallHandler<SubscribeRequest, Encoded> next) {
        return (call, headers) -> {
            HeadersOnce<SubscribeRequest, Encoded> once = new HeadersOnce<>(call);
            return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(once, headers)) {
                @Override
                public void onMessage(SubscribeRequest request) {
                    super.onMessage(pin(request, once));
                }
            };
        };
    }

    private SubscribeRequest pin(SubscribeRequest request, HeadersOnce<?, ?> call) {
        try {
            pattern(request.getPattern());
        } catch (InvalidArgumentException e) {
            return request; // refused by subscribeEncoded
        }
        long end = recent.journal().end();
        SubscribeRequest pinned = request.hasFromOffset() ? request : request.toBuilder().setFromOffset(end).build();
        Metadata m = new Metadata();
        m.put(FROM_OFFSET, Long.toUnsignedString(pinned.getFromOffset()));
        m.put(JOURNAL_END, Long.toString(end));
        call.sendHeaders(m);
        return pinned;
    }

    /** A call whose first sendHeaders wins: the stub's own (empty) headers before its first message are dropped. */
    private static final class HeadersOnce<Q, R> extends ForwardingServerCall.SimpleForwardingServerCall<Q, R> {
        private final AtomicBoolean sent = new AtomicBoolean();

        HeadersOnce(ServerCall<Q, R> call) {
            super(call);
        }

        @Override
        public void sendHeaders(Metadata headers) {
            if (sent.compareAndSet(false, true)) {
                super.sendHeaders(headers);
            }
        }
    }

    private void subscribeEncoded(SubscribeRequest request, StreamObserver<Encoded> out) {
        TopicPattern pattern;
        try {
            pattern = pattern(request.getPattern());
        } catch (RuntimeException e) {
            out.onError(RpcErrors.status(e));
            return;
        }
        String game = request.getGameId().trim();
        long from = request.hasFromOffset() ? request.getFromOffset() : recent.journal().end();
        Predicate<Event> wanted = pattern.matchesEverything() ? e -> true : e -> pattern.matches(e.getTopic());
        JournalStream.start(recent, (ServerCallStreamObserver<Encoded>) out, wanted, Encoded::of,
                new JournalStream.Range(from, game.isEmpty() ? Optional.empty() : Optional.of(game), Optional.empty(), 0),
                "grpc-subscribe");
    }

    private void historyEncoded(GameHistoryRequest request, StreamObserver<Encoded> out) {
        String game = request.getGameId().trim();
        if (game.isEmpty()) {
            out.onError(RpcErrors.invalid("game_id", "a game id", "game_id: empty"));
            return;
        }
        JournalStream.start(recent, (ServerCallStreamObserver<Encoded>) out, e -> true, Encoded::of,
                new JournalStream.Range(request.getFromOffset(), Optional.of(game), Optional.of(recent.journal().end()),
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
