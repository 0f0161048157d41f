package jimbot.bench.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import jimbot.api.strategy.GameCards;
import jimbot.graph.embedded.EmbeddedNeo4j;
import jimbot.graph.projection.ChangeFeed;
import jimbot.graph.projector.Projector;
import jimbot.graph.store.BoltGraphStore;
import jimbot.graph.store.GraphSetup;
import jimbot.graph.store.GraphStore;
import jimbot.ingest.Intake;
import jimbot.journal.RocksDbJournal;
import jimbot.server.Engine;
import jimbot.server.EngineConfig;
import jimbot.simulator.Simulation;
import jimbot.v1.Event;

/**
 * The graph projector under load (issue 3), in one process.
 *
 * <p>Phase 1, lag: a real engine (embedded Neo4j over Bolt, durable journal, HTTP intake) receives simulated JimBot
 * batches from several game instances at a steady rate; a reader polls the graph over Bolt with Cypher every few
 * milliseconds and records, for each hand, how long after its event was received the hand became visible.
 *
 * <p>Phase 2, throughput: the journal that phase 1 wrote is projected again into fresh embedded databases, once in
 * the engine's batches (2,000 events) and once one event per transaction (the baseline: what a projector without
 * batching does), and the two rates are compared.
 *
 * <p>The JVM is cold when the lag phase starts (on two cores the JIT compiler takes more CPU than the database for the
 * first half minute), so lag is reported for the whole run and for the steady part after {@code warmup} seconds.
 *
 * <p>Usage: {@code ProjectorLoad <events/s> <seconds> <clients> <baseline events> <warmup seconds>}; prints JSON lines.
 */
public final class ProjectorLoad {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Post(String path, String body, int events) {
    }

    public static void main(String[] args) throws Exception {
        double rate = args.length > 0 ? Double.parseDouble(args[0]) : 2000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int baselineEvents = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        int warmupSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        Path dir = Files.createTempDirectory("jimbot-projector-load");

        Map<String, List<Post>> byClient = generate(rate * seconds, clients);
        long total = byClient.values().stream().flatMap(List::stream).mapToLong(Post::events).sum();
        System.out.printf(Locale.ROOT, "{\"phase\":\"generated\",\"clients\":%d,\"events\":%d}%n", byClient.size(), total);

        lag(dir.resolve("engine"), byClient, rate, seconds, warmupSeconds);
        throughput(dir, baselineEvents);
    }

    /** Simulated runs, as the mod would post them, per game instance: each instance plays its own runs in order. */
    private static Map<String, List<Post>> generate(double events, int clients) throws InterruptedException {
        Map<String, List<Post>> out = new LinkedHashMap<>();
        for (int c = 0; c < clients; c++) {
            List<Post> posts = new ArrayList<>();
            long have = 0;
            for (int batch = 0; have < events / clients; batch++) {
                List<Post> runs = new ArrayList<>();
                Simulation.run(new Simulation.Config(50, 20261127L * 1000 + c * 100 + batch, Simulation.Dialect.JIMBOT,
                        List.of(), 1, URI.create("http://127.0.0.1:1")), (path, json, instance) -> {
                            JsonNode body = JSON.readTree(json);
                            runs.add(new Post(path, json, body.has("events") ? body.get("events").size() : 1));
                            return 200;
                        });
                posts.addAll(runs);
                have += runs.stream().mapToLong(Post::events).sum();
            }
            out.put("bench-" + c, posts);
        }
        return out;
    }

