package jimbot.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays simulated runs and posts them to an engine's HTTP intake. Runs are spread over {@code clients} game
 * instances, each posting its runs one after another from its own {@code X-Jimbot-Instance}, so the intake segments
 * them as it would real games. Deterministic for a seed (the order of posts between clients aside).
 */
public final class Simulation {

    /** Which mod the runs speak. */
    public enum Dialect { JIMBOT, STANDALONE }

    /**
     * What to simulate.
     *
     * @param runs how many runs
     * @param seed the random seed (same seed, same runs)
     * @param dialect which mod's wire
     * @param planted joker pairs that scale a run's scores (the known truth)
     * @param clients game instances posting in parallel
     * @param target the engine, e.g. http://127.0.0.1:8080
     * @param pool how many different jokers the shops offer: the planted ones and others drawn by the seed (0: all),
     *     so that a planted pair is held together often enough to be found in a few hundred runs
     */
    public record Config(int runs, long seed, Dialect dialect, List<Planted> planted, int clients, URI target, int pool) {

        /** Every joker in the shops. */
        public Config(int runs, long seed, Dialect dialect, List<Planted> planted, int clients, URI target) {
            this(runs, seed, dialect, planted, clients, target, 0);
        }

        public Config {
            Objects.requireNonNull(dialect, "dialect");
            Objects.requireNonNull(target, "target");
            planted = List.copyOf(planted);
            if (runs < 1) {
                throw new IllegalArgumentException("--runs is " + runs + "; expected at least 1");
            }
            if (clients < 1) {
                throw new IllegalArgumentException("--clients is " + clients + "; expected at least 1");
            }
            if (pool < 0 || pool > 0 && pool < 2 * planted.size() + 1) {
                throw new IllegalArgumentException("--pool is " + pool + "; expected 0 (every joker) or more than the "
                        + 2 * planted.size() + " planted jokers");
            }
        }
    }

    /** What was sent. */
    public record Summary(int runs, int won, int maxAnte, long posts, long events, long failed, Duration took) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d runs (%d won, furthest ante %d): %d posts, %d events, %d failed, in %.1f s",
                    runs, won, maxAnte, posts, events, failed, took.toMillis() / 1000.0);
        }
    }

    /** Where posts go: an HTTP client in production, anything in tests. */
    @FunctionalInterface
    public interface Poster {
        /** Posts a JSON body to a path as a given game instance; returns the HTTP status. */
        int post(String path, String json, String instance) throws IOException, InterruptedException;
    }

    private Simulation() {
    }

    /** An HTTP poster to {@code target}. */
    public static Poster http(URI target) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return (path, json, instance) -> {
            HttpRequest req = HttpRequest.newBuilder(target.resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("User-Agent", "BalatroMCP/1.0")
                    .header("X-Jimbot-Instance", instance)
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build();
            return client.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        };
    }

    /** Plays and posts every run. */
    public static Summary run(Config config, Poster poster) throws InterruptedException {
        long t0 = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger won = new AtomicInteger();
        AtomicInteger maxAnte = new AtomicInteger();
        AtomicLong posts = new AtomicLong();
        AtomicLong events = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < config.clients(); c++) {
                String instance = "sim-" + c;
                clients.add(pool.submit(() -> {
                    int run;
                    while ((run = next.getAndIncrement()) < config.runs()) {
                        Random rnd = new Random(config.seed() * 1_000_003L + run);
                        Wire wire = config.dialect() == Dialect.JIMBOT ? new Wire.Jimbot(rnd) : new Wire.Standalone(rnd);
                        RunSimulator sim = new RunSimulator(rnd, config.planted(), shopPool(config));
                        sim.play(wire);
                        if (sim.ante > 8) {
                            won.incrementAndGet();
                        }
                        maxAnte.accumulateAndGet(sim.ante, Math::max);
                        for (Wire.Post p : wire.drain()) {
                            int status;
                            try {
                                status = poster.post(p.path(), p.body().toString(), instance);
                            } catch (IOException e) {
                                status = -1;
                            }
                            posts.incrementAndGet();
                            events.addAndGet(p.body().has("events") ? p.body().get("events").size() : 1);
                            if (status < 200 || status > 299) {
                                failed.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a simulated client failed", e.getCause());
                }
            }
        }
        return new Summary(config.runs(), won.get(), maxAnte.get(), posts.get(), events.get(), failed.get(),
                Duration.ofNanos(System.nanoTime() - t0));
    }

    /** The jokers the shops offer: every non-legendary joker, or the planted ones plus others drawn by the seed. */
    static List<jimbot.algorithms.catalog.JokerSpec> shopPool(Config config) {
        List<jimbot.algorithms.catalog.JokerSpec> all = jimbot.algorithms.catalog.JokerCatalog.vanilla().all().stream()
                .filter(s -> s.rarity() != jimbot.algorithms.catalog.Rarity.LEGENDARY).toList();
        if (config.pool() == 0) {
            return all;
        }
        java.util.LinkedHashSet<jimbot.algorithms.catalog.JokerSpec> pool = new java.util.LinkedHashSet<>();
        for (Planted p : config.planted()) {
            pool.add(p.a().spec());
            pool.add(p.b().spec());
        }
        List<jimbot.algorithms.catalog.JokerSpec> rest = new java.util.ArrayList<>(all);
        java.util.Collections.shuffle(rest, new java.util.Random(config.seed()));
        for (jimbot.algorithms.catalog.JokerSpec s : rest) {
            if (pool.size() >= config.pool()) {
                break;
            }
            pool.add(s);
        }
        return List.copyOf(pool);
    }
}
