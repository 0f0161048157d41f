package jimbot.api.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.BadRequest;
import io.grpc.CallCredentials;
import io.grpc.Context;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.MetadataUtils;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import jimbot.api.grpc.GrpcServer;
import jimbot.api.strategy.StrategyRpc;
import jimbot.ingest.http.IntakeServer;
import jimbot.v1.CommandRecord;
import jimbot.v1.CommandUpdate;
import jimbot.v1.CommandsGrpc;
import jimbot.v1.Event;
import jimbot.v1.EventBusGrpc;
import jimbot.v1.GameHistoryRequest;
import jimbot.v1.PublishBatchReply;
import jimbot.v1.PublishBatchRequest;
import jimbot.v1.PublishReply;
import jimbot.v1.PublishRequest;
import jimbot.v1.SubmitCommandReply;
import jimbot.v1.SubmitCommandRequest;
import jimbot.v1.SubscribeRequest;
import jimbot.v1.WatchCommandsRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event bus and commands over real gRPC on loopback, against a real journal and the real HTTP intake. */
class EventBusRpcTest {

    @TempDir
    Path dir;
    private IntakeServer http;
    private RecentEvents recent;
    private GrpcServer grpc;
    private ManagedChannel channel;
    private EventBusGrpc.EventBusBlockingStub bus;

    @BeforeEach
    void start() {
        http = IntakeServer.start(dir);
        recent = RecentEvents.follow(http.journal());
        grpc = GrpcServer.start(new GrpcServer.Settings("127.0.0.1", 0, Optional.empty(), Duration.ofSeconds(1)),
                List.of(new EventBusRpc(http.intake(), recent), new CommandsRpc(http.intake(), recent),
                        new StrategyRpc(http.journal())));
        channel = Grpc.newChannelBuilderForAddress("127.0.0.1", grpc.port(), InsecureChannelCredentials.create()).build();
        bus = EventBusGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        grpc.close();
        recent.close();
        http.close();
    }

    static Struct struct(String json) {
        Struct.Builder b = Struct.newBuilder();
        try {
            JsonFormat.parser().merge(json, b);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(e);
        }
        return b.build();
    }

    static String money(int i) {
        return """
                {"type":"MONEY_CHANGED","source":"BalatroMCP","event_id":"m-%d","timestamp":183245.731,"version":1,
                 "payload":{"old_value":%d,"new_value":%d,"difference":1}}""".formatted(i, i, i + 1);
    }

    static String state(String id) {
        return """
                {"type":"GAME_STATE","source":"BalatroMCP","event_id":"%s","timestamp":1.5,"version":1,
                 "payload":{"in_game":true,"game_id":"unknown","ante":1,"round":1,"game_state":"PLAYING","money":4,
                  "hands_remaining":4,"discards_remaining":3,
                  "jokers":[{"id":"j1","name":"Cavendish","position":0},{"id":"j2","name":"Joker","position":1}],
                  "hand":[{"rank":"King","suit":"Spades"},{"rank":"King","suit":"Hearts"},{"rank":"7","suit":"Clubs"}]}}"""
                .formatted(id);
    }

    private void post(int from, int to) throws Exception {
        StringBuilder events = new StringBuilder();
        for (int i = from; i < to; i++) {
            events.append(i == from ? "" : ",").append(money(i));
        }
        assertThat(http.post("/api/v1/events/batch", "{\"batch_id\":\"b" + from + "\",\"events\":[" + events + "]}")
                .statusCode()).isEqualTo(200);
    }

