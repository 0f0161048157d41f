package jimbot.server;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import jimbot.journal.Freshness;
import jimbot.journal.Journal;

/**
 * The engine's health, from what each part reports: the journal (can it make events durable?) and every consumer of
 * it (the graph projector, the live projection and each module on the change feed, later analytics) with its offset,
 * lag and state. Ingest keeps working while a consumer is behind or failed, so that makes the engine
 * {@code degraded} (still 200, which the standalone mod needs to keep sending), not down.
 */
final class EngineHealth {

    /** How the engine as a whole is doing. */
    enum Overall { OK, DEGRADED, UNAVAILABLE }

    /** A consumer's state. */
    enum State { OK, BEHIND, FAILED }

    /**
     * What one consumer reports.
     *
     * @param asOfOffset the last journal offset it reflects
     * @param failed why it is failing now (retrying) or has stopped, if it is
     * @param quarantined events it has skipped
     */
    record Probe(String name, long asOfOffset, Optional<String> failed, long quarantined) {
    }

    /** One consumer in the report. */
    record Consumer(String name, Freshness freshness, State state, long quarantined, Optional<String> error) {
    }

    /** The whole report. */
    record Report(Overall status, boolean serving, boolean journalWrites, List<Consumer> consumers, Map<String, Object> body) {
    }

    private final Journal journal;
    private final BooleanSupplier serving;
    private final Supplier<List<Probe>> probes;
    private final Duration behindAfter;
    private final Clock clock;

    EngineHealth(Journal journal, BooleanSupplier serving, Supplier<List<Probe>> probes, Duration behindAfter, Clock clock) {
        this.journal = journal;
        this.serving = serving;
        this.probes = probes;
        this.behindAfter = behindAfter;
        this.clock = clock;
    }

    Report report() {
        boolean up = serving.getAsBoolean();
        Optional<String> writeError = journal.writeError();
        List<Consumer> consumers = probes.get().stream().map(this::consumer).toList();
        Overall overall = !up || writeError.isPresent() ? Overall.UNAVAILABLE
                : consumers.stream().allMatch(c -> c.state() == State.OK) ? Overall.OK : Overall.DEGRADED;

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? lower(overall) : "unavailable");
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("events", journal.end());
        j.put("writable", writeError.isEmpty());
        writeError.ifPresent(e -> j.put("error", e));
        body.put("journal", j);
        Map<String, Object> cs = new LinkedHashMap<>();
        long quarantined = 0;
        for (Consumer c : consumers) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("state", lower(c.state()));
            m.put("as_of_offset", c.freshness().asOfOffset());
            m.put("lag_events", c.freshness().lagEvents());
            m.put("lag_ms", c.freshness().lagMs());
            m.put("quarantined", c.quarantined());
            c.error().ifPresent(e -> m.put("error", e));
            cs.put(c.name(), m);
            quarantined += c.quarantined();
        }
        body.put("consumers", cs);
        body.put("quarantined", quarantined);
        return new Report(overall, up, writeError.isEmpty(), consumers, body);
    }

    private Consumer consumer(Probe p) {
        Freshness f = Freshness.of(journal, p.asOfOffset(), clock);
        State state = p.failed().isPresent() ? State.FAILED
                : f.lagMs() > behindAfter.toMillis() ? State.BEHIND : State.OK;
        return new Consumer(p.name(), f, state, p.quarantined(), p.failed());
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
