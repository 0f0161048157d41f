package jimbot.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import jimbot.journal.JournalConfig;
import org.junit.jupiter.api.Test;

class EngineConfigTest {

    private static Config with(Map<String, String> overrides) {
        return Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .addSource(ConfigSources.create(overrides))
                .addSource(ConfigSources.classpath("jimbot-defaults.yaml")).build();
    }

    @Test
    void defaultsBindLoopbackOnTheDocumentedPorts() {
        EngineConfig c = EngineConfig.from(with(Map.of()));
        assertThat(c.bind()).isEqualTo("127.0.0.1");
        assertThat(c.httpPort()).isEqualTo(8080);
        assertThat(c.grpcPort()).isEqualTo(50051);
        assertThat(c.boltPort()).isEqualTo(7687);
        // Neo4j refuses a path that is not normalized ("./data/graph"), so the default is resolved once, here.
        Path expected = Path.of("").toAbsolutePath().resolve("data");
        assertThat(c.dataDir()).isEqualTo(expected);
        assertThat(c.durability()).isEqualTo(JournalConfig.Durability.SYNC);
        assertThat(c.intake().ackTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.journal().directory()).isEqualTo(expected.resolve("journal"));
        assertThat(c.graphDirectory()).isEqualTo(expected.resolve("graph"));
    }

    @Test
    void everyStorePathIsAbsoluteAndNormalized() {
        EngineConfig c = EngineConfig.from(with(Map.of("jimbot.data-dir", "./a/../b/./data")));
        Path expected = Path.of("").toAbsolutePath().resolve("b").resolve("data");
        assertThat(c.dataDir()).isEqualTo(expected).isAbsolute();
        assertThat(c.journal().directory()).isEqualTo(expected.resolve("journal"));
        assertThat(c.graphDirectory()).isEqualTo(expected.resolve("graph"));
        assertThat(JournalConfig.at(Path.of("x/./y/../journal")).directory())
                .isEqualTo(Path.of("").toAbsolutePath().resolve("x").resolve("journal"));
    }

    @Test
    void theExampleConfigFileLoadsAndSaysWhatTheDefaultsSay() {
        Path example = Path.of("..", "jimbot.example.yaml");
        EngineOptions options = new EngineOptions();
        options.configFile = example;
        EngineConfig fromExample = options.load();
        EngineConfig defaults = EngineConfig.from(with(Map.of()));
        assertThat(fromExample.httpPort()).isEqualTo(defaults.httpPort());
        assertThat(fromExample.bind()).isEqualTo("127.0.0.1");
        assertThat(fromExample.dataDir()).isEqualTo(defaults.dataDir());
        assertThat(fromExample.graph().queryMaxRows()).isEqualTo(defaults.graph().queryMaxRows());
    }

    @Test
    void statusSaysDownWithExitCode3WhenNothingAnswers() throws Exception {
        int free;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            free = s.getLocalPort();
        }
        int code = new picocli.CommandLine(new Jimbot()).execute("status", "--http-port", Integer.toString(free));
        assertThat(code).isEqualTo(3);
    }

    @Test
    void namesTheKeyOfABadValue() {
        assertThatThrownBy(() -> EngineConfig.from(with(Map.of("jimbot.http.port", "70000"))))
                .hasMessageContaining("jimbot.http.port").hasMessageContaining("70000");
        assertThatThrownBy(() -> EngineConfig.from(with(Map.of("jimbot.grpc.port", "many"))))
                .hasMessageContaining("jimbot.grpc.port").hasMessageContaining("whole number");
        assertThatThrownBy(() -> EngineConfig.from(with(Map.of("jimbot.ingest.ack-timeout", "30s"))))
                .hasMessageContaining("jimbot.ingest.ack-timeout").hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> EngineConfig.from(with(Map.of("jimbot.journal.durability", "maybe"))))
                .hasMessageContaining("SYNC or OS_BUFFERED");
        assertThatThrownBy(() -> EngineConfig.from(with(Map.of("jimbot.ingest.max-body-bytes", "10"))))
                .hasMessageContaining("ingest.max-body-bytes");
    }

    @Test
    void servesExitsWithCode2OnABadOption() {
        int code = new picocli.CommandLine(new Jimbot()).execute("serve", "--http-port", "70000");
        assertThat(code).isEqualTo(2);
    }

    @Test
    void coordinatorSettingsComeFromTheConfigAndBadOnesNameTheirKey() {
        EngineConfig c = EngineConfig.from(with(Map.of("jimbot.coordinator.gpu.devices-mb", "24000, 12000",
                "jimbot.coordinator.weights.high", "6")));
        assertThat(c.coordinator().gpuDevicesMb()).containsExactly(24_000, 12_000);
        assertThat(c.coordinator().weights().get(jimbot.coordinator.PriorityClass.HIGH)).isEqualTo(6);
        assertThat(c.coordinator().memoryBudgetsMb()).containsEntry("ray", 8192).containsEntry("memgraph", 10_240);
        assertThat(c.coordinator().claude().requestsPerHour()).isEqualTo(100);
        assertThatThrownBy(() -> EngineConfig.from(with(Map.of("jimbot.coordinator.weights.low", "0"))))
                .hasMessageContaining("jimbot.coordinator.weights.low");
        assertThatThrownBy(() -> EngineConfig.from(with(Map.of("jimbot.coordinator.gpu.devices-mb", "lots"))))
                .hasMessageContaining("jimbot.coordinator.gpu.devices-mb");
        assertThatThrownBy(() -> EngineConfig.from(with(Map.of("jimbot.coordinator.claude.lease", "soon"))))
                .hasMessageContaining("jimbot.coordinator.claude.lease");
    }
}
