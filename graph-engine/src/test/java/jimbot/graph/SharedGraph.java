package jimbot.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jimbot.graph.embedded.EmbeddedNeo4j;
import jimbot.graph.store.BoltGraphStore;
import jimbot.graph.store.GraphSetup;
import jimbot.graph.store.GraphStore;

/** One embedded database per test JVM (it takes seconds to start), reached over Bolt like in production. */
public final class SharedGraph {

    private static EmbeddedNeo4j database;
    private static BoltGraphStore store;

    private SharedGraph() {
    }

    /** The shared store, emptied and prepared (schema, a small joker catalog). */
    public static synchronized GraphStore fresh() {
        if (store == null) {
            try {
                Path dir = Files.createTempDirectory("jimbot-graph-test");
                database = EmbeddedNeo4j.start(dir, "127.0.0.1", 0);
                store = BoltGraphStore.connect(database.boltUri(), Optional.empty(), Optional.empty(), Duration.ofSeconds(60));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    store.close();
                    database.close();
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        store.write(List.of(new GraphStore.Statement("MATCH (n) DETACH DELETE n", Map.of())));
        GraphSetup.prepare(store, catalog());
        return store;
    }

    public static java.net.URI boltUri() {
        return database.boltUri();
    }

    /** A few catalog rows, enough for the tests' runs. */
    public static List<Map<String, Object>> catalog() {
        return List.of(
                row("joker", "Joker", "common", 2, "+m"),
                row("greedy_joker", "Greedy Joker", "common", 5, "+m"),
                row("cavendish", "Cavendish", "common", 4, "Xm"),
                row("blueprint", "Blueprint", "rare", 10, "!!"),
                row("baseball", "Baseball Card", "rare", 8, "Xm"));
    }

    /** Names as the test runs write them → catalog key. */
    public static Optional<jimbot.graph.projector.JokerNames.Entry> find(String name) {
        return catalog().stream().filter(r -> r.get("name").equals(name)).findFirst()
                .map(r -> new jimbot.graph.projector.JokerNames.Entry((String) r.get("key"), (String) r.get("name")));
    }

    private static Map<String, Object> row(String key, String name, String rarity, int cost, String type) {
        return Map.of("key", key, "name", name, "rarity", rarity, "cost", (long) cost, "type", type, "timing", "",
                "blueprint_compatible", true);
    }
}
