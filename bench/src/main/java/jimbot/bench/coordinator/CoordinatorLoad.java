package jimbot.bench.coordinator;

import com.google.protobuf.Duration;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import jimbot.api.grpc.GrpcServer;
import jimbot.coordinator.Coordinator;
import jimbot.coordinator.CoordinatorConfig;
import jimbot.coordinator.CoordinatorRpc;
import jimbot.coordinator.Kind;
import jimbot.coordinator.LeasesRpc;
import jimbot.coordinator.Outcome;
import jimbot.coordinator.PriorityClass;
import jimbot.coordinator.Request;
import jimbot.coordinator.Status;
import jimbot.coordinator.wire.Priority;
import jimbot.coordinator.wire.ReleaseRequest;
import jimbot.coordinator.wire.RequestStatus;
import jimbot.coordinator.wire.ResourceCoordinatorGrpc;
import jimbot.coordinator.wire.ResourceRequest;
import jimbot.coordinator.wire.ResourceResponse;
import jimbot.coordinator.wire.ResourceType;

/**
 * The resource coordinator under load (issue 7), in one process.
 *
 * <ol>
 *   <li>Round trip: 64 concurrent clients send a mixed stream of RequestResource calls (memory, CPU, GPU, Claude API;
 *   timeout zero so the answer is immediate) at a steady total rate over loopback gRPC, releasing what they are
 *   granted; p50, p99 and p99.9 of the RequestResource round trip. Baseline: the same mix called on the coordinator
 *   in the process, without gRPC.</li>
 *   <li>Fairness: one GPU with one slot, saturated by 8 workers in each priority class for the given seconds; each
 *   class's share of the slices against its weight's share.</li>
 * </ol>
 * Usage: {@code CoordinatorLoad <requests/s> <seconds> <clients> <fairness seconds>}; prints JSON lines.
 */
public final class CoordinatorLoad {

