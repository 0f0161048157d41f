package jimbot.coordinator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Grants, queues, expires and releases leases on the shared resources. One lock guards all state; every operation
 * under it is a few map and queue steps, so a grant costs microseconds. Waiting happens outside the lock, on the
 * caller's (virtual) thread; a sweeper thread expires leases, gives up queued requests at their deadline and retries
 * rate-limited requests when their buckets refill.
 */
public final class Coordinator implements AutoCloseable {

    private static final Duration SWEEP_MAX = Duration.ofSeconds(1);
    private static final int MAX_SERIES = 500;

    /** A request waiting for a grant. */
    private static final class Waiting {
        final Request request;
        final Instant since;
        final Instant giveUpAt;
        /** Answered QUEUED and left waiting (timeout zero): the sweeper gives it up; else its caller does. */
        final boolean parked;
        final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

        Waiting(Request request, Instant since, Instant giveUpAt, boolean parked) {
            this.request = request;
            this.since = since;
            this.giveUpAt = giveUpAt;
            this.parked = parked;
        }
    }

    /** What the coordinator knows of a request id: waiting, holding a lease, or finished. */
    private record Known(Optional<Waiting> waiting, Optional<Lease> lease, Optional<Outcome> finished) {
    }

    /** Capacity, use and the leases of one resource at one moment. */
    public record Snapshot(Kind kind, long capacity, long allocated, int queued, List<Lease> leases) {
    }

    private final CoordinatorConfig config;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Condition changed = lock.newCondition();
    private final Map<Kind, Pool> pools = new EnumMap<>(Kind.class);
    private final Map<Kind, FairQueue<Waiting>> queues = new EnumMap<>(Kind.class);
    private final Map<String, Known> byId = new HashMap<>();
    /** Requests answered QUEUED and waiting on their own, for the sweeper to give up at their deadline. */
    private final java.util.Set<Waiting> parked = new java.util.LinkedHashSet<>();
    /** Finished request ids in the order they finished, forgotten after the queue TTL (a repeat ask within it is answered). */
    private final java.util.ArrayDeque<Map.Entry<Instant, String>> finishedOrder = new java.util.ArrayDeque<>();
    private final Map<String, Counter> counters = new java.util.concurrent.ConcurrentHashMap<>();
    private Instant sweeperNext = Instant.MAX;
    private final Map<String, Lease> byToken = new HashMap<>();
    private final PriorityQueue<Lease> expiries = new PriorityQueue<>(Comparator.comparing(Lease::expiresAt));
    private final ClaudeApi claude;
    private final MeterRegistry meters;
    private final Map<Kind, Timer> waits = new EnumMap<>(Kind.class);
    private final Map<Kind, Timer> held = new EnumMap<>(Kind.class);
    private final Thread sweeper;
    private final Instant started;
    private long version;
    private volatile boolean closed;

    private Coordinator(CoordinatorConfig config, MeterRegistry meters, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.meters = meters;
        this.started = clock.instant();
        this.claude = new ClaudeApi(config.claude());
        pools.put(Kind.GPU, new Pool.Gpus(config.gpuDevicesMb(), config.gpuSlotsPerDevice()));
        pools.put(Kind.CLAUDE_API, claude);
        pools.put(Kind.MEMORY, new Pool.Memory(config.memoryMb(), config.memoryBudgetsMb(), config.queueOverBudget()));
        pools.put(Kind.CPU, Pool.counting(Kind.CPU, config.cpuCores(), "cores"));
        for (Kind k : Kind.values()) {
            queues.put(k, new FairQueue<>(config.weights()));
            String tag = tag(k);
            Gauge.builder("jimbot.coordinator.capacity", pools.get(k), p -> locked(p::capacity)).tag("resource", tag)
                    .description("What the resource has: MB, requests per hour or cores").register(meters);
            Gauge.builder("jimbot.coordinator.allocated", pools.get(k), p -> locked(p::allocated)).tag("resource", tag)
                    .description("What is granted now (Claude API: requests spent this hour)").register(meters);
            Gauge.builder("jimbot.coordinator.utilisation", pools.get(k), p -> locked(() -> p.capacity() == 0 ? 0
                    : (double) p.allocated() / p.capacity())).tag("resource", tag).register(meters);
            Gauge.builder("jimbot.coordinator.queue.depth", queues.get(k), q -> locked(q::size)).tag("resource", tag)
                    .description("Requests waiting for a grant").register(meters);
            waits.put(k, Timer.builder("jimbot.coordinator.wait").tag("resource", tag).publishPercentileHistogram()
                    .description("From request to grant").register(meters));
            held.put(k, Timer.builder("jimbot.coordinator.lease.duration").tag("resource", tag).publishPercentileHistogram()
                    .description("From grant to release or expiry").register(meters));
        }
        this.sweeper = Thread.ofVirtual().name("coordinator-sweeper").start(this::sweep);
    }

