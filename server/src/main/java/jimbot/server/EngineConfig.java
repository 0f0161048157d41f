package jimbot.server;

import io.helidon.config.Config;
import io.helidon.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import jimbot.coordinator.CoordinatorConfig;
import jimbot.coordinator.Gpus;
import jimbot.coordinator.PriorityClass;
import jimbot.ingest.IntakeConfig;
import jimbot.journal.JournalConfig;

/**
 * Everything the engine is configured with, read once from the {@code jimbot} config node (see
 * {@code jimbot-defaults.yaml} for each key, its unit and default) and validated with messages naming the key.
 *
 * @param bind address every listener binds to
 * @param dataDir where stores keep their files
 * @param httpPort HTTP port (0: any free one)
 * @param httpShutdownGrace how long stopping waits for requests in flight
 * @param grpcPort gRPC port (0: any free one)
 * @param grpcToken when present, gRPC calls need it as a bearer token
 * @param boltPort embedded graph database's Bolt port (0: any free one)
 * @param intake intake limits
 * @param durability when a journal append counts as done
 * @param maxGroupRequests requests per group commit
 * @param coordinator the resource coordinator's capacities, budgets, weights and limits
 */
public record EngineConfig(String bind, Path dataDir, int httpPort, Duration httpShutdownGrace, int grpcPort,
                           Optional<String> grpcToken, int boltPort, IntakeConfig intake, JournalConfig.Durability durability,
                           int maxGroupRequests, Graph graph, CoordinatorConfig coordinator) {

    /**
     * The graph database.
     *
     * @param uri an external Bolt database (Memgraph); empty: the embedded one
     * @param user user for the external database (empty: "neo4j" when a password is set)
     * @param password empty: no authentication
     * @param writeTimeout one projector write transaction's limit
     * @param queryTimeout one analyst query's limit
     * @param queryMaxRows rows an analyst query may return
     */
    public record Graph(Optional<java.net.URI> uri, Optional<String> user, Optional<String> password,
                        Duration writeTimeout, Duration queryTimeout, int queryMaxRows) {
        public Graph {
            Objects.requireNonNull(uri, "uri");
            if (queryMaxRows < 1) {
                throw new IllegalArgumentException("jimbot.graph.query-max-rows is " + queryMaxRows + "; expected at least 1");
            }
        }
    }

    public EngineConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(dataDir, "dataDir");
        // Resolved once, here: Neo4j refuses a path that is not normalized (the default "./data" gave "./data/graph"),
        // and every store below then sees the same absolute directory whatever it does with relative paths.
        dataDir = dataDir.toAbsolutePath().normalize();
        Objects.requireNonNull(grpcToken, "grpcToken");
        port("jimbot.http.port", httpPort);
        port("jimbot.grpc.port", grpcPort);
        port("jimbot.bolt.port", boltPort);
        if (bind.isBlank()) {
            throw new IllegalArgumentException("jimbot.bind is empty; expected an address such as 127.0.0.1");
        }
    }

    /** Reads and validates the {@code jimbot} node of {@code root}. */
    public static EngineConfig from(Config root) {
        Config c = root.get("jimbot");
        IntakeConfig intake = new IntakeConfig(
                longValue(c, "ingest.max-body-bytes"),
                duration(c, "ingest.ack-timeout"),
                duration(c, "ingest.live-window"));
        return new EngineConfig(
                text(c, "bind"),
                Path.of(text(c, "data-dir")),
                intValue(c, "http.port"),
                duration(c, "http.shutdown-grace"),
                intValue(c, "grpc.port"),
                optional(c, "grpc.token"),
                intValue(c, "bolt.port"),
                intake,
                durability(c),
                intValue(c, "journal.max-group-requests"),
                new Graph(uri(c, "graph.uri"), optional(c, "graph.user"), optional(c, "graph.password"),
                        duration(c, "graph.write-timeout"), duration(c, "graph.query-timeout"),
                        intValue(c, "graph.query-max-rows")),
                coordinator(c));
    }

    private static CoordinatorConfig coordinator(Config c) {
        String devices = c.get("coordinator.gpu.devices-mb").asString().orElse("").trim();
        List<Integer> gpus = new ArrayList<>();
        for (String d : devices.split(",")) {
            if (!d.isBlank()) {
                try {
                    gpus.add(Integer.parseInt(d.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("jimbot.coordinator.gpu.devices-mb is '" + devices
                            + "'; expected MB per GPU, comma separated, such as 24000,12000");
                }
            }
        }
        if (gpus.isEmpty()) {
            gpus.addAll(Gpus.discover().orElse(List.of(24_000)));
        }
        Map<PriorityClass, Integer> weights = new EnumMap<>(PriorityClass.class);
        for (PriorityClass p : PriorityClass.values()) {
            weights.put(p, intValue(c, "coordinator.weights." + p.name().toLowerCase(Locale.ROOT)));
        }
        Map<String, Integer> budgets = new LinkedHashMap<>();
        for (Config node : c.get("coordinator.memory-budgets-mb").asNodeList().orElse(List.of())) {
            budgets.put(node.name(), intValue(c, "coordinator.memory-budgets-mb." + node.name()));
        }
        String overBudget = text(c, "coordinator.queue-over-budget");
        if (!overBudget.equalsIgnoreCase("true") && !overBudget.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("jimbot.coordinator.queue-over-budget is '" + overBudget + "'; expected true or false");
        }
        return new CoordinatorConfig(gpus, intValue(c, "coordinator.gpu.slots-per-device"), duration(c, "coordinator.gpu.slice"),
                duration(c, "coordinator.max-lease"), weights, intValue(c, "coordinator.memory-mb"), budgets,
                Boolean.parseBoolean(overBudget), intValue(c, "coordinator.cpu-cores"),
                new CoordinatorConfig.Claude(intValue(c, "coordinator.claude.requests-per-hour"),
                        intValue(c, "coordinator.claude.requests-per-minute"),
                        longValue(c, "coordinator.claude.input-tokens-per-minute"),
                        longValue(c, "coordinator.claude.output-tokens-per-minute"),
                        longValue(c, "coordinator.claude.default-input-tokens"),
                        longValue(c, "coordinator.claude.default-output-tokens"),
                        duration(c, "coordinator.claude.lease")),
                duration(c, "coordinator.queue-ttl"));
    }

    /** The journal's own configuration under the data directory. */
    public JournalConfig journal() {
        return new JournalConfig(dataDir.resolve("journal"), durability, maxGroupRequests);
    }

    /** The embedded graph database's directory under the data directory. */
    public Path graphDirectory() {
        return dataDir.resolve("graph");
    }

    private static Optional<String> optional(Config c, String key) {
        String v = c.get(key).asString().orElse("").trim();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    private static Optional<java.net.URI> uri(Config c, String key) {
        Optional<String> raw = optional(c, key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            java.net.URI u = java.net.URI.create(raw.get());
            if (u.getScheme() == null || !u.getScheme().matches("bolt|bolt\\+s|bolt\\+ssc|neo4j|neo4j\\+s|neo4j\\+ssc")) {
                throw new IllegalArgumentException("jimbot." + key + " is '" + raw.get() + "'; expected bolt://host:port");
            }
            return Optional.of(u);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("jimbot." + key + " is '" + raw.get() + "'; expected bolt://host:port");
        }
    }

    private static void port(String key, int value) {
        if (value < 0 || value > 65_535) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s is %d; expected a port from 0 (any free port) to 65535", key, value));
        }
    }

    private static String text(Config c, String key) {
        try {
            return c.get(key).asString().get().trim();
        } catch (ConfigException e) {
            throw missing(key, "a value");
        }
    }

    private static int intValue(Config c, String key) {
        String raw = text(c, key);
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("jimbot." + key + " is '" + raw + "'; expected a whole number");
        }
    }

    private static long longValue(Config c, String key) {
        String raw = text(c, key);
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("jimbot." + key + " is '" + raw + "'; expected a whole number");
        }
    }

    private static Duration duration(Config c, String key) {
        String raw = text(c, key);
        try {
            return Duration.parse(raw);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("jimbot." + key + " is '" + raw + "'; expected an ISO-8601 duration such as PT30S");
        }
    }

    private static JournalConfig.Durability durability(Config c) {
        String raw = text(c, "journal.durability");
        try {
            return JournalConfig.Durability.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("jimbot.journal.durability is '" + raw + "'; expected SYNC or OS_BUFFERED");
        }
    }

    private static IllegalArgumentException missing(String key, String expected) {
        return new IllegalArgumentException("jimbot." + key + " is not set; expected " + expected);
    }
}
