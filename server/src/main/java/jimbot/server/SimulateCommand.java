package jimbot.server;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import jimbot.simulator.Planted;
import jimbot.simulator.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jimbot simulate}: plays synthetic runs through a running engine's HTTP intake, as the mods would send them. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Plays synthetic but plausible runs (antes, blinds, shops, jokers bought and sold, hands, deaths",
                "and wins) and sends them to an engine exactly as the chosen BalatroMCP mod would."})
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--runs", paramLabel = "N", description = "How many runs (default 10).")
    int runs = 10;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed: the same seed plays the same runs (default 1).")
    long seed = 1;

    @Option(names = "--dialect", paramLabel = "jimbot|standalone", description = "Which mod's wire (default jimbot).")
    String dialect = "jimbot";

    @Option(names = "--target", paramLabel = "URL", description = "The engine (default http://127.0.0.1:8080).")
    URI target = URI.create("http://127.0.0.1:8080");

    @Option(names = "--clients", paramLabel = "N", description = "Game instances posting in parallel (default 1).")
    int clients = 1;

    @Option(names = "--pool", paramLabel = "N",
            description = "How many different jokers the shops offer: the planted ones and others drawn by the seed (default 0: all).")
    int pool;

    @Option(names = "--plant", paramLabel = "A+B=F",
            description = "A planted truth: runs holding both jokers score F times as much (repeatable), e.g. --plant \"Greedy Joker+Lusty Joker=1.6\".")
    List<String> plant = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Simulation.Config config;
        try {
            Simulation.Dialect d = switch (dialect.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "jimbot" -> Simulation.Dialect.JIMBOT;
                case "standalone" -> Simulation.Dialect.STANDALONE;
                default -> throw new IllegalArgumentException("--dialect is '" + dialect + "'; expected jimbot or standalone");
            };
            List<Planted> planted = plant.stream().map(Planted::parse).toList();
            config = new Simulation.Config(runs, seed, d, planted, clients, target, pool);
        } catch (IllegalArgumentException e) {
            System.err.println("jimbot simulate: " + e.getMessage());
            return 2;
        }
        Simulation.Summary summary = Simulation.run(config, Simulation.http(target));
        System.out.println("jimbot simulate: " + summary);
        return summary.failed() == 0 ? 0 : 1;
    }
}
