package jimbot.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The coordinator on the real clock: grants, fair queues, expiry, budgets, Claude limits, never over-committing. */
class CoordinatorTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Coordinator coordinator;

    @AfterEach
    void stop() {
        if (coordinator != null) {
            coordinator.close();
        }
    }

    private Coordinator start(CoordinatorConfig config) {
        coordinator = Coordinator.start(config, meters, Clock.systemUTC());
        return coordinator;
    }

    private static CoordinatorConfig withClaude(CoordinatorConfig c, CoordinatorConfig.Claude claude) {
        return new CoordinatorConfig(c.gpuDevicesMb(), c.gpuSlotsPerDevice(), c.slice(), c.maxLease(), c.weights(), c.memoryMb(),
                c.memoryBudgetsMb(), c.queueOverBudget(), c.cpuCores(), claude, c.queueTtl());
    }

    private static Request gpu(String id, PriorityClass p, int mb, Duration timeout, Duration duration) {
        return new Request(id, "ray_rllib", Kind.GPU, mb, p, timeout, duration, Map.of());
    }

    @Test
    void aGpuSliceIsExclusiveAndTheNextOneIsGrantedOnRelease() throws Exception {
        Coordinator c = start(CoordinatorConfig.defaults());
        Outcome first = c.request(gpu("a", PriorityClass.HIGH, 8000, Duration.ZERO, Duration.ofSeconds(30)));
        assertThat(first.status()).isEqualTo(Status.GRANTED);
        assertThat(first.lease().orElseThrow().expiresAt()).isAfter(first.lease().orElseThrow().grantedAt());
        Outcome second = c.request(gpu("b", PriorityClass.NORMAL, 1000, Duration.ZERO, Duration.ofSeconds(30)));
        assertThat(second.status()).isEqualTo(Status.QUEUED);
        assertThat(second.message()).contains("GPU 0: 1/1 slots");
        assertThat(c.release("a", first.lease().orElseThrow().token(), "").status()).isEqualTo(Status.RELEASED);
        Outcome again = c.request(gpu("b", PriorityClass.NORMAL, 1000, Duration.ZERO, Duration.ofSeconds(30)));
        assertThat(again.status()).isEqualTo(Status.GRANTED);
        assertThat(c.release("a", "", "").message()).contains("released");
    }

    @Test
    void aLeaseNotRenewedIsReclaimedAndAWaiterGetsIt() throws Exception {
        Coordinator c = start(CoordinatorConfig.defaults());
        Outcome held = c.request(gpu("a", PriorityClass.LOW, 20_000, Duration.ZERO, Duration.ofMillis(150)));
        assertThat(held.status()).isEqualTo(Status.GRANTED);
        assertThat(c.renew("a", held.lease().orElseThrow().token(), Duration.ofMillis(150)).status()).isEqualTo(Status.GRANTED);
        long t0 = System.nanoTime();
        Outcome waiter = c.request(gpu("b", PriorityClass.LOW, 20_000, Duration.ofSeconds(5), Duration.ofSeconds(1)));
        assertThat(waiter.status()).isEqualTo(Status.GRANTED);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThan(Duration.ofMillis(100));
        assertThat(c.release("a", held.lease().orElseThrow().token(), "").message()).contains("expired");
        assertThat(c.renew("a", held.lease().orElseThrow().token(), Duration.ZERO).status()).isEqualTo(Status.DENIED);
    }

    @Test
    void aRequestThatCannotBeGrantedInTimeIsDeniedWithTheReason() throws Exception {
        Coordinator c = start(CoordinatorConfig.defaults());
        c.request(gpu("a", PriorityClass.CRITICAL, 1000, Duration.ZERO, Duration.ofSeconds(30)));
        Outcome late = c.request(gpu("b", PriorityClass.CRITICAL, 1000, Duration.ofMillis(100), Duration.ofSeconds(1)));
        assertThat(late.status()).isEqualTo(Status.DENIED);
        assertThat(late.message()).contains("not granted within 100 ms").contains("slots");
        Outcome huge = c.request(gpu("c", PriorityClass.CRITICAL, 30_000, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThat(huge.status()).isEqualTo(Status.DENIED);
        assertThat(huge.message()).contains("largest GPU has 24000 MB");
    }

    @Test
    void memoryBudgetsPerComponent() throws Exception {
        Coordinator c = start(CoordinatorConfig.defaults());
        Request ray = new Request("m1", "ray_rllib", Kind.MEMORY, 6000, PriorityClass.HIGH, Duration.ZERO, Duration.ZERO, Map.of());
        assertThat(c.request(ray).status()).isEqualTo(Status.GRANTED);
        Outcome over = c.request(new Request("m2", "ray_rllib", Kind.MEMORY, 4000, PriorityClass.HIGH, Duration.ZERO,
                Duration.ZERO, Map.of()));
        assertThat(over.status()).isEqualTo(Status.DENIED);
        assertThat(over.message()).contains("'ray' budget").contains("6000 of 8192");
        assertThat(c.request(new Request("m3", "analytics", Kind.MEMORY, 4000, PriorityClass.LOW, Duration.ZERO,
                Duration.ZERO, Map.of())).status()).isEqualTo(Status.GRANTED);
        Coordinator.Snapshot memory = c.snapshot().get(Kind.MEMORY.ordinal());
        assertThat(memory.allocated()).isEqualTo(10_000);
        assertThat(memory.leases()).extracting(l -> l.request().id()).containsExactly("m1", "m3");
    }

    @Test
    void claudeRequestsAndTokensAreRateLimitedAndSettled() throws Exception {
        Coordinator c = start(withClaude(CoordinatorConfig.defaults(),
                new CoordinatorConfig.Claude(3, 50, 10_000, 2_000, 1_000, 500, Duration.ofMinutes(1))));
        List<Outcome> granted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            granted.add(c.request(new Request("c" + i, "claude_advisor", Kind.CLAUDE_API, 1, PriorityClass.NORMAL,
                    Duration.ZERO, Duration.ZERO, Map.of("model", "claude-sonnet", "input_tokens", "3000"))));
        }
        assertThat(granted).extracting(Outcome::status).containsOnly(Status.GRANTED);
        Outcome fourth = c.request(new Request("c3", "claude_advisor", Kind.CLAUDE_API, 1, PriorityClass.NORMAL,
                Duration.ofMillis(50), Duration.ZERO, Map.of()));
        assertThat(fourth.status()).isEqualTo(Status.DENIED);
        assertThat(fourth.message()).contains("0 of 3 requests left this hour").contains("retry in");
        Lease first = granted.get(0).lease().orElseThrow();
        assertThat(first.tokensIn()).isEqualTo(3000);
        long[] back = c.reportUsage("c0", first.token(), 1200, 800).orElseThrow();
        assertThat(back).containsExactly(1800, -300);
        assertThat(c.reportUsage("c0", first.token(), 1, 1)).isEmpty();
        Outcome tooBig = c.request(new Request("c4", "claude_advisor", Kind.CLAUDE_API, 1, PriorityClass.NORMAL,
                Duration.ZERO, Duration.ZERO, Map.of("input_tokens", "20000")));
        assertThat(tooBig.status()).isEqualTo(Status.DENIED);
        assertThat(tooBig.message()).contains("10000");
    }

    @Test
    void underContentionGrantsFollowTheClassWeights() throws Exception {
        Coordinator c = start(CoordinatorConfig.defaults());
        Map<PriorityClass, AtomicLong> grants = new EnumMap<>(PriorityClass.class);
        long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> workers = new ArrayList<>();
            for (PriorityClass p : List.of(PriorityClass.LOW, PriorityClass.HIGH)) {
                grants.put(p, new AtomicLong());
                for (int w = 0; w < 4; w++) {
                    int worker = w;
                    workers.add(pool.submit(() -> {
                        int i = 0;
                        while (System.nanoTime() < until) {
                            Outcome o = c.request(gpu(p + "-" + worker + "-" + i++, p, 100, Duration.ofSeconds(5), Duration.ofSeconds(5)));
                            if (o.status() == Status.GRANTED) {
                                grants.get(p).incrementAndGet();
                                c.release("", o.lease().orElseThrow().token(), "");
                            }
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> f : workers) {
                f.get();
            }
        }
        double high = grants.get(PriorityClass.HIGH).get();
        double low = grants.get(PriorityClass.LOW).get();
        assertThat(high + low).isGreaterThan(200);
        assertThat(high / (high + low)).as("HIGH (weight 4) against LOW (weight 1): %s vs %s", high, low).isBetween(0.70, 0.90);
        assertThat(c.snapshot().get(Kind.GPU.ordinal()).allocated()).isZero();
    }

    @Test
    void neverOverCommitsMemoryUnderConcurrentRequests() throws Exception {
        Coordinator c = start(CoordinatorConfig.defaults());
        AtomicLong worst = new AtomicLong();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 16; w++) {
                int worker = w;
                workers.add(pool.submit(() -> {
                    java.util.Random random = new java.util.Random(worker);
                    for (int i = 0; i < 300; i++) {
                        Outcome o = c.request(new Request(worker + "-" + i, "worker" + worker, Kind.MEMORY, 1 + random.nextInt(6000),
                                PriorityClass.values()[random.nextInt(4)], Duration.ofMillis(random.nextInt(20)),
                                Duration.ofMillis(5 + random.nextInt(30)), Map.of()));
                        Coordinator.Snapshot s = c.snapshot().get(Kind.MEMORY.ordinal());
                        worst.accumulateAndGet(s.allocated(), Math::max);
                        if (o.status() == Status.GRANTED && random.nextBoolean()) {
                            c.release(o.lease().orElseThrow().request().id(), o.lease().orElseThrow().token(), "");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        }
        assertThat(worst.get()).isPositive().isLessThanOrEqualTo(32_768);
        Thread.sleep(100);
        assertThat(c.snapshot().get(Kind.MEMORY.ordinal()).allocated()).isZero(); // everything expired or was released
    }
}
