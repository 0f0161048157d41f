package jimbot.coordinator;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the coordinator shares out and how. Defaults are the deployment the contract describes: one 24 GB GPU, 32 GB
 * of host memory with per-component budgets, 16 cores, 100 Claude API requests an hour. Every check names its key.
 *
 * @param gpuDevicesMb memory of each GPU, in MB
 * @param gpuSlotsPerDevice leases running on one GPU at once (1: exclusive time slices)
 * @param slice the default GPU lease: one time slice
 * @param maxLease the longest any lease may run, renewals included
 * @param weights each priority class's share of grants under contention
 * @param memoryMb host memory to share
 * @param memoryBudgetsMb per-component memory budgets; a component not listed shares what is left
 * @param queueOverBudget over a component's budget: wait (true) or be denied at once (false)
 * @param cpuCores cores to share
 * @param claude the Claude API limits
 * @param queueTtl how long a request answered QUEUED (timeout zero) keeps its place
 */
public record CoordinatorConfig(List<Integer> gpuDevicesMb, int gpuSlotsPerDevice, Duration slice, Duration maxLease,
                                Map<PriorityClass, Integer> weights, int memoryMb, Map<String, Integer> memoryBudgetsMb,
                                boolean queueOverBudget, int cpuCores, Claude claude, Duration queueTtl) {

    /**
     * Claude API limits: the hourly request budget, and per model requests, input tokens and output tokens per minute.
     *
     * @param defaultInputTokens reserved when a request does not estimate its input tokens
     * @param defaultOutputTokens reserved when a request does not estimate its output tokens
     * @param lease how long a reservation lasts before it is released for the caller
     */
    public record Claude(int requestsPerHour, int requestsPerMinute, long inputTokensPerMinute, long outputTokensPerMinute,
                         long defaultInputTokens, long defaultOutputTokens, Duration lease) {
        public Claude {
            positive("jimbot.coordinator.claude.requests-per-hour", requestsPerHour);
            positive("jimbot.coordinator.claude.requests-per-minute", requestsPerMinute);
            positive("jimbot.coordinator.claude.input-tokens-per-minute", inputTokensPerMinute);
            positive("jimbot.coordinator.claude.output-tokens-per-minute", outputTokensPerMinute);
            positive("jimbot.coordinator.claude.default-input-tokens", defaultInputTokens);
            positive("jimbot.coordinator.claude.default-output-tokens", defaultOutputTokens);
            positive("jimbot.coordinator.claude.lease", lease.toMillis());
        }
    }

    public CoordinatorConfig {
        gpuDevicesMb = List.copyOf(gpuDevicesMb);
        gpuDevicesMb.forEach(mb -> positive("jimbot.coordinator.gpu.devices-mb", mb));
        positive("jimbot.coordinator.gpu.slots-per-device", gpuSlotsPerDevice);
        positive("jimbot.coordinator.gpu.slice", slice.toMillis());
        positive("jimbot.coordinator.max-lease", maxLease.toMillis());
        EnumMap<PriorityClass, Integer> w = new EnumMap<>(PriorityClass.class);
        for (PriorityClass c : PriorityClass.values()) {
            Integer weight = weights.get(c);
            positive("jimbot.coordinator.weights." + c.name().toLowerCase(java.util.Locale.ROOT), weight == null ? 0 : weight);
            w.put(c, weight);
        }
        weights = Map.copyOf(w);
        positive("jimbot.coordinator.memory-mb", memoryMb);
        memoryBudgetsMb = Map.copyOf(memoryBudgetsMb);
        memoryBudgetsMb.forEach((k, v) -> positive("jimbot.coordinator.memory-budgets-mb." + k, v));
        positive("jimbot.coordinator.cpu-cores", cpuCores);
        Objects.requireNonNull(claude, "claude");
        positive("jimbot.coordinator.queue-ttl", queueTtl.toMillis());
    }

    private static void positive(String key, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " is " + value + "; expected a positive value");
        }
    }

    /** The contract's deployment: an RTX 3090, a 32 GB host, training above Claude above inference above analytics. */
    public static CoordinatorConfig defaults() {
        return new CoordinatorConfig(List.of(24_000), 1, Duration.ofMillis(100), Duration.ofMinutes(10),
                Map.of(PriorityClass.LOW, 1, PriorityClass.NORMAL, 2, PriorityClass.HIGH, 4, PriorityClass.CRITICAL, 8),
                32_768, Map.of("event_bus", 2048, "resource_coordinator", 1024, "memgraph", 10_240, "ray", 8192,
                        "analytics", 5120, "game", 2048, "claude", 1024),
                false, 16, new Claude(100, 50, 40_000, 8_000, 2_000, 1_000, Duration.ofMinutes(2)), Duration.ofSeconds(30));
    }
}