    /** Starts a coordinator (and its sweeper thread); close it to stop. */
    public static Coordinator start(CoordinatorConfig config, MeterRegistry meters, Clock clock) {
        return new Coordinator(config, meters, clock);
    }

    private <T extends Number> double locked(java.util.function.Supplier<T> read) {
        lock.lock();
        try {
            return read.get().doubleValue();
        } finally {
            lock.unlock();
        }
    }

    static String tag(Kind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }

    public CoordinatorConfig config() {
        return config;
    }

    public Instant started() {
        return started;
    }

    private void count(Kind kind, String given, String outcome, String reason) {
        // component names come from clients: past a few hundred series, new ones share one, so /metrics stays bounded
        String component = counters.size() < MAX_SERIES || counters.containsKey(kind + "\0" + given + "\0" + outcome + "\0" + reason)
                ? given : "other";
        counters.computeIfAbsent(kind + "\0" + component + "\0" + outcome + "\0" + reason, k ->
                Counter.builder("jimbot.coordinator.requests").tag("resource", tag(kind)).tag("component", component)
                        .tag("outcome", outcome).tag("reason", reason).description("Requests by what became of them")
                        .register(meters)).increment();
    }

    /**
     * Grants the request, or waits up to its timeout in fair-share order. A timeout of zero answers at once: QUEUED
     * when it must wait (it keeps its place for the queue TTL; ask again with the same id to learn the outcome).
     */
    public Outcome request(Request r) throws InterruptedException {
        Waiting waiting;
        lock.lock();
        try {
            Known known = byId.get(r.id());
            if (known != null && known.lease().isPresent()) {
                return Outcome.granted(known.lease().get());
            }
            if (known != null && known.waiting().isPresent()) {
                waiting = known.waiting().get();
                if (r.timeout().isZero()) {
                    return waiting.outcome.getNow(queuedNow(waiting));
                }
            } else {
                Optional<String> refused = r.quantity() <= 0 ? Optional.of("quantity must be positive, got " + r.quantity())
                        : pools.get(r.kind()).refuse(r);
                if (refused.isPresent()) {
                    count(r.kind(), r.component(), "denied", "refused");
                    return remember(r, Outcome.of(Status.DENIED, refused.get()));
                }
                Instant now = clock.instant();
                FairQueue<Waiting> queue = queues.get(r.kind());
                if (queue.size() == 0) {
                    Optional<Lease> lease = pools.get(r.kind()).take(r, draft(r, now));
                    if (lease.isPresent()) {
                        grant(lease.get(), Duration.ZERO);
                        return Outcome.granted(lease.get());
                    }
                }
                Duration patience = r.timeout().isZero() ? config.queueTtl() : r.timeout();
                waiting = new Waiting(r, now, now.plus(patience), r.timeout().isZero());
                queue.add(r.priority(), waiting);
                byId.put(r.id(), new Known(Optional.of(waiting), Optional.empty(), Optional.empty()));
                dispatch(r.kind());
                if (waiting.parked && !waiting.outcome.isDone()) {
                    parked.add(waiting);
                    wakeBy(waiting.giveUpAt);
                }
                if (r.kind() == Kind.CLAUDE_API) {
                    wake.signalAll(); // its retry time depends on the buckets' refill
                }
                if (waiting.outcome.isDone()) {
                    return waiting.outcome.getNow(null);
                }
                if (r.timeout().isZero()) {
                    count(r.kind(), r.component(), "queued", "busy");
                    return Outcome.of(Status.QUEUED, "queued behind " + queue.ahead(r.priority(), waiting)
                            + " of its class: " + pools.get(r.kind()).busy(r));
                }
            }
        } finally {
            lock.unlock();
        }
        return await(waiting, r.timeout());
    }

