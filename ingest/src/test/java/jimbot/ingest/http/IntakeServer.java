package jimbot.ingest.http;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import jimbot.ingest.Intake;
import jimbot.ingest.IntakeConfig;
import jimbot.journal.JournalConfig;
import jimbot.journal.RocksDbJournal;

/** A real intake (RocksDB journal, Helidon on 127.0.0.1 and a free port) for tests, with a small HTTP client. */
public final class IntakeServer implements AutoCloseable {

    private final RocksDbJournal journal;
    private final Intake intake;
    private final WebServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private IntakeServer(Path dir, IntakeConfig config, java.util.function.BiConsumer<HttpRouting.Builder, RocksDbJournal> extra) {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Intake.Parts parts = Intake.Parts.create();
        journal = RocksDbJournal.open(JournalConfig.at(dir), parts.sequencer(), meters);
        intake = Intake.create(journal, parts, config, meters, Clock.systemUTC());
        HttpRouting.Builder routing = HttpRouting.builder();
        AtomicBoolean serving = new AtomicBoolean(true);
        IngestRouting.routing(routing, intake, meters, serving::get);
        extra.accept(routing, journal);
        server = WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false).featuresDiscoverServices(false)
                .addRouting(routing).build().start();
    }

    public static IntakeServer start(Path dir) {
        return new IntakeServer(dir, IntakeConfig.DEFAULTS, (r, j) -> { });
    }

    public static IntakeServer start(Path dir, IntakeConfig config) {
        return new IntakeServer(dir, config, (r, j) -> { });
    }

    /** With more routes, mounted by {@code extra} on the same routing (given the journal). */
    public static IntakeServer start(Path dir, java.util.function.BiConsumer<HttpRouting.Builder, RocksDbJournal> extra) {
        return new IntakeServer(dir, IntakeConfig.DEFAULTS, extra);
    }

    public Intake intake() {
        return intake;
    }

    public RocksDbJournal journal() {
        return journal;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    public HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, body, "application/json");
    }

    public HttpResponse<String> post(String path, String body, String contentType, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.stop();
        journal.close();
        client.close();
    }
}