    private CoordinatorLoad() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int fairSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        CoordinatorConfig d = CoordinatorConfig.defaults();
        // four 24 GB GPUs with 8 slots each and 200 ms slices, so that the mixed load mostly fits and parked grants end
        CoordinatorConfig mixed = new CoordinatorConfig(List.of(24_000, 24_000, 24_000, 24_000), 8,
                java.time.Duration.ofMillis(200), d.maxLease(), d.weights(), d.memoryMb(), Map.of(), false, d.cpuCores(),
                new CoordinatorConfig.Claude(1_000_000, 1_000_000, 1_000_000_000L, 1_000_000_000L, 2000, 1000,
                        java.time.Duration.ofSeconds(2)), java.time.Duration.ofSeconds(1));
        try (Coordinator c = Coordinator.start(mixed, new SimpleMeterRegistry(), Clock.systemUTC())) {
            inProcess(c, rate, Math.max(5, seconds / 3), clients, "warmup");
            inProcess(c, rate, seconds, clients, "in-process");
        }
        try (Coordinator c = Coordinator.start(mixed, new SimpleMeterRegistry(), Clock.systemUTC());
             GrpcServer server = GrpcServer.start(new GrpcServer.Settings("127.0.0.1", 0, Optional.empty(),
                     java.time.Duration.ofSeconds(1)), List.of(new CoordinatorRpc(c, "bench"), new LeasesRpc(c)))) {
            List<ManagedChannel> channels = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                channels.add(Grpc.newChannelBuilderForAddress("127.0.0.1", server.port(), InsecureChannelCredentials.create())
                        .directExecutor().build());
            }
            overGrpc(channels, rate, Math.max(5, seconds / 3), clients, "warmup");
            overGrpc(channels, rate, seconds, clients, "grpc");
            channels.forEach(ManagedChannel::shutdownNow);
        }
        fairness(d, fairSeconds);
    }

    private static final Kind[] MIX = {Kind.MEMORY, Kind.MEMORY, Kind.MEMORY, Kind.MEMORY, Kind.CPU, Kind.CPU, Kind.CPU,
        Kind.GPU, Kind.GPU, Kind.CLAUDE_API};

    private static int quantity(Kind k, ThreadLocalRandom r) {
        return switch (k) {
            case MEMORY -> 1 + r.nextInt(256);
            case CPU -> 1;
            case GPU -> 100 + r.nextInt(2000);
            case CLAUDE_API -> 1;
        };
    }

    private interface Call {
        /** Sends one request; returns its round trip in nanoseconds. */
        long call(int n, Kind kind, int quantity, PriorityClass p) throws Exception;
    }

    /** Runs {@code clients} workers sharing a steady total rate (each paced open loop), collecting latencies. */
    private static void drive(int rate, int seconds, int clients, String phase, String transport, Call call) throws Exception {
        int total = rate * seconds;
        long[] latency = new long[total];
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime() + 50_000_000L;
        long interval = 1_000_000_000L / rate;
        Map<String, AtomicLong> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < clients; w++) {
                workers.add(pool.submit(() -> {
                    ThreadLocalRandom r = ThreadLocalRandom.current();
                    for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        long wait = start + i * interval - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        Kind k = MIX[r.nextInt(MIX.length)];
                        latency[(int) i] = call.call((int) i, k, quantity(k, r), PriorityClass.values()[r.nextInt(4)]);
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        }
        if (phase.equals("warmup")) {
            return;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = Arrays.stream(latency).filter(x -> x > 0).sorted().toArray();
        System.out.printf(Locale.ROOT, "{\"phase\":\"round-trip\",\"transport\":\"%s\",\"clients\":%d,\"target_rate\":%d,"
                        + "\"achieved_rate\":%.0f,\"requests\":%d,\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"p999_ms\":%.3f,\"max_ms\":%.3f}%n",
                transport, clients, rate, sorted.length / elapsed, sorted.length, at(sorted, 0.5), at(sorted, 0.99),
                at(sorted, 0.999), sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)] / 1e6;
    }

    private static void inProcess(Coordinator c, int rate, int seconds, int clients, String phase) throws Exception {
        drive(rate, seconds, clients, phase, "in-process", (n, k, q, p) -> {
            long t0 = System.nanoTime();
            Outcome o = c.request(new Request(phase + n, "bench", k, q, p, java.time.Duration.ZERO, java.time.Duration.ZERO,
                    Map.of()));
            long rt = System.nanoTime() - t0;
            if (o.status() == Status.GRANTED) {
                c.release("", o.lease().orElseThrow().token(), "");
            }
            return Math.max(1, rt);
        });
    }

    private static void overGrpc(List<ManagedChannel> channels, int rate, int seconds, int clients, String phase) throws Exception {
        drive(rate, seconds, clients, phase, "grpc", (n, k, q, p) -> {
            ResourceCoordinatorGrpc.ResourceCoordinatorBlockingStub stub =
                    ResourceCoordinatorGrpc.newBlockingStub(channels.get(n % channels.size()));
            long t0 = System.nanoTime();
            ResourceResponse r = stub.requestResource(ResourceRequest.newBuilder().setRequestId(phase + n).setComponent("bench")
                    .setResource(switch (k) {
                        case GPU -> ResourceType.RESOURCE_TYPE_GPU;
                        case CLAUDE_API -> ResourceType.RESOURCE_TYPE_CLAUDE_API;
                        case MEMORY -> ResourceType.RESOURCE_TYPE_MEMORY;
                        case CPU -> ResourceType.RESOURCE_TYPE_CPU;
                    }).setQuantity(q).setPriority(Priority.forNumber(p.ordinal() + 1)).build());
            long rt = System.nanoTime() - t0;
            if (r.getStatus() == RequestStatus.REQUEST_STATUS_GRANTED) {
                stub.releaseResource(ReleaseRequest.newBuilder().setToken(r.getToken()).build());
            }
            return Math.max(1, rt);
        });
    }

    private static void fairness(CoordinatorConfig config, int seconds) throws Exception {
        Map<PriorityClass, AtomicLong> grants = new EnumMap<>(PriorityClass.class);
        try (Coordinator c = Coordinator.start(config, new SimpleMeterRegistry(), Clock.systemUTC());
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            long until = System.nanoTime() + seconds * 1_000_000_000L;
            List<Future<?>> workers = new ArrayList<>();
            for (PriorityClass p : PriorityClass.values()) {
                grants.put(p, new AtomicLong());
                for (int w = 0; w < 8; w++) {
                    int worker = w;
                    workers.add(pool.submit(() -> {
                        long i = 0;
                        while (System.nanoTime() < until) {
                            Outcome o = c.request(new Request(p + "-" + worker + "-" + i++, "bench", Kind.GPU, 1000, p,
                                    java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(1), Map.of()));
                            if (o.status() == Status.GRANTED) {
                                if (System.nanoTime() < until) {
                                    grants.get(p).incrementAndGet();
                                }
                                LockSupport.parkNanos(200_000); // the slice's work
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
        long total = grants.values().stream().mapToLong(AtomicLong::get).sum();
        double weights = config.weights().values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder b = new StringBuilder();
        double worst = 0;
        for (PriorityClass p : PriorityClass.values()) {
            double share = grants.get(p).get() / (double) total;
            double expected = config.weights().get(p) / weights;
            worst = Math.max(worst, Math.abs(share - expected) / expected);
            b.append(String.format(Locale.ROOT, ",\"%s\":{\"slices\":%d,\"share\":%.4f,\"weight_share\":%.4f}",
                    p.name().toLowerCase(Locale.ROOT), grants.get(p).get(), share, expected));
        }
        System.out.printf(Locale.ROOT, "{\"phase\":\"fairness\",\"seconds\":%d,\"slices\":%d,\"worst_relative_error\":%.4f%s}%n",
                seconds, total, worst, b);
    }
}