    /** Waits outside the lock for the grant, up to a positive timeout. */
    private Outcome await(Waiting waiting, Duration timeout) throws InterruptedException {
        try {
            return waiting.outcome.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return giveUp(waiting, "not granted within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            giveUp(waiting, "the caller went away");
            throw e;
        }
    }

    /** Under the lock. */
    private Outcome queuedNow(Waiting w) {
        return Outcome.of(Status.QUEUED, "still queued: " + pools.get(w.request.kind()).busy(w.request));
    }

    /** Takes a waiting request out of its queue (unless it was granted meanwhile) and denies it with the reason. */
    private Outcome giveUp(Waiting w, String why) {
        lock.lock();
        try {
            if (w.outcome.isDone()) {
                return w.outcome.getNow(null);
            }
            queues.get(w.request.kind()).remove(w.request.priority(), w);
            parked.remove(w);
            Outcome denied = Outcome.of(Status.DENIED, why + ": " + pools.get(w.request.kind()).busy(w.request));
            count(w.request.kind(), w.request.component(), "denied", "timeout");
            w.outcome.complete(denied);
            remember(w.request, denied);
            bump();
            return denied;
        } finally {
            lock.unlock();
        }
    }

    private Outcome remember(Request r, Outcome o) {
        boolean finished = o.status() != Status.GRANTED;
        byId.put(r.id(), new Known(Optional.empty(), o.lease(), finished ? Optional.of(o) : Optional.empty()));
        if (finished) {
            Instant now = clock.instant();
            finishedOrder.addLast(Map.entry(now, r.id()));
            Instant forget = now.minus(config.queueTtl());
            while (!finishedOrder.isEmpty() && finishedOrder.peekFirst().getKey().isBefore(forget)) {
                String id = finishedOrder.pollFirst().getValue();
                Known k = byId.get(id);
                if (k != null && k.finished().isPresent()) {
                    byId.remove(id);
                }
            }
        }
        return o;
    }

    /** Wakes the sweeper if it would otherwise sleep past {@code at}. */
    private void wakeBy(Instant at) {
        if (at.isBefore(sweeperNext)) {
            wake.signalAll();
        }
    }

    private Lease draft(Request r, Instant now) {
        Duration d = r.duration().isZero() ? switch (r.kind()) {
            case GPU -> config.slice();
            case CLAUDE_API -> config.claude().lease();
            case MEMORY, CPU -> config.maxLease();
        } : r.duration();
        if (d.compareTo(config.maxLease()) > 0) {
            d = config.maxLease();
        }
        return new Lease(r, UUID.randomUUID().toString(), now, now.plus(d), -1, 0, 0, "");
    }

    private void grant(Lease lease, Duration waited) {
        Request r = lease.request();
        byToken.put(lease.token(), lease);
        expiries.add(lease);
        wakeBy(lease.expiresAt());
        remember(r, Outcome.granted(lease));
        waits.get(r.kind()).record(waited);
        count(r.kind(), r.component(), "granted", "");
        bump();
    }

    /** Grants waiting requests of a kind in fair-share order, while the next one fits. */
    private void dispatch(Kind kind) {
        FairQueue<Waiting> queue = queues.get(kind);
        Pool pool = pools.get(kind);
        Instant now = clock.instant();
        while (true) {
            PriorityClass next = queue.nextClass();
            if (next == null) {
                return;
            }
            Waiting w = queue.peek(next);
            // strict fair order: if the class whose turn it is cannot fit, nobody jumps it (no starvation of large asks)
            Optional<Lease> lease = pool.take(w.request, draft(w.request, now));
            if (lease.isEmpty()) {
                return;
            }
            queue.grant(next);
            parked.remove(w);
            grant(lease.get(), Duration.between(w.since, now));
            w.outcome.complete(Outcome.granted(lease.get()));
        }
    }

    /** Releases a lease by its token, or by request id (with the component that holds it, when no token is given). */
    public Outcome release(String requestId, String token, String component) {
        lock.lock();
        try {
            Lease lease = !token.isBlank() ? byToken.get(token) : null;
            if (lease == null && !requestId.isBlank()) {
                Known known = byId.get(requestId);
                if (known != null && known.waiting().isPresent()) {
                    Waiting w = known.waiting().get();
                    if (!component.isBlank() && !component.equals(w.request.component())) {
                        return Outcome.of(Status.DENIED, "request " + requestId + " belongs to " + w.request.component());
                    }
                    queues.get(w.request.kind()).remove(w.request.priority(), w);
                    parked.remove(w);
                    Outcome cancelled = Outcome.of(Status.RELEASED, "cancelled while queued");
                    w.outcome.complete(cancelled);
                    remember(w.request, cancelled);
                    bump();
                    return cancelled;
                }
                lease = known == null ? null : known.lease().orElse(null);
                if (lease != null && !token.isBlank() && !token.equals(lease.token())) {
                    return Outcome.of(Status.DENIED, "wrong token for request " + requestId);
                }
                if (lease != null && token.isBlank() && !component.isBlank() && !component.equals(lease.request().component())) {
                    return Outcome.of(Status.DENIED, "request " + requestId + " is held by " + lease.request().component());
                }
            }
            if (lease == null) {
                Known known = requestId.isBlank() ? null : byId.get(requestId);
                return Outcome.of(Status.DENIED, known != null && known.finished().isPresent()
                        ? "nothing to release: the request was " + known.finished().get().status().name().toLowerCase(Locale.ROOT)
                        : "no lease with that token or request id");
            }
            end(lease, Status.RELEASED);
            return new Outcome(Status.RELEASED, "released", Optional.of(lease));
        } finally {
            lock.unlock();
        }
    }

    private void end(Lease lease, Status how) {
        byToken.remove(lease.token());
        expiries.remove(lease);
        pools.get(lease.request().kind()).giveBack(lease);
        held.get(lease.request().kind()).record(Duration.between(lease.grantedAt(), clock.instant()));
        count(lease.request().kind(), lease.request().component(), how.name().toLowerCase(Locale.ROOT), "");
        remember(lease.request(), Outcome.of(how, how == Status.EXPIRED ? "expired at " + lease.expiresAt() : "released"));
        dispatch(lease.request().kind());
    }

    /**
     * Extends a lease from now; refused once it ended, past the longest lease, and for a GPU lease while others wait
     * (they get the next slice instead: release and ask again).
     */
    public Outcome renew(String requestId, String token, Duration extendBy) {
        lock.lock();
        try {
            Lease lease = byToken.get(token);
            if (lease == null || !lease.request().id().equals(requestId) && !requestId.isBlank()) {
                return Outcome.of(Status.DENIED, "no live lease with that token (it expired or was released)");
            }
            if (lease.request().kind() == Kind.GPU && queues.get(Kind.GPU).size() > 0) {
                return Outcome.of(Status.DENIED, queues.get(Kind.GPU).size() + " requests wait for a GPU slice: release and ask again");
            }
            Duration by = extendBy.isZero() ? Duration.between(lease.grantedAt(), lease.expiresAt()) : extendBy;
            Instant until = clock.instant().plus(by);
            Instant limit = lease.grantedAt().plus(config.maxLease());
            if (until.isAfter(limit)) {
                return Outcome.of(Status.DENIED, "a lease may last at most " + config.maxLease() + " from its grant");
            }
            Lease renewed = lease.renewedUntil(until);
            expiries.remove(lease);
            expiries.add(renewed);
            byToken.put(token, renewed);
            remember(renewed.request(), Outcome.granted(renewed));
            bump();
            return Outcome.granted(renewed);
        } finally {
            lock.unlock();
        }
    }

    /** Releases a Claude API reservation with its real usage; returns the input and output tokens given back. */
    public Optional<long[]> reportUsage(String requestId, String token, long input, long output) {
        lock.lock();
        try {
            Lease lease = byToken.get(token);
            if (lease == null || lease.request().kind() != Kind.CLAUDE_API || !requestId.isBlank() && !lease.request().id().equals(requestId)) {
                return Optional.empty();
            }
            long[] back = claude.reconcile(lease, Math.max(0, input), Math.max(0, output));
            end(lease, Status.RELEASED);
            return Optional.of(back);
        } finally {
            lock.unlock();
        }
    }

    /** Where each resource stands now. */
    public List<Snapshot> snapshot() {
        lock.lock();
        try {
            Map<Kind, List<Lease>> leases = new EnumMap<>(Kind.class);
            for (Kind k : Kind.values()) {
                leases.put(k, new ArrayList<>());
            }
            byToken.values().stream().sorted(Comparator.comparing(Lease::grantedAt))
                    .forEach(l -> leases.get(l.request().kind()).add(l));
            List<Snapshot> out = new ArrayList<>();
            for (Kind k : Kind.values()) {
                out.add(new Snapshot(k, pools.get(k).capacity(), pools.get(k).allocated(), queues.get(k).size(),
                        List.copyOf(leases.get(k))));
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** True once the coordinator is stopping. */
    public boolean closed() {
        return closed;
    }

    /** A number that changes whenever anything is granted, queued, released or expired. */
    public long version() {
        lock.lock();
        try {
            return version;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the version passes {@code seen} or the timeout ends; returns the version. */
    public long awaitChange(long seen, Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long left = timeout.toNanos();
            while (version == seen && left > 0 && !closed) {
                left = changed.awaitNanos(left);
            }
            return version;
        } finally {
            lock.unlock();
        }
    }

    private void bump() {
        version++;
        changed.signalAll();
    }

    private void sweep() {
        lock.lock();
        try {
            while (!closed) {
                Instant now = clock.instant();
                while (!expiries.isEmpty() && !expiries.peek().expiresAt().isAfter(now)) {
                    end(expiries.poll(), Status.EXPIRED);
                }
                Instant next = now.plus(SWEEP_MAX);
                for (Kind k : Kind.values()) {
                    dispatch(k);
                }
                for (Waiting w : List.copyOf(parked)) {
                    if (!w.outcome.isDone() && !w.giveUpAt.isAfter(now)) {
                        giveUp(w, "not granted within the queue TTL of " + config.queueTtl().toSeconds() + " s"); // the lock is reentrant
                    } else if (!w.outcome.isDone() && w.giveUpAt.isBefore(next)) {
                        next = w.giveUpAt;
                    }
                }
                if (!expiries.isEmpty() && expiries.peek().expiresAt().isBefore(next)) {
                    next = expiries.peek().expiresAt();
                }
                FairQueue<Waiting> claudeQueue = queues.get(Kind.CLAUDE_API);
                PriorityClass c = claudeQueue.nextClass();
                if (c != null) {
                    long nanos = Math.max(1_000_000, claude.nanosUntilFits(claudeQueue.peek(c).request));
                    Instant refill = now.plusNanos(nanos);
                    if (refill.isBefore(next)) {
                        next = refill;
                    }
                }
                sweeperNext = next;
                long waitNanos = Math.max(1_000_000, Duration.between(clock.instant(), next).toNanos());
                wake.awaitNanos(waitNanos);
                sweeperNext = Instant.MIN; // awake: nobody needs to wake it
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        sweeper.interrupt();
        try {
            sweeper.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
