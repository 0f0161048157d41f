package jimbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command a newcomer runs first: {@code serve} with its default (relative) data directory, from a fresh working
 * directory. Every other test passes an absolute {@code --data-dir}, which hid that the default one crashed.
 */
class DefaultDataDirIT {

    @TempDir
    Path workingDir;

    @Test
    void servesOnTheDefaultDataDirAndStopsCleanlyOnSigterm() throws Exception {
        Path example = Path.of("..", "ingest", "src", "test", "resources", "contracts", "examples", "jimbot-batch.json")
                .toAbsolutePath().normalize();
        try (EngineProcess engine = EngineProcess.startWithDefaultDataDir(workingDir)) {
            HttpClient http = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + engine.httpPort());
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(engine.output()).isEqualTo(200);
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/events/batch"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofFile(example)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
            assertThat(posted.body()).contains("\"accepted\":4");

            long t0 = System.nanoTime();
            int code = engine.stop(Duration.ofSeconds(10));
            assertThat(code).as("exit code after SIGTERM (-1: still running after 10 s)\n" + engine.output()).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        }
        assertThat(workingDir.resolve("data").resolve("journal")).isDirectory();
        assertThat(workingDir.resolve("data").resolve("graph")).isDirectory();
        assertThat(Files.list(workingDir.resolve("data").resolve("journal")).count()).isPositive();
    }
}
