package jimbot.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code jimbot status}: whether an engine is up on the configured port, and what its health says. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Says whether the engine is up (on the same options as serve), its ports, the journal's size,",
                "the runs in the graph and each consumer's lag. Exit code 0: up and ok; 1: up but degraded or",
                "unavailable; 3: not running."})
final class StatusCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    EngineOptions options;

    @Override
    public Integer call() throws InterruptedException {
        EngineConfig config;
        try {
            config = options.load();
        } catch (IllegalArgumentException e) {
            System.err.println("jimbot status: " + e.getMessage());
            return 2;
        }
        String host = config.bind().equals("0.0.0.0") ? "127.0.0.1" : config.bind().contains(":") ? "[" + config.bind() + "]"
                : config.bind();
        URI base = URI.create("http://" + host + ":" + config.httpPort());
        HttpResponse<String> r;
        try {
            r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(HttpRequest.newBuilder(
                    base.resolve("/health")).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            System.out.println("JimBot Engine: down (nothing answers on " + base + ")");
            System.out.println("  data  " + config.dataDir() + " (" + size(config.dataDir()) + " on disk)");
            return 3;
        }
        JsonNode health;
        try {
            health = JSON.readTree(r.body());
        } catch (IOException e) {
            System.out.println("JimBot Engine: something answers on " + base + " but it is not an engine (HTTP "
                    + r.statusCode() + ")");
            return 1;
        }
        String status = health.path("status").asText("unknown");
        System.out.println("JimBot Engine: up (" + status + ") on " + base);
        JsonNode journal = health.path("journal");
        System.out.printf(Locale.ROOT, "  journal  %d events%s%n", journal.path("events").asLong(),
                journal.path("writable").asBoolean(true) ? "" : ", NOT WRITABLE: " + journal.path("error").asText());
        JsonNode graph = health.path("graph");
        if (!graph.isMissingNode()) {
            System.out.printf(Locale.ROOT, "  graph    %s, %d runs%n", graph.path("dialect").asText(), graph.path("runs").asLong());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = health.path("consumers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> c = it.next();
            JsonNode v = c.getValue();
            System.out.printf(Locale.ROOT, "  %-20s %-7s as of %d, lag %d events / %d ms, quarantined %d%s%n", c.getKey(),
                    v.path("state").asText(), v.path("as_of_offset").asLong(), v.path("lag_events").asLong(),
                    v.path("lag_ms").asLong(), v.path("quarantined").asLong(),
                    v.has("error") ? " — " + v.path("error").asText() : "");
        }
        System.out.println("  data     " + config.dataDir() + " (" + size(config.dataDir()) + " on disk)");
        return status.equals("ok") ? 0 : 1;
    }

    /** The bytes under {@code dir}, for people: 12.3 MB. */
    static String size(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "nothing yet";
        }
        long bytes;
        try (Stream<Path> files = Files.walk(dir)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return "size unknown";
        }
        return bytes < 1 << 20 ? String.format(Locale.ROOT, "%.1f kB", bytes / 1e3)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
