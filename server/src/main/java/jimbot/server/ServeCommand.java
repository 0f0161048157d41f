package jimbot.server;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code jimbot serve}: runs the engine until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the engine on its embedded defaults and prints where it listens.",
                "Settings come from jimbot-defaults.yaml, then --config, then JIMBOT_* environment variables,",
                "then -Djimbot.* system properties, then these options (the last one wins)."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    EngineOptions options;

    @Override
    public Integer call() throws Exception {
        EngineConfig config;
        try {
            config = options.load();
        } catch (IllegalArgumentException e) {
            System.err.println("jimbot serve: " + e.getMessage());
            return 2;
        }
        Engine engine;
        try {
            engine = Engine.start(config);
        } catch (StartupFailure e) {
            System.Logger log = System.getLogger(ServeCommand.class.getName());
            log.log(System.Logger.Level.DEBUG, "start-up failed", e);
            System.err.println("jimbot serve: " + e.getMessage());
            return 1;
        } catch (IllegalStateException e) {
            // a wrong class path: two modules with one name, a broken module jar
            System.err.println("jimbot serve: " + e.getMessage());
            return 1;
        }
        StopSignals stop = StopSignals.install();
        // Anything else that ends the JVM (System.exit elsewhere, SIGHUP) still closes the stores; close is idempotent.
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("jimbot-shutdown").unstarted(engine::close));
        System.out.println("JimBot Engine listening:");
        System.out.println("  HTTP  " + engine.httpUri() + "  (BalatroMCP: /game-data, /api/v1/events/batch; /health, /metrics)");
        System.out.println("  gRPC  " + engine.grpcTarget() + "  (EventBus, Commands, Strategy, Graph, ResourceCoordinator, Leases; health, reflection"
                + (config.grpcToken().isPresent() ? "; bearer token required)" : ")"));
        System.out.println("  Bolt  " + engine.boltUri().map(u -> u + "  (embedded graph database; cypher-shell -a " + u + ")")
                .orElse(config.graph().uri().map(u -> u + "  (external graph database)").orElse("")));
        System.out.println("  data  " + config.dataDir());
        System.out.flush();
        stop.await();
        engine.close();
        return 0;
    }
}
