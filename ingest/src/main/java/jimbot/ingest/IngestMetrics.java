package jimbot.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jimbot.v1.Dialect;

/** Counts events received, stored, duplicate and rejected, by dialect and type. */
final class IngestMetrics {

    /** Types counted under their own name; any other is counted as OTHER to keep the label set small. */
    private static final Set<String> KNOWN_TYPES = Set.of("GAME_STATE", "HEARTBEAT", "MONEY_CHANGED", "SCORE_CHANGED",
            "HAND_PLAYED", "CARDS_DISCARDED", "JOKERS_CHANGED", "ROUND_CHANGED", "PHASE_CHANGED", "ROUND_COMPLETE",
            "JOKER_TRIGGER", "SCORING", "LEARNING_DECISION", "ERROR", "DIAGNOSTIC", "CONNECTION_TEST", "ACTION_RESULT",
            "DECK_STATE", "FULL_DECK", "VOUCHERS_ANTE", "HAND_LEVELS", "DEBUG_TEST", "COMMAND");

    /** What became of an event. */
    enum Outcome { RECEIVED, STORED, DUPLICATE, REJECTED }

    private final MeterRegistry registry;
    /** Counters by dialect, then type tag, then outcome ordinal: no string building per event. */
    private final Map<Dialect, Map<String, Counter[]>> counters = new ConcurrentHashMap<>();

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(Dialect dialect, String type, Outcome outcome) {
        String typeTag = KNOWN_TYPES.contains(type) ? type : type.isEmpty() ? "NONE" : "OTHER";
        Counter[] byOutcome = counters.computeIfAbsent(dialect, d -> new ConcurrentHashMap<>())
                .computeIfAbsent(typeTag, t -> register(dialect, t));
        byOutcome[outcome.ordinal()].increment();
    }

    private Counter[] register(Dialect dialect, String typeTag) {
        String dialectTag = switch (dialect) {
            case DIALECT_JIMBOT -> "jimbot";
            case DIALECT_STANDALONE -> "standalone";
            case DIALECT_ENGINE -> "engine";
            case DIALECT_UNSPECIFIED, UNRECOGNIZED -> "unknown";
        };
        Outcome[] outcomes = Outcome.values();
        Counter[] out = new Counter[outcomes.length];
        for (Outcome o : outcomes) {
            out[o.ordinal()] = Counter.builder("jimbot.ingest.events")
                    .description("Events by what became of them: received, stored, duplicate, rejected")
                    .tag("dialect", dialectTag).tag("type", typeTag).tag("outcome", o.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        return out;
    }
}
