package jimbot.bench.grpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import jimbot.server.Engine;
import jimbot.server.EngineConfig;
import jimbot.v1.CommandsGrpc;
import jimbot.v1.Event;
import jimbot.v1.EventBusGrpc;
import jimbot.v1.SubmitCommandRequest;
import jimbot.v1.SubscribeRequest;

/**
 * The gRPC API under load (issue 6), in one process with a real engine (journal fsync on every acknowledged post).
 *
 * <ol>
 *   <li>Decision loop: one game posts single events over HTTP at a steady rate; a gRPC subscriber on the game records
 *   how long after the post started each event arrived. Baseline, same engine, same rate: a client polling the HTTP
 *   read API ({@code GET /api/v1/games/{id}/events?from=}) every 50 ms, which is what a client without a stream does.</li>
 *   <li>Commands: {@code SubmitCommand} → the game's poll sees the line (polling back to back), against the same over
 *   HTTP {@code POST /api/v1/commands}.</li>
 *   <li>Fan-out: 50 subscribers on one game while it posts batches at 5,000 events/s; every subscriber must see every
 *   event, in order, exactly once.</li>
 * </ol>
 * Then, with the engine still up, {@code bench/python/rtt.py} measures unary OptimizeJokerOrder from Python.
 *
 * <p>Usage: {@code GrpcLoad <events/s> <seconds> <fan-out events/s> <fan-out seconds> <subscribers>}; JSON lines.
 */
