package jimbot.server;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import jimbot.api.bus.CommandsRpc;
import jimbot.api.freshness.FreshnessSource;
import jimbot.api.bus.EventBusRpc;
import jimbot.api.bus.RecentEvents;
import jimbot.api.graph.GraphRpc;
import jimbot.api.graph.GraphService;
import jimbot.api.grpc.GrpcServer;
import jimbot.api.strategy.GameCards;
import jimbot.api.strategy.StrategyRpc;
import jimbot.api.strategy.StrategyService;
import jimbot.coordinator.Coordinator;
import jimbot.coordinator.CoordinatorRpc;
import jimbot.coordinator.LeasesRpc;
import jimbot.graph.embedded.EmbeddedNeo4j;
import jimbot.graph.procedures.ProcedureRegistry;
import jimbot.graph.projection.ChangeFeed;
import jimbot.graph.projection.LiveProjection;
import jimbot.graph.projector.Projector;
import jimbot.graph.store.BoltGraphStore;
import jimbot.graph.store.GraphSetup;
import jimbot.ingest.Intake;
import jimbot.ingest.http.IngestRouting;
import jimbot.journal.Journal;
import jimbot.journal.JournalTail;
import jimbot.journal.RocksDbJournal;
import jimbot.routing.TopicPattern;
import jimbot.v1.Event;

/**
 * One running engine: journal and intake, the graph (embedded or external) with its projector, live projection and
 * procedures, and the HTTP and gRPC servers, wired together.
 */
