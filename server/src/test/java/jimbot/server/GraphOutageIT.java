package jimbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jimbot.graph.GraphDump;
import jimbot.graph.store.BoltGraphStore;
import jimbot.simulator.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The graph database goes away under load and comes back: ingest is unaffected (every batch acknowledged), the
 * projector waits without quarantining anything and resumes by itself, and the graph equals a rebuild from the
 * journal. The database runs in a child process (as Memgraph would, reached with --graph-uri), killed with SIGKILL.
 */
class GraphOutageIT {

    @TempDir
    Path data;
    @TempDir
    Path graphFiles;

    private EngineConfig config(String graphUri) {
        return EngineConfig.from(Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .addSource(ConfigSources.create(Map.of("jimbot.http.port", "0", "jimbot.grpc.port", "0",
                        "jimbot.bolt.port", "0", "jimbot.data-dir", data.toString(), "jimbot.graph.uri", graphUri)))
                .addSource(ConfigSources.classpath("jimbot-defaults.yaml")).build());
    }

    private static void await(String what, Duration within, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + within).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static List<String> dump(String uri) {
        try (BoltGraphStore store = BoltGraphStore.connect(java.net.URI.create(uri), Optional.empty(), Optional.empty(),
                Duration.ofSeconds(60))) {
            return GraphDump.of(store);
        }
    }

    @Test
    void ingestGoesOnWhileTheGraphIsDownAndTheGraphCatchesUpToARebuild() throws Exception {
        int port = GraphDatabaseProcess.freePort();
        String uri;
        List<String> live;
        try (GraphDatabaseProcess db = GraphDatabaseProcess.start(graphFiles, port)) {
            uri = db.boltUri().toString();
            try (Engine engine = Engine.start(config(uri))) {
                Simulation.Summary before = Simulation.run(new Simulation.Config(4, 21, Simulation.Dialect.JIMBOT, List.of(),
                        2, engine.httpUri()), Simulation.http(engine.httpUri()));
                assertThat(before.failed()).isZero();
                await("projector caught up", Duration.ofSeconds(60), () -> engine.lagEvents() == 0);

                db.kill();
                Simulation.Summary during = Simulation.run(new Simulation.Config(4, 22, Simulation.Dialect.JIMBOT, List.of(),
                        2, engine.httpUri()), Simulation.http(engine.httpUri()));
                assertThat(during.failed()).as("every batch acknowledged while the graph is down").isZero();
                System.out.printf("graph outage: before %s; during %s%n", before, during);
                await("projector reports the outage", Duration.ofSeconds(60),
                        () -> engine.projectorStatus().failing().isPresent());
                assertThat(engine.lagEvents()).isPositive();
                long behind = engine.lagEvents();

                try (GraphDatabaseProcess again = GraphDatabaseProcess.start(graphFiles, port)) {
                    long t0 = System.nanoTime();
                    await("projector resumed and caught up", Duration.ofSeconds(120), () -> engine.lagEvents() == 0);
                    System.out.printf("graph back: %d events caught up in %d ms%n", behind,
                            (System.nanoTime() - t0) / 1_000_000);
                    assertThat(engine.projectorStatus().failing()).isEmpty();
                    assertThat(engine.projectorStatus().quarantined()).as("an outage quarantines nothing").isZero();
                    live = dump(uri);
                    engine.close();
                    int code = new CommandLine(new Jimbot()).execute("graph", "rebuild", "--data-dir", data.toString(),
                            "--graph-uri", uri);
                    assertThat(code).isZero();
                    assertThat(dump(uri)).isEqualTo(live);
                }
            }
        }
        assertThat(live).anySatisfy(l -> assertThat(l).startsWith("N [Run]"));
    }
}
