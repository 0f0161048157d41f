package jimbot.server;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options that say where and how the engine runs; shared by the verbs that open its stores. */
final class EngineOptions {

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "HTTP port for both BalatroMCP dialects, the read API, /health and /metrics (default 8080; 0 = any free port).")
    Integer httpPort;

    @Option(names = "--grpc-port", paramLabel = "PORT",
            description = "gRPC port for the AI side: event bus, commands, strategy, procedures, Cypher (default 50051; 0 = any free port).")
    Integer grpcPort;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Require this bearer token on every gRPC call but health checks (default: none). The environment "
                    + "variable JIMBOT_GRPC_TOKEN does the same without showing the token in the process list.")
    String token;

    @Option(names = "--bolt-port", paramLabel = "PORT",
            description = "Bolt port of the embedded graph database (default 7687; 0 = any free port). Any Bolt client "
                    + "(cypher-shell, Memgraph Lab, a driver) can connect; it has full access, so it stays on --bind.")
    Integer boltPort;

    @Option(names = "--graph-uri", paramLabel = "URI",
            description = "Use an external graph database instead of the embedded one, e.g. bolt://127.0.0.1:7687 for Memgraph (default: embedded).")
    String graphUri;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the journal and the embedded graph database keep their files (default ./data).")
    Path dataDir;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address every listener binds to (default 127.0.0.1; 0.0.0.0 exposes the engine to the network).")
    String bind;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A YAML file overriding jimbot-defaults.yaml (same keys, e.g. jimbot.ingest.max-body-bytes).")
    Path configFile;

    /** Defaults, then --config, then JIMBOT_* environment variables, then -Djimbot.* properties, then these flags. */
    EngineConfig load() {
        Map<String, String> flags = new LinkedHashMap<>();
        put(flags, "jimbot.http.port", httpPort);
        put(flags, "jimbot.grpc.port", grpcPort);
        put(flags, "jimbot.grpc.token", token);
        put(flags, "jimbot.bolt.port", boltPort);
        put(flags, "jimbot.graph.uri", graphUri);
        put(flags, "jimbot.data-dir", dataDir);
        put(flags, "jimbot.bind", bind);
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
        return EngineConfig.from(builder.addSource(ConfigSources.classpath("jimbot-defaults.yaml")).build());
    }

    private static void put(Map<String, String> flags, String key, Object value) {
        if (value != null) {
            flags.put(key, value.toString());
        }
    }
}
