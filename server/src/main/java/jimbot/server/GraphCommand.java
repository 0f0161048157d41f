package jimbot.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jimbot.api.strategy.GameCards;
import jimbot.graph.projection.ChangeFeed;
import jimbot.graph.projector.Projector;
import jimbot.graph.store.CypherFiles;
import jimbot.graph.store.GraphSetup;
import jimbot.graph.store.GraphStore;
import jimbot.ingest.Intake;
import jimbot.journal.JournalUnavailableException;
import jimbot.journal.RocksDbJournal;
import jimbot.v1.Event;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code jimbot graph}: maintenance of the graph database. */
@Command(name = "graph", mixinStandardHelpOptions = true, description = "Graph database maintenance.",
        subcommands = {GraphCommand.Rebuild.class})
final class GraphCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("jimbot graph rebuild: rebuild the graph from the journal (run with the engine stopped)");
    }

    /** {@code jimbot graph rebuild}: empties the graph and projects the whole journal again. */
    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            description = {"Empties the graph and rebuilds it from the journal, from offset 0.",
                    "Run it with the engine stopped, with the same --data-dir and --bolt-port (or --graph-uri) as serve."})
    static final class Rebuild implements Callable<Integer> {

        private static final int BATCH = 5000;

        @Mixin
        EngineOptions options;

        @Override
        public Integer call() {
            EngineConfig config;
            try {
                config = options.load();
            } catch (IllegalArgumentException e) {
                System.err.println("jimbot graph rebuild: " + e.getMessage());
                return 2;
            }
            long t0 = System.nanoTime();
            RocksDbJournal journal;
            try {
                // the intake's sequencer restores its state but writes nothing: the rebuild only reads
                journal = RocksDbJournal.open(config.journal(), Intake.Parts.create().sequencer(), new SimpleMeterRegistry());
            } catch (JournalUnavailableException e) {
                System.err.println("jimbot graph rebuild: " + e.getMessage() + " (stop the engine first)");
                return 1;
            }
            try (journal; Engine.Graph graph = Engine.Graph.open(config, new SimpleMeterRegistry())) {
                GraphStore store = graph.store();
                String wipe = CypherFiles.statement("write/wipe_batch.cypher");
                long deleted;
                do {
                    deleted = ((Number) store.read("MATCH (n) RETURN count(n) AS n", Map.of(), Duration.ofMinutes(1), 1)
                            .rows().get(0).get("n")).longValue();
                    store.write(List.of(new GraphStore.Statement(wipe, Map.of("batch", 10_000L))));
                } while (deleted > 0);
                GraphSetup.prepare(store, GameCards.catalogRows());
                Projector projector = new Projector(store, GameCards.jokerNames(), GameCards.handNamer(), new ChangeFeed(),
                        new SimpleMeterRegistry());
                long end = journal.end();
                long events = 0;
                long lastProgress = System.nanoTime();
                System.err.printf(java.util.Locale.ROOT, "jimbot graph rebuild: replaying %d events%n", end);
                for (long from = 0; from < end; ) {
                    List<Event> page = journal.read(from, BATCH);
                    if (page.isEmpty()) {
                        break;
                    }
                    projector.project(page);
                    events += page.size();
                    from = page.get(page.size() - 1).getOffset() + 1;
                    long now = System.nanoTime();
                    if (now - lastProgress > 2_000_000_000L) {
                        lastProgress = now;
                        System.err.printf(java.util.Locale.ROOT, "jimbot graph rebuild: %d of %d events (%.0f %%), %.0f s%n",
                                from, end, 100.0 * from / Math.max(1, end), (now - t0) / 1e9);
                    }
                }
                journal.saveCheckpoint(Engine.PROJECTOR, end);
                List<Map<String, Object>> counts = store.read(CypherFiles.statement("procedures/stats_labels.cypher"),
                        Map.of(), Duration.ofMinutes(5), 1000).rows();
                System.out.printf(java.util.Locale.ROOT, "graph rebuilt from %d events in %.1f s:%n", events,
                        (System.nanoTime() - t0) / 1e9);
                for (Map<String, Object> c : counts) {
                    System.out.println("  " + c.get("name") + " " + c.get("count"));
                }
                return 0;
            }
        }
    }
}