    private static void lag(Path data, Map<String, List<Post>> byClient, double rate, int seconds, int warmupSeconds) throws Exception {
        EngineConfig config = EngineConfig.from(Config.builder().disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(Map.of("jimbot.http.port", "0", "jimbot.grpc.port", "0",
                        "jimbot.bolt.port", "0", "jimbot.data-dir", data.toString(),
                        "jimbot.journal.durability", System.getenv().getOrDefault("PROJECTOR_DURABILITY", "SYNC"))))
                .addSource(ConfigSources.classpath("jimbot-defaults.yaml")).build());
        try (Engine engine = Engine.start(config);
             BoltGraphStore reader = BoltGraphStore.connect(engine.boltUri().orElseThrow(), Optional.empty(),
                     Optional.empty(), Duration.ofSeconds(30))) {
            AtomicBoolean sending = new AtomicBoolean(true);
            AtomicLong sent = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            List<Long> lags = Collections.synchronizedList(new ArrayList<>());
            List<Long> steadyLags = Collections.synchronizedList(new ArrayList<>());
            long steadyFrom = System.currentTimeMillis() + warmupSeconds * 1000L;
            long[] polls = new long[1];
            Thread poller = Thread.ofPlatform().name("lag-reader").start(() -> {
                long last = -1;
                try {
                    while (true) {
                        boolean wasSending = sending.get();
                        List<Map<String, Object>> rows = reader.read(
                                "MATCH (h:Hand) WHERE h.offset > $last RETURN h.offset AS o, h.at AS at",
                                Map.of("last", last), Duration.ofSeconds(10), Integer.MAX_VALUE).rows();
                        long now = System.currentTimeMillis();
                        polls[0]++;
                        for (Map<String, Object> r : rows) {
                            last = Math.max(last, ((Number) r.get("o")).longValue());
                            long at = ((Number) r.get("at")).longValue();
                            lags.add(now - at);
                            if (System.getenv("PROJECTOR_TIMELINE") != null && now - at > 500) {
                                System.err.println("TIMELINE seen=" + now + " at=" + at + " lag=" + (now - at)
                                        + " backlog=" + engine.lagEvents());
                            }
                            if (at >= steadyFrom) {
                                steadyLags.add(now - at);
                            }
                        }
                        if (!wasSending && rows.isEmpty() && engine.lagEvents() == 0) {
                            return;
                        }
                        Thread.sleep(Long.parseLong(System.getenv().getOrDefault("PROJECTOR_POLL_MS", "5")));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Simulation.Poster http = Simulation.http(engine.httpUri());
            double perClient = rate / byClient.size();
            long t0 = System.nanoTime();
            long deadline = t0 + Duration.ofSeconds(seconds).toNanos();
            List<Thread> senders = new ArrayList<>();
            for (Map.Entry<String, List<Post>> client : byClient.entrySet()) {
                senders.add(Thread.ofVirtual().start(() -> {
                    long events = 0;
                    for (Post p : client.getValue()) {
                        long due = t0 + (long) (events / perClient * 1e9);
                        if (due > deadline) {
                            return;
                        }
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            try {
                                Thread.sleep(Duration.ofNanos(wait));
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                        try {
                            int status = http.post(p.path(), p.body(), client.getKey());
                            if (status / 100 != 2) {
                                failed.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                        events += p.events();
                        sent.addAndGet(p.events());
                    }
                }));
            }
            for (Thread t : senders) {
                t.join();
            }
            double took = (System.nanoTime() - t0) / 1e9;
            sending.set(false);
            if (System.getenv("PROJECTOR_TIMELINE") != null) {
                String metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        engine.httpUri().resolve("/metrics")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                metrics.lines().filter(l -> l.contains("projector") || l.contains("gc_pause_seconds_max")
                        || l.contains("gc_pause_seconds_sum") || l.contains("jimbot_journal")).forEach(l -> System.err.println("METRIC " + l));
            }
            poller.join(Duration.ofSeconds(60));
            long[] sorted = lags.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            long[] steady = steadyLags.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(steady);
            System.out.printf(Locale.ROOT, "{\"phase\":\"lag\",\"target_rate\":%.0f,\"events\":%d,\"failed\":%d,\"rate\":%.0f,"
                            + "\"hands\":%d,\"polls\":%d,\"lag_ms_p50\":%d,\"lag_ms_p99\":%d,\"lag_ms_max\":%d,"
                            + "\"steady_hands\":%d,\"steady_p50\":%d,\"steady_p99\":%d,\"steady_max\":%d}%n",
                    rate, sent.get(), failed.get(), sent.get() / took, sorted.length, polls[0],
                    pct(sorted, 0.50), pct(sorted, 0.99), sorted.length == 0 ? -1 : sorted[sorted.length - 1],
                    steady.length, pct(steady, 0.50), pct(steady, 0.99), steady.length == 0 ? -1 : steady[steady.length - 1]);
        }
    }

    private static long pct(long[] sorted, double p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static void throughput(Path dir, int baselineEvents) throws Exception {
        EngineConfig config = EngineConfig.from(Config.builder().disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(Map.of("jimbot.data-dir", dir.resolve("engine").toString())))
                .addSource(ConfigSources.classpath("jimbot-defaults.yaml")).build());
        List<Event> events = new ArrayList<>();
        try (RocksDbJournal journal = RocksDbJournal.open(config.journal(), Intake.Parts.create().sequencer(),
                new SimpleMeterRegistry())) {
            for (long from = 0; ; ) {
                List<Event> page = journal.read(from, 10_000);
                if (page.isEmpty()) {
                    break;
                }
                events.addAll(page);
                from = page.get(page.size() - 1).getOffset() + 1;
            }
        }
        project(dir.resolve("warmup"), events.subList(0, Math.min(events.size(), 20_000)), 2000, "warmup");
        project(dir.resolve("batched"), events, 2000, "batched");
        project(dir.resolve("baseline"), events.subList(0, Math.min(events.size(), baselineEvents)), 1, "baseline");
    }

    private static void project(Path dir, List<Event> events, int batch, String phase) {
        try (EmbeddedNeo4j db = EmbeddedNeo4j.start(dir, "127.0.0.1", 0);
             BoltGraphStore store = BoltGraphStore.connect(db.boltUri(), Optional.empty(), Optional.empty(),
                     Duration.ofMinutes(2))) {
            GraphSetup.prepare(store, GameCards.catalogRows());
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            Projector projector = new Projector(store, GameCards.jokerNames(), GameCards.handNamer(), new ChangeFeed(),
                    meters);
            long t0 = System.nanoTime();
            for (int i = 0; i < events.size(); i += batch) {
                projector.project(events.subList(i, Math.min(events.size(), i + batch)));
            }
            double took = (System.nanoTime() - t0) / 1e9;
            long hands = ((Number) ((GraphStore) store).read("MATCH (h:Hand) RETURN count(h) AS n", Map.of(),
                    Duration.ofMinutes(1), 1).rows().get(0).get("n")).longValue();
            System.out.printf(Locale.ROOT, "{\"phase\":\"%s\",\"batch\":%d,\"events\":%d,\"seconds\":%.2f,"
                    + "\"events_per_s\":%.0f,\"hands\":%d,\"write_seconds\":%.2f,\"changes\":%.0f}%n", phase, batch,
                    events.size(), took, events.size() / took, hands,
                    meters.get("jimbot.graph.projector.write").timer().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS) / 1000,
                    meters.get("jimbot.graph.projector.changes").counter().count());
        }
    }
}