public final class Engine implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Engine.class.getName());
    /** The graph projector's consumer name in the journal (its checkpoint). */
    public static final String PROJECTOR = "graph-projector";
    /** The live projection's name on the change feed. */
    public static final String LIVE_PROJECTION = "live-projection";
    private static final int PROJECTOR_BATCH = 2000;
    /** The engine's version, as health checks report it. */
    public static final String VERSION = "0.1.0";

    /**
     * One rule for every latency the engine publishes: 16 fixed buckets from 0.1 ms to 10 s instead of Micrometer's
     * ~70 per timer, which gave thousands of {@code /metrics} lines once each route and status had its own timer.
     */
    static final io.micrometer.core.instrument.config.MeterFilter LATENCY_BUCKETS =
            new io.micrometer.core.instrument.config.MeterFilter() {
                @Override
                public io.micrometer.core.instrument.distribution.DistributionStatisticConfig configure(
                        io.micrometer.core.instrument.Meter.Id id,
                        io.micrometer.core.instrument.distribution.DistributionStatisticConfig config) {
                    if (id.getType() != io.micrometer.core.instrument.Meter.Type.TIMER || !id.getName().startsWith("jimbot.")) {
                        return config;
                    }
                    double[] ms = {0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000};
                    double[] ns = new double[ms.length];
                    for (int i = 0; i < ms.length; i++) {
                        ns[i] = ms[i] * 1e6;
                    }
                    return io.micrometer.core.instrument.distribution.DistributionStatisticConfig.builder()
                            .percentilesHistogram(false).serviceLevelObjectives(ns).build().merge(config);
                }
            };

    private final EngineConfig config;
    private final PrometheusMeterRegistry meters;
    private final RocksDbJournal journal;
    private final Intake intake;
    private final Graph graph;
    private final JournalTail projectorTail;
    private final WebServer http;
    private final RecentEvents recent;
    private final Coordinator coordinator;
    private final GrpcServer grpc;
    private final AtomicBoolean serving = new AtomicBoolean(false);
    private final AtomicBoolean closed = new AtomicBoolean(false);

    /** The graph side: the database (embedded or not), the store, the projection, the procedures, the projector. */
    record Graph(Optional<EmbeddedNeo4j> embedded, BoltGraphStore store, ChangeFeed feed, LiveProjection projection,
                 ProcedureRegistry procedures, Projector projector) implements AutoCloseable {

        static Graph open(EngineConfig config, io.micrometer.core.instrument.MeterRegistry meters) {
            Optional<EmbeddedNeo4j> embedded;
            try {
                embedded = config.graph().uri().isPresent() ? Optional.empty()
                        : Optional.of(EmbeddedNeo4j.start(config.graphDirectory(), config.bind(), config.boltPort()));
            } catch (RuntimeException e) {
                throw StartupFailure.of(StartupFailure.Part.GRAPH, config.boltPort(), config.bind() + " ("
                        + config.graphDirectory() + ")", e);
            }
            try {
                URI uri = config.graph().uri().orElseGet(() -> embedded.orElseThrow().boltUri());
                BoltGraphStore store;
                try {
                    store = BoltGraphStore.connect(uri, config.graph().user(), config.graph().password(),
                            config.graph().writeTimeout());
                } catch (RuntimeException e) {
                    throw StartupFailure.of(StartupFailure.Part.EXTERNAL_GRAPH, uri.getPort(), uri.toString(), e);
                }
                GraphSetup.prepare(store, GameCards.catalogRows());
                ChangeFeed feed = new ChangeFeed();
                LiveProjection projection = LiveProjection.load(store);
                feed.listen(LIVE_PROJECTION, projection::apply);
                ProcedureRegistry procedures = ProcedureRegistry.load(Engine.class.getClassLoader(), feed);
                Projector projector = new Projector(store, GameCards.jokerNames(), GameCards.handNamer(), feed, meters);
                return new Graph(embedded, store, feed, projection, procedures, projector);
            } catch (RuntimeException e) {
                embedded.ifPresent(EmbeddedNeo4j::close);
                throw e;
            }
        }

        Optional<URI> boltUri() {
            return embedded.map(EmbeddedNeo4j::boltUri);
        }

        @Override
        public void close() {
            store.close();
            embedded.ifPresent(EmbeddedNeo4j::close);
        }
    }

    private Engine(EngineConfig config) {
        this.config = config;
        this.meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        meters.config().meterFilter(LATENCY_BUCKETS);
        new JvmMemoryMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        new JvmGcMetrics().bindTo(meters);

        Intake.Parts parts = Intake.Parts.create();
        try {
            this.journal = RocksDbJournal.open(config.journal(), parts.sequencer(), meters);
        } catch (RuntimeException e) {
            throw StartupFailure.of(StartupFailure.Part.JOURNAL, 0, config.dataDir().toString(), e);
        }
        Graph g = null;
        JournalTail tail = null;
        try {
            this.intake = Intake.create(journal, parts, config.intake(), meters, Clock.systemUTC());
            g = Graph.open(config, meters);
            long checkpoint = journal.checkpoint(PROJECTOR).orElse(0);
            g.projector().restore(checkpoint, (run, before) -> history(journal, run, before));
            tail = JournalTail.start(journal, new JournalTail.Spec(PROJECTOR, TopicPattern.ALL,
                    new JournalTail.Start.At(0), PROJECTOR_BATCH), g.projector()::project);
            this.graph = g;
            this.projectorTail = tail;
            Gauge.builder("jimbot.graph.projector.lag.events", this, e -> e.lagEvents())
                    .description("Journal events the graph projector has not written yet").register(meters);
            Gauge.builder("jimbot.graph.projector.lag", this, e -> e.lagMs()).baseUnit("milliseconds")
                    .description("How long the oldest event the projector has not written has waited").register(meters);

            HttpRouting.Builder routing = HttpRouting.builder();
            IngestRouting.routing(routing, intake, meters, serving::get, this::healthDetails);
            routing.register("/api/v1", new StrategyService(journal, config.intake().maxBodyBytes()));
            GraphService.Limits limits = new GraphService.Limits(config.graph().queryTimeout(),
                    config.graph().queryMaxRows(), config.intake().maxBodyBytes());
            FreshnessSource fresh = FreshnessSource.of(journal, g.feed(), Clock.systemUTC());
            routing.register("/api/v1", new GraphService(g.store(), g.procedures(), g.projection(), limits, fresh));
            try {
                this.http = WebServer.builder()
                        .host(config.bind())
                        .port(config.httpPort())
                        .shutdownHook(false)
                        .featuresDiscoverServices(false)
                        .mediaContext(m -> m.mediaSupportsDiscoverServices(false))
                        .shutdownGracePeriod(config.httpShutdownGrace())
                        .addRouting(routing)
                        .build()
                        .start();
                if (!http.isRunning() || http.port() <= 0) {
                    // Helidon logs a listener that failed to bind and returns a stopped server instead of throwing
                    throw new java.io.UncheckedIOException(listenerFailure(config.bind(), config.httpPort()));
                }
            } catch (RuntimeException e) {
                throw StartupFailure.of(StartupFailure.Part.HTTP, config.httpPort(), config.bind(), e);
            }
            this.recent = RecentEvents.follow(journal);
            this.coordinator = Coordinator.start(config.coordinator(), meters, Clock.systemUTC());
            Graph opened = g;
            try {
                this.grpc = GrpcServer.start(new GrpcServer.Settings(config.bind(), config.grpcPort(), config.grpcToken(),
                        config.httpShutdownGrace()), List.of(new EventBusRpc(intake, recent), new CommandsRpc(intake, recent),
                        new StrategyRpc(journal, Optional.of((name, params, budget) -> GraphService.stream(opened.store(),
                                opened.procedures(), opened.projection(), budget, name, params)), fresh),
                        new GraphRpc(g.store(), g.procedures(), g.projection(), limits, fresh),
                        new CoordinatorRpc(coordinator, VERSION), new LeasesRpc(coordinator)));
            } catch (RuntimeException e) {
                coordinator.close();
                recent.close();
                http.stop();
                throw StartupFailure.of(StartupFailure.Part.GRPC, config.grpcPort(), config.bind(), e);
            }
        } catch (RuntimeException e) {
            if (tail != null) {
                tail.close();
            }
            if (g != null) {
                g.close();
            }
            journal.close();
            throw e;
        }
        serving.set(true);
        LOG.log(System.Logger.Level.INFO, "engine started http={0} grpc={1} bolt={2} data-dir={3}", httpUri(), grpcPort(),
                graph.boltUri().map(URI::toString).orElse(config.graph().uri().map(URI::toString).orElse("")),
                config.dataDir());
    }

    /** Why a listener on {@code host:port} did not start: the port in use (the usual case), or unknown. */
    private static java.io.IOException listenerFailure(String host, int port) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.bind(new java.net.InetSocketAddress(host, port));
            return new java.io.IOException("the listener did not start (see the log above)");
        } catch (java.io.IOException e) {
            return e; // a BindException when the port is taken
        }
    }

    /** A run's events before {@code before}, from the journal, to restore the projector's working state. */
    static List<Event> history(Journal journal, String run, long before) {
        List<Event> out = new java.util.ArrayList<>();
        long from = 0;
        while (true) {
            List<Event> page = journal.readGame(run, from, 4096);
            for (Event e : page) {
                if (e.getOffset() >= before) {
                    return out;
                }
                out.add(e);
            }
            if (page.size() < 4096) {
                return out;
            }
            from = page.get(page.size() - 1).getOffset() + 1;
        }
    }

    /** Starts an engine; the caller closes it. */
    public static Engine start(EngineConfig config) {
        return new Engine(config);
    }

    public EngineConfig config() {
        return config;
    }

    /** The HTTP port actually bound (differs from the configured one when that was 0). */
    public int httpPort() {
        return http.port();
    }

    /** The gRPC port actually bound. */
    public int grpcPort() {
        return grpc.port();
    }

    /** Where gRPC clients connect, as {@code host:port}. */
    public String grpcTarget() {
        String host = config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
        return host + ":" + grpcPort();
    }

    public URI httpUri() {
        String host = config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
        return URI.create("http://" + host + ":" + httpPort());
    }

    /** Where Bolt clients reach the embedded graph database; empty with an external one. */
    public Optional<URI> boltUri() {
        return graph.boltUri();
    }

    public Intake intake() {
        return intake;
    }

    /** The graph projector's position, current failure and quarantine count. */
    public JournalTail.Status projectorStatus() {
        return projectorTail.status();
    }

    /** Journal events the graph projector has not written yet. */
    public long lagEvents() {
        return Math.max(0, journal.end() - projectorTail.position());
    }

    long lagMs() {
        long next = projectorTail.position();
        if (next >= journal.end()) {
            return 0;
        }
        List<Event> oldest = journal.read(next, 1);
        return oldest.isEmpty() ? 0 : Math.max(0, System.currentTimeMillis() - oldest.get(0).getReceivedAtMs());
    }

    private Map<String, Object> healthDetails() {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("dialect", graph.store().dialect().name().toLowerCase(java.util.Locale.ROOT));
        g.put("projector_lag_events", lagEvents());
        g.put("projector_lag_ms", lagMs());
        g.put("runs", graph.projection().runCount());
        return Map.of("graph", g);
    }

    /** Stops taking requests, lets those in flight finish (bounded), stops the projector, then closes the stores. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        serving.set(false);
        LOG.log(System.Logger.Level.INFO, "engine stopping");
        try {
            try {
                recent.close(); // ends the streams first: they never finish by themselves
                coordinator.close();
                grpc.close();
            } finally {
                http.stop();
            }
        } finally {
            try {
                projectorTail.close();
                graph.close();
            } finally {
                journal.close();
                meters.close();
            }
        }
        LOG.log(System.Logger.Level.INFO, "engine stopped");
    }
}
