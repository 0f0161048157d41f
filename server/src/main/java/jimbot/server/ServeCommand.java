package jimbot.server;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import jimbot.journal.JournalUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jimbot serve}: runs the engine until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the engine on its embedded defaults and prints where it listens.",
                "Settings come from jimbot-defaults.yaml, then --config, then JIMBOT_* environment variables,",
                "then -Djimbot.* system properties, then these options (the last one wins)."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "HTTP port for both BalatroMCP dialects, the read API, /health and /metrics (default 8080; 0 = any free port).")
    Integer httpPort;

    @Option(names = "--grpc-port", paramLabel = "PORT",
            description = "gRPC port for the AI side (default 50051; 0 = any free port). Reserved: this build serves no gRPC yet.")
    Integer grpcPort;

    @Option(names = "--bolt-port", paramLabel = "PORT",
            description = "Bolt port of the embedded graph database (default 7687; 0 = any free port). Any Bolt client (cypher-shell, Memgraph Lab, a driver) can connect; it has full access, so it stays on --bind.")
    Integer boltPort;

    @Option(names = "--graph-uri", paramLabel = "URI",
            description = "Use an external graph database instead of the embedded one, e.g. bolt://127.0.0.1:7687 for Memgraph (default: embedded).")
    String graphUri;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the journal and other stores keep their files (default ./data).")
    Path dataDir;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address every listener binds to (default 127.0.0.1; 0.0.0.0 exposes the engine to the network).")
    String bind;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A YAML file overriding jimbot-defaults.yaml (same keys, e.g. jimbot.ingest.max-body-bytes).")
    Path configFile;

    @Override
    public Integer call() throws Exception {
        EngineConfig config;
        try {
            config = EngineConfig.from(config());
        } catch (IllegalArgumentException e) {
            System.err.println("jimbot serve: " + e.getMessage());
            return 2;
        }
        Engine engine;
        try {
            engine = Engine.start(config);
        } catch (JournalUnavailableException e) {
            System.err.println("jimbot serve: " + e.getMessage()
                    + (e.getMessage().contains("LOCK") ? " (is another engine running on this data directory?)" : ""));
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("jimbot-shutdown").unstarted(() -> {
            engine.close();
            stopped.countDown();
        }));
        System.out.println("JimBot Engine listening:");
        System.out.println("  HTTP  " + engine.httpUri() + "  (BalatroMCP: /game-data, /api/v1/events/batch; /health, /metrics)");
        System.out.println("  gRPC  port " + config.grpcPort() + " reserved (not served by this build yet)");
        System.out.println("  Bolt  " + engine.boltUri().map(u -> u + "  (embedded graph database; cypher-shell -a " + u + ")")
                .orElse(config.graph().uri().map(u -> u + "  (external graph database)").orElse("")));
        System.out.println("  data  " + config.dataDir().toAbsolutePath().normalize());
        System.out.flush();
        stopped.await();
        return 0;
    }

    private Config config() {
        Map<String, String> flags = new LinkedHashMap<>();
        if (httpPort != null) {
            flags.put("jimbot.http.port", httpPort.toString());
        }
        if (grpcPort != null) {
            flags.put("jimbot.grpc.port", grpcPort.toString());
        }
        if (boltPort != null) {
            flags.put("jimbot.bolt.port", boltPort.toString());
        }
        if (dataDir != null) {
            flags.put("jimbot.data-dir", dataDir.toString());
        }
        if (bind != null) {
            flags.put("jimbot.bind", bind);
        }
        if (graphUri != null) {
            flags.put("jimbot.graph.uri", graphUri);
        }
        if (configFile != null && !Files.isReadable(configFile)) {
            throw new IllegalArgumentException("--config " + configFile + " is not a readable file");
        }
        Config.Builder builder = Config.builder().disableEnvironmentVariablesSource()
                .addSource(ConfigSources.create(flags).name("command line"))
                .addSource(ConfigSources.systemProperties())
                .addSource(ConfigSources.environmentVariables());
        if (configFile != null) {
            builder.addSource(ConfigSources.file(configFile));
        }
        return builder.addSource(ConfigSources.classpath("jimbot-defaults.yaml")).build();
    }
}