    private static BadRequest.FieldViolation violation(StatusRuntimeException e) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        assertThat(status).isNotNull();
        try {
            return status.getDetails(0).unpack(BadRequest.class).getFieldViolations(0);
        } catch (InvalidProtocolBufferException ex) {
            throw new AssertionError(ex);
        }
    }

    @Test
    void publishIsDurableBeforeTheReplyAndAResendIsStoredOnce() {
        PublishReply first = bus.publish(PublishRequest.newBuilder().setEvent(struct(money(1))).build());
        assertThat(first.getDuplicate()).isFalse();
        assertThat(first.getTopic()).isEqualTo("game.money.changed");
        assertThat(http.journal().read(first.getOffset(), 1)).singleElement()
                .satisfies(e -> assertThat(e.getEventId()).isEqualTo("m-1"));
        PublishReply again = bus.publish(PublishRequest.newBuilder().setEvent(struct(money(1))).build());
        assertThat(again.getDuplicate()).isTrue();
        assertThat(again.getOffset()).isEqualTo(first.getOffset());
        assertThat(http.journal().end()).isEqualTo(first.getOffset() + 1);
    }

    @Test
    void aBatchKeepsItsGoodEventsAndNamesTheBadOne() {
        PublishBatchReply r = bus.publishBatch(PublishBatchRequest.newBuilder().setBatchId("b1")
                .addEvents(struct(money(1))).addEvents(struct("{\"payload\":{}}")).addEvents(struct(money(2))).build());
        assertThat(r.getAccepted()).isEqualTo(2);
        assertThat(r.getRejectedList()).singleElement().satisfies(x -> {
            assertThat(x.getIndex()).isEqualTo(1);
            assertThat(x.getField()).startsWith("events[1]");
        });
    }

    @Test
    void clientMistakesAreInvalidArgumentNamingTheField() {
        StatusRuntimeException noMessage = catchStatus(() -> bus.publish(PublishRequest.getDefaultInstance()));
        assertThat(noMessage.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violation(noMessage).getField()).isEqualTo("message");

        StatusRuntimeException badPattern = catchStatus(() -> bus.subscribe(SubscribeRequest.newBuilder()
                .setPattern("game..>").setFromOffset(0).build()).hasNext());
        assertThat(badPattern.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violation(badPattern).getField()).isEqualTo("pattern");

        StatusRuntimeException notAnEvent = catchStatus(() -> bus.publish(PublishRequest.newBuilder()
                .setEvent(struct("{\"payload\":{}}")).build()));
        assertThat(notAnEvent.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violation(notAnEvent).getField()).isEqualTo("type");
        assertThat(violation(notAnEvent).getDescription()).contains("expected");
    }

    private static StatusRuntimeException catchStatus(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e;
        }
        throw new AssertionError("the call succeeded");
    }

    @Test
    void aSubscriberResumesAfterADisconnectWithoutLossOrDuplicates() throws Exception {
        post(0, 100);
        List<Long> seen = new ArrayList<>();
        Context.CancellableContext first = Context.current().withCancellation();
        first.run(() -> {
            Iterator<Event> it = bus.subscribe(SubscribeRequest.newBuilder().setPattern("game.money.>").setFromOffset(0).build());
            for (int i = 0; i < 40; i++) {
                seen.add(it.next().getOffset());
            }
        });
        first.cancel(null);
        post(100, 250);
        Iterator<Event> resumed = bus.withDeadlineAfter(10, TimeUnit.SECONDS).subscribe(SubscribeRequest.newBuilder()
                .setPattern("game.money.>").setFromOffset(seen.get(seen.size() - 1) + 1).build());
        while (seen.size() < 250) {
            seen.add(resumed.next().getOffset());
        }
        List<Long> expected = http.journal().read(0, 1000).stream().map(Event::getOffset).toList();
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void aLiveSubscriberGetsEventsPostedOverHttpForItsGameOnly() throws Exception {
        BlockingQueue<Event> got = new LinkedBlockingQueue<>();
        CountDownLatch subscribed = new CountDownLatch(1);
        EventBusGrpc.newStub(channel).subscribe(SubscribeRequest.newBuilder().setGameId("run-0").build(),
                new ClientResponseObserver<SubscribeRequest, Event>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<SubscribeRequest> call) {
                        subscribed.countDown();
                    }

                    @Override
                    public void onNext(Event e) {
                        got.add(e);
                    }

                    @Override
                    public void onError(Throwable t) {
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        subscribed.await();
        Thread.sleep(300); // the subscription starts at the journal's end when the call arrives
        http.post("/api/v1/events/batch", "{\"events\":[" + state("s1") + "]}");
        try (var in = EventBusRpcTest.class.getResourceAsStream("/contracts/examples/standalone-state.json")) {
            assertThat(http.post("/game-data", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .statusCode()).isEqualTo(200); // another game
        }
        http.post("/api/v1/events", money(1));
        Event e = got.poll(10, TimeUnit.SECONDS);
        assertThat(e).isNotNull();
        assertThat(e.getEventId()).isEqualTo("s1");
        assertThat(e.getGameState().getHandCount()).isEqualTo(3);
        Event next = got.poll(10, TimeUnit.SECONDS);
        assertThat(next).isNotNull();
        assertThat(next.getEventId()).isEqualTo("m-1");
        assertThat(next.getOffset()).isEqualTo(2);
        assertThat(got.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    /** Subscribes with the stub's async API, capturing the response headers; the queue gets events, then null. */
    private ClientCallStreamObserver<?> subscribe(SubscribeRequest request, AtomicReference<Metadata> headers,
                                                  BlockingQueue<Optional<Event>> got) {
        ClientCallStreamObserver<?>[] call = new ClientCallStreamObserver<?>[1];
        EventBusGrpc.newStub(channel).withInterceptors(MetadataUtils.newCaptureMetadataInterceptor(headers, new AtomicReference<>()))
                .subscribe(request, new ClientResponseObserver<SubscribeRequest, Event>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<SubscribeRequest> c) {
                        call[0] = c;
                    }

                    @Override
                    public void onNext(Event e) {
                        got.add(Optional.of(e));
                    }

                    @Override
                    public void onError(Throwable t) {
                        got.add(Optional.empty());
                    }

                    @Override
                    public void onCompleted() {
                        got.add(Optional.empty());
                    }
                });
        return call[0];
    }

    private static Metadata await(AtomicReference<Metadata> headers) throws InterruptedException {
        for (int i = 0; i < 200 && headers.get() == null; i++) {
            Thread.sleep(50);
        }
        assertThat(headers.get()).as("response headers").isNotNull();
        return headers.get();
    }

    @Test
    void aSubscriptionFromNowSaysAtOnceWhereItStartsSoAReconnectResumesThereAndLosesNothing() throws Exception {
        post(0, 5);
        AtomicReference<Metadata> headers = new AtomicReference<>();
        BlockingQueue<Optional<Event>> got = new LinkedBlockingQueue<>();
        ClientCallStreamObserver<?> first = subscribe(SubscribeRequest.newBuilder().setPattern("game.money.>").build(), headers, got);
        Metadata h = await(headers); // before any event: nothing has been posted since
        assertThat(h.get(EventBusRpc.FROM_OFFSET)).isEqualTo("5");
        assertThat(h.get(EventBusRpc.JOURNAL_END)).isEqualTo("5");
        assertThat(got).isEmpty();
        first.cancel("the connection drops before the first event", null);
        post(5, 8); // while the client reconnects

        AtomicReference<Metadata> again = new AtomicReference<>();
        BlockingQueue<Optional<Event>> resumed = new LinkedBlockingQueue<>();
        ClientCallStreamObserver<?> second = subscribe(SubscribeRequest.newBuilder().setPattern("game.money.>")
                .setFromOffset(Long.parseLong(h.get(EventBusRpc.FROM_OFFSET))).build(), again, resumed);
        assertThat(await(again).get(EventBusRpc.FROM_OFFSET)).isEqualTo("5");
        assertThat(again.get().get(EventBusRpc.JOURNAL_END)).isEqualTo("8");
        List<Long> offsets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Optional<Event> e = resumed.poll(10, TimeUnit.SECONDS);
            assertThat(e).as("event %d", i).isNotNull().isPresent();
            offsets.add(e.get().getOffset());
        }
        assertThat(offsets).containsExactly(5L, 6L, 7L);
        second.cancel("done", null);
    }

    @Test
    void aRefusedSubscriptionSendsNoStartHeaders() throws Exception {
        AtomicReference<Metadata> headers = new AtomicReference<>();
        BlockingQueue<Optional<Event>> got = new LinkedBlockingQueue<>();
        subscribe(SubscribeRequest.newBuilder().setPattern("game..>").build(), headers, got);
        assertThat(got.poll(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(headers.get() == null || headers.get().get(EventBusRpc.FROM_OFFSET) == null).isTrue();
    }

    @Test
    void aSlowSubscriberIsFedAtItsOwnPaceAndMissesNothing() throws Exception {
        List<Long> got = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        ClientCallStreamObserver<?>[] call = new ClientCallStreamObserver<?>[1];
        post(0, 200);
        EventBusGrpc.newStub(channel).subscribe(SubscribeRequest.newBuilder().setFromOffset(0).build(),
                new ClientResponseObserver<SubscribeRequest, Event>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<SubscribeRequest> c) {
                        call[0] = c;
                        c.disableAutoRequestWithInitial(1);
                    }

                    @Override
                    public void onNext(Event e) {
                        got.add(e.getOffset());
                        if (got.size() == 3000) {
                            done.countDown();
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        for (int i = 200; i < 3000; i += 200) {
            post(i, i + 200);
        }
        Thread.sleep(200);
        assertThat(got).hasSize(1);
        call[0].request(Integer.MAX_VALUE);
        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(got).containsExactlyElementsOf(java.util.stream.LongStream.range(0, 3000).boxed().toList());
        call[0].cancel("done", null);
    }

    @Test
    void gameHistoryStreamsTheGameAndEnds() throws Exception {
        http.post("/api/v1/events/batch", "{\"events\":[" + state("s1") + "," + money(1) + "," + money(2) + "]}");
        List<Event> history = new ArrayList<>();
        bus.getGameHistory(GameHistoryRequest.newBuilder().setGameId("run-0").build()).forEachRemaining(history::add);
        assertThat(history).extracting(Event::getType).containsExactly("GAME_STATE", "MONEY_CHANGED", "MONEY_CHANGED");
        List<Event> limited = new ArrayList<>();
        bus.getGameHistory(GameHistoryRequest.newBuilder().setGameId("run-0").setFromOffset(1).setLimit(1).build())
                .forEachRemaining(limited::add);
        assertThat(limited).extracting(Event::getOffset).containsExactly(1L);
    }

    @Test
    void stoppingEndsStreamsWithUnavailableAndTheOffsetToResumeFrom() throws Exception {
        post(0, 2);
        Iterator<Event> it = bus.withDeadlineAfter(10, TimeUnit.SECONDS).subscribe(SubscribeRequest.newBuilder().setFromOffset(0).build());
        assertThat(it.next().getOffset()).isZero();
        assertThat(it.next().getOffset()).isEqualTo(1);
        recent.close();
        StatusRuntimeException e = catchStatus(it::hasNext);
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(e.getStatus().getDescription()).contains("resume from offset 2");
    }

    @Test
    void deadlinesEndAStreamThatHasNothingToSend() {
        Iterator<Event> it = bus.withDeadlineAfter(300, TimeUnit.MILLISECONDS).subscribe(SubscribeRequest.getDefaultInstance());
        assertThatThrownBy(it::hasNext).isInstanceOf(StatusRuntimeException.class)
                .satisfies(t -> assertThat(((StatusRuntimeException) t).getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
    }

    @Test
    void aSubmittedCommandReachesTheGamesPollAndItsDeliveryIsStreamed() throws Exception {
        http.post("/api/v1/events/batch", "{\"events\":[" + state("s1") + "]}");
        CommandsGrpc.CommandsBlockingStub commands = CommandsGrpc.newBlockingStub(channel);
        long before = http.journal().end();
        SubmitCommandReply queued = commands.submitCommand(SubmitCommandRequest.newBuilder().setGameId("run-0")
                .setType("select_card").setPayload(struct("{\"params\":[2]}")).setClientRef("c-1").build());
        assertThat(queued.getDuplicate()).isFalse();
        SubmitCommandReply again = commands.submitCommand(SubmitCommandRequest.newBuilder().setGameId("run-0")
                .setType("select_card").setPayload(struct("{\"params\":[2]}")).setClientRef("c-1").build());
        assertThat(again.getDuplicate()).isTrue();
        assertThat(again.getCommandId()).isEqualTo(queued.getCommandId());

        assertThat(http.get("/api/v1/commands/poll").body()).isEmpty(); // the mod drops its first poll's answer
        assertThat(http.get("/api/v1/commands/poll").body().trim()).isEqualTo("select_card:2");

        Iterator<CommandUpdate> watch = commands.withDeadlineAfter(10, TimeUnit.SECONDS)
                .watchCommands(WatchCommandsRequest.newBuilder().setGameId("run-0").setFromOffset(before).build());
        CommandUpdate q = watch.next();
        CommandUpdate d = watch.next();
        assertThat(q.getRecord().getStage()).isEqualTo(CommandRecord.Stage.STAGE_QUEUED);
        assertThat(q.getRecord().getCommand().getSequence()).isEqualTo(queued.getCommandId());
        assertThat(d.getRecord().getStage()).isEqualTo(CommandRecord.Stage.STAGE_DELIVERED);
        assertThat(d.getRecord().getCommand().getSequence()).isEqualTo(queued.getCommandId());
        assertThat(d.getRecord().getDeliveredAs()).isEqualTo("select_card:2");
    }

    @Test
    void aCommandForAGameNobodyPlaysIsNotFound() {
        StatusRuntimeException e = catchStatus(() -> CommandsGrpc.newBlockingStub(channel).submitCommand(
                SubmitCommandRequest.newBuilder().setGameId("nope").setType("play_hand").build()));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void aTokenIsRequiredWhenConfiguredButNotForHealthChecks() throws Exception {
        try (GrpcServer locked = GrpcServer.start(new GrpcServer.Settings("127.0.0.1", 0, Optional.of("s3cret"),
                Duration.ofSeconds(1)), List.of(new EventBusRpc(http.intake(), recent)))) {
            ManagedChannel ch = Grpc.newChannelBuilderForAddress("127.0.0.1", locked.port(),
                    InsecureChannelCredentials.create()).build();
            try {
                EventBusGrpc.EventBusBlockingStub anonymous = EventBusGrpc.newBlockingStub(ch);
                StatusRuntimeException e = catchStatus(() -> anonymous.publish(
                        PublishRequest.newBuilder().setEvent(struct(money(1))).build()));
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
                StatusRuntimeException wrong = catchStatus(() -> anonymous.withCallCredentials(bearer("guess"))
                        .publish(PublishRequest.newBuilder().setEvent(struct(money(1))).build()));
                assertThat(wrong.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
                assertThat(anonymous.withCallCredentials(bearer("s3cret"))
                        .publish(PublishRequest.newBuilder().setEvent(struct(money(1))).build()).getOffset()).isZero();
                assertThat(HealthGrpc.newBlockingStub(ch).check(HealthCheckRequest.getDefaultInstance()).getStatus())
                        .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
            } finally {
                ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void reflectionListsTheServicesAndHealthReportsThemServing() throws Exception {
        List<String> services = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        io.grpc.stub.StreamObserver<io.grpc.reflection.v1.ServerReflectionRequest> requests =
                io.grpc.reflection.v1.ServerReflectionGrpc.newStub(channel).serverReflectionInfo(
                        new io.grpc.stub.StreamObserver<>() {
                            @Override
                            public void onNext(io.grpc.reflection.v1.ServerReflectionResponse r) {
                                r.getListServicesResponse().getServiceList().forEach(x -> services.add(x.getName()));
                            }

                            @Override
                            public void onError(Throwable t) {
                                done.countDown();
                            }

                            @Override
                            public void onCompleted() {
                                done.countDown();
                            }
                        });
        requests.onNext(io.grpc.reflection.v1.ServerReflectionRequest.newBuilder().setListServices("*").build());
        requests.onCompleted();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(services).contains("jimbot.v1.EventBus", "jimbot.v1.Commands", "jimbot.v1.Strategy", "grpc.health.v1.Health");
        assertThat(HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.newBuilder().setService("jimbot.v1.EventBus")
                .build()).getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    static CallCredentials bearer(String token) {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                Metadata m = new Metadata();
                m.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
                applier.apply(m);
            }
        };
    }
}
