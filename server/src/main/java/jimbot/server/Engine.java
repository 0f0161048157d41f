package jimbot.server;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import jimbot.api.strategy.StrategyService;
import jimbot.ingest.Intake;
import jimbot.ingest.http.IngestRouting;
import jimbot.journal.RocksDbJournal;

/** One running engine on its embedded defaults: journal, intake and the HTTP server, wired together. */
public final class Engine implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Engine.class.getName());

    private final EngineConfig config;
    private final PrometheusMeterRegistry meters;
    private final RocksDbJournal journal;
    private final Intake intake;
    private final WebServer http;
    private final AtomicBoolean serving = new AtomicBoolean(false);
    private final AtomicBoolean closed = new AtomicBoolean(false);

    private Engine(EngineConfig config) {
        this.config = config;
        this.meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(meters);

        Intake.Parts parts = Intake.Parts.create();
        this.journal = RocksDbJournal.open(config.journal(), parts.sequencer(), meters);
        try {
            this.intake = Intake.create(journal, parts, config.intake(), meters, Clock.systemUTC());
            HttpRouting.Builder routing = HttpRouting.builder();
            IngestRouting.routing(routing, intake, meters, serving::get);
            routing.register("/api/v1", new StrategyService(journal, config.intake().maxBodyBytes()));
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
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
        serving.set(true);
        LOG.log(System.Logger.Level.INFO, "engine started http={0} data-dir={1}", httpUri(), config.dataDir().toAbsolutePath());
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

    public URI httpUri() {
        String host = config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
        return URI.create("http://" + host + ":" + httpPort());
    }

    public Intake intake() {
        return intake;
    }

    /** Stops taking requests, lets those in flight finish (bounded by the grace period), then closes the stores. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        serving.set(false);
        LOG.log(System.Logger.Level.INFO, "engine stopping");
        try {
            http.stop();
        } finally {
            journal.close();
            meters.close();
        }
        LOG.log(System.Logger.Level.INFO, "engine stopped");
    }
}