public final class GrpcLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Just what the fan-out checks of an event: its offset (field 11) and batch id (field 16). */
    record Light(long offset, String batchId) {
    }

    private static final io.grpc.MethodDescriptor<SubscribeRequest, Light> LIGHT_SUBSCRIBE = EventBusGrpc.getSubscribeMethod()
            .toBuilder(EventBusGrpc.getSubscribeMethod().getRequestMarshaller(), new io.grpc.MethodDescriptor.Marshaller<Light>() {
                @Override
                public java.io.InputStream stream(Light value) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Light parse(java.io.InputStream stream) {
                    try {
                        com.google.protobuf.CodedInputStream in = com.google.protobuf.CodedInputStream.newInstance(stream);
                        long offset = 0;
                        String batch = "";
                        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                            switch (com.google.protobuf.WireFormat.getTagFieldNumber(tag)) {
                                case 11 -> offset = in.readUInt64();
                                case 16 -> batch = in.readString();
                                default -> in.skipField(tag);
                            }
                        }
                        return new Light(offset, batch);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }).build();

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private GrpcLoad() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int fanRate = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        int fanSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int subscribers = args.length > 4 ? Integer.parseInt(args[4]) : 50;
        Path dir = Files.createTempDirectory("jimbot-grpc-load");
        EngineConfig config = EngineConfig.from(Config.builder().disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(Map.of("jimbot.http.port", "0", "jimbot.grpc.port", "0",
                        "jimbot.bolt.port", "0", "jimbot.data-dir", dir.toString())))
                .addSource(ConfigSources.classpath("jimbot-defaults.yaml")).build());
        try (Engine engine = Engine.start(config)) {
            ManagedChannel channel = Grpc.newChannelBuilder(engine.grpcTarget(), InsecureChannelCredentials.create()).build();
            URI http = engine.httpUri();
            // GRPC_PHASES=decision,poll,commands,fanout,python picks phases for a quick experiment
            String phases = System.getenv().getOrDefault("GRPC_PHASES", "decision,poll,commands,fanout,python");
            if (phases.contains("decision")) {
                decisionLoop(http, channel, rate, Math.max(5, seconds), "warmup"); // the JIT takes ~30 s on 2 cores
                decisionLoop(http, channel, rate, seconds, "grpc");
            }
            if (phases.contains("poll")) {
                polling(http, rate, seconds);
            }
            if (phases.contains("commands")) {
                commands(engine, http, channel, 300);
            }
            if (phases.contains("fanout")) {
                fanOut(http, channel, fanRate, fanSeconds, subscribers);
            }
            if (phases.contains("python")) {
                python(engine);
            }
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static String money(String id, int i) {
        return "{\"type\":\"MONEY_CHANGED\",\"source\":\"BalatroMCP\",\"event_id\":\"" + id + "\",\"timestamp\":" + i
                + ",\"payload\":{\"old_value\":" + i + ",\"new_value\":" + (i + 1) + ",\"difference\":1}}";
    }

    private static String state(String id) {
        return "{\"type\":\"GAME_STATE\",\"source\":\"BalatroMCP\",\"event_id\":\"" + id + "\",\"timestamp\":1.5,"
                + "\"payload\":{\"in_game\":true,\"game_id\":\"unknown\",\"ante\":1,\"round\":1,\"game_state\":\"PLAYING\","
                + "\"jokers\":[{\"name\":\"Joker\"}],\"hand\":[{\"rank\":\"King\",\"suit\":\"Spades\"}]}}";
    }

    private static HttpResponse<String> post(URI base, String path, String body, String instance) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .header("X-Jimbot-Instance", instance).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(URI base, String path, String instance) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).header("X-Jimbot-Instance", instance).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Starts a game for a new instance; returns its game id. */
    private static String startGame(URI http, String instance) throws Exception {
        HttpResponse<String> r = post(http, "/api/v1/events", state(instance + "-state"), instance);
        return JSON.readTree(r.body()).get("game_id").asText();
    }

    /** Sends {@code count} events at {@code rate}/s, open loop: each send starts on schedule, whatever the last did. */
    private static void openLoop(int rate, int count, IntFunction<Runnable> send) {
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Thread.ofVirtual().start(send.apply(i));
        }
    }

    private static void decisionLoop(URI http, ManagedChannel channel, int rate, int seconds, String phase) throws Exception {
        String instance = "decide-" + phase;
        String game = startGame(http, instance);
        int count = rate * seconds;
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        long[] latency = new long[count];
        long[] ack = new long[count];
        AtomicLong received = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        CountDownLatch all = new CountDownLatch(count);
        EventBusGrpc.newStub(channel).subscribe(SubscribeRequest.newBuilder().setGameId(game).setPattern("game.money.>").build(),
                new ClientResponseObserver<SubscribeRequest, Event>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<SubscribeRequest> call) {
                    }

                    @Override
                    public void onNext(Event e) {
                        long now = System.nanoTime();
                        Long t0 = sentAt.get(e.getEventId());
                        if (t0 != null) {
                            int i = Integer.parseInt(e.getEventId().substring(e.getEventId().lastIndexOf('-') + 1));
                            latency[i] = now - t0;
                            received.incrementAndGet();
                            all.countDown();
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        System.err.println("subscriber failed: " + t);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        Thread.sleep(500); // the subscription starts at the journal's end when the call arrives
        openLoop(rate, count, i -> () -> {
            String id = phase + "-" + i;
            long t0 = System.nanoTime();
            sentAt.put(id, t0);
            try {
                HttpResponse<String> r = post(http, "/api/v1/events", money(id, i), instance);
                ack[i] = System.nanoTime() - t0;
                if (r.statusCode() != 200) {
                    failed.incrementAndGet();
                }
            } catch (Exception e) {
                failed.incrementAndGet();
            }
        });
        all.await(60, TimeUnit.SECONDS);
        if (phase.equals("warmup")) {
            return;
        }
        System.out.printf(Locale.ROOT, "{\"phase\":\"decision-loop\",\"transport\":\"grpc-subscribe\",\"rate\":%d,\"events\":%d,"
                        + "\"received\":%d,\"failed\":%d,%s,%s}%n", rate, count, received.get(), failed.get(),
                stats("latency", latency), stats("http_ack", ack));
    }

    private static void polling(URI http, int rate, int seconds) throws Exception {
        String instance = "decide-poll";
        String game = startGame(http, instance);
        int count = rate * seconds;
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        long[] latency = new long[count];
        AtomicLong received = new AtomicLong();
        Thread poller = Thread.ofPlatform().start(() -> {
            long from = 0;
            try {
                while (received.get() < count) {
                    HttpResponse<String> r = get(http, "/api/v1/games/" + game + "/events?limit=10000&from=" + from, instance);
                    long now = System.nanoTime();
                    for (String line : r.body().split("\n")) {
                        if (line.isBlank()) {
                            continue;
                        }
                        var node = JSON.readTree(line);
                        String id = node.path("event_id").asText();
                        Long t0 = sentAt.get(id);
                        if (t0 != null) {
                            latency[Integer.parseInt(id.substring(id.lastIndexOf('-') + 1))] = now - t0;
                            received.incrementAndGet();
                        }
                    }
                    from = Long.parseLong(r.headers().firstValue("X-Jimbot-Next-Offset").orElse(Long.toString(from)));
                    Thread.sleep(50);
                }
            } catch (Exception e) {
                System.err.println("poller failed: " + e);
            }
        });
        openLoop(rate, count, i -> () -> {
            String id = "poll-" + i;
            sentAt.put(id, System.nanoTime());
            try {
                post(http, "/api/v1/events", money(id, i), instance);
            } catch (Exception e) {
                // counted as not received
            }
        });
        poller.join(60_000);
        System.out.printf(Locale.ROOT, "{\"phase\":\"decision-loop\",\"transport\":\"http-poll-50ms\",\"rate\":%d,\"events\":%d,"
                + "\"received\":%d,%s}%n", rate, count, received.get(), stats("latency", latency));
    }

    /** Waits until the graph projector has written everything, so that it does not compete with the next phase. */
    private static void quiet(Engine engine) throws InterruptedException {
        for (int i = 0; i < 600 && engine.lagEvents() > 0; i++) {
            Thread.sleep(100);
        }
    }

    private static void commands(Engine engine, URI http, ManagedChannel channel, int count) throws Exception {
        CommandsGrpc.CommandsBlockingStub commands = CommandsGrpc.newBlockingStub(channel);
        for (String transport : List.of("warmup", "grpc", "http", "grpc")) {
            quiet(engine);
            String instance = "commands-" + transport;
            String game = startGame(http, instance);
            get(http, "/api/v1/commands/poll", instance); // the mod drops its first poll's answer
            long[] latency = new long[count];
            long[] submit = new long[count];
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                if (transport.equals("http")) {
                    post(http, "/api/v1/commands", "{\"game_id\":\"" + game + "\",\"type\":\"select_card\",\"payload\":{\"params\":["
                            + (i % 8) + "]}}", instance);
                } else {
                    commands.submitCommand(SubmitCommandRequest.newBuilder().setGameId(game).setType("select_card")
                            .setPayload(com.google.protobuf.Struct.newBuilder().putFields("params",
                                    com.google.protobuf.Value.newBuilder().setListValue(com.google.protobuf.ListValue.newBuilder()
                                            .addValues(com.google.protobuf.Value.newBuilder().setNumberValue(i % 8))).build()))
                            .build());
                }
                submit[i] = System.nanoTime() - t0;
                while (get(http, "/api/v1/commands/poll", instance).body().isBlank()) {
                    Thread.onSpinWait();
                }
                latency[i] = System.nanoTime() - t0;
            }
            if (!transport.equals("warmup")) {
                System.out.printf(Locale.ROOT, "{\"phase\":\"command-to-poll\",\"transport\":\"%s\",\"commands\":%d,%s,%s}%n",
                        transport, count, stats("submit", submit), stats("visible_to_poll", latency));
            }
        }
    }

    private static void fanOut(URI http, ManagedChannel channel, int rate, int seconds, int subscribers) throws Exception {
        String instance = "fanout";
        String game = startGame(http, instance);
        int perBatch = 50;
        int batches = rate * seconds / perBatch;
        int count = batches * perBatch;
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        long[] got = new long[subscribers];
        long[] outOfOrder = new long[subscribers];
        long[] lastOffset = new long[subscribers];
        Arrays.fill(lastOffset, -1);
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(subscribers);
        List<ManagedChannel> channels = new ArrayList<>();
        for (int s = 0; s < subscribers; s++) {
            int me = s;
            // one connection per subscriber, as separate agent processes would have
            ManagedChannel own = Grpc.newChannelBuilder(channel.authority(), InsecureChannelCredentials.create())
                    .directExecutor().build(); // callbacks on the transport thread: no hand-off per message
            channels.add(own);
            // The load generator reads only the offset and batch id of each event (a real subscriber is another
            // process); parsing whole events here would measure this JVM's client, not the engine.
            io.grpc.stub.ClientCalls.asyncServerStreamingCall(own.newCall(LIGHT_SUBSCRIBE, io.grpc.CallOptions.DEFAULT),
                    SubscribeRequest.newBuilder().setGameId(game).setPattern("game.money.>").build(),
                    new io.grpc.stub.StreamObserver<Light>() {
                        @Override
                        public void onNext(Light e) {
                            if (e.offset() <= lastOffset[me]) {
                                outOfOrder[me]++;
                            }
                            lastOffset[me] = e.offset();
                            Long t0 = sentAt.get(e.batchId());
                            if (t0 != null && (e.offset() % 97 == 0)) {
                                latencies.add(System.nanoTime() - t0);
                            }
                            if (++got[me] == count) {
                                done.countDown();
                            }
                        }

                        @Override
                        public void onError(Throwable t) {
                            if (done.getCount() > 0) {
                                System.err.println("subscriber " + me + " failed: " + t);
                            }
                        }

                        @Override
                        public void onCompleted() {
                        }
                    });
        }
        Thread.sleep(1000);
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        openLoop(rate / perBatch, batches, b -> () -> {
            StringBuilder events = new StringBuilder();
            for (int i = 0; i < perBatch; i++) {
                int n = b * perBatch + i;
                events.append(i == 0 ? "" : ",").append(money("fan-" + n, n));
            }
            String batchId = "fan-batch-" + b;
            sentAt.put(batchId, System.nanoTime());
            try {
                if (post(http, "/api/v1/events/batch", "{\"batch_id\":\"" + batchId + "\",\"events\":[" + events + "]}", instance)
                        .statusCode() != 200) {
                    failed.incrementAndGet();
                }
            } catch (Exception e) {
                failed.incrementAndGet();
            }
        });
        boolean complete = done.await(120, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long min = Arrays.stream(got).min().orElse(0);
        long max = Arrays.stream(got).max().orElse(0);
        long[] lat = latencies.stream().mapToLong(Long::longValue).toArray();
        channels.forEach(ManagedChannel::shutdownNow);
        System.out.printf(Locale.ROOT, "{\"phase\":\"fan-out\",\"subscribers\":%d,\"rate\":%d,\"events\":%d,\"failed_posts\":%d,"
                        + "\"complete\":%b,\"received_min\":%d,\"received_max\":%d,\"out_of_order\":%d,\"seconds\":%.1f,%s}%n",
                subscribers, rate, count, failed.get(), complete, min, max, Arrays.stream(outOfOrder).sum(), elapsed,
                stats("latency", lat));
    }

    private static void python(Engine engine) throws Exception {
        Path script = Path.of("bench/python/rtt.py");
        if (!Files.exists(script) || !Files.exists(Path.of("/usr/bin/python3"))) {
            System.out.println("{\"phase\":\"python-rtt\",\"skipped\":\"bench/python/rtt.py or /usr/bin/python3 missing\"}");
            return;
        }
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), "--grpc", engine.grpcTarget(),
                "--http", engine.httpUri().toString(), "--calls", System.getenv().getOrDefault("RTT_CALLS", "2000"))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        System.out.print(new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        p.waitFor(10, TimeUnit.MINUTES);
    }

    private static String stats(String name, long[] nanos) {
        long[] sorted = Arrays.stream(nanos).filter(n -> n > 0).sorted().toArray();
        if (sorted.length == 0) {
            return "\"" + name + "_ms\":null";
        }
        return String.format(Locale.ROOT, "\"%s_ms_p50\":%.2f,\"%s_ms_p99\":%.2f,\"%s_ms_max\":%.2f", name,
                sorted[sorted.length / 2] / 1e6, name, sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
                name, sorted[sorted.length - 1] / 1e6);
    }
}
