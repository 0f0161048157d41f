package jimbot.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(Dialect dialect, String type, Outcome outcome) {
        String dialectTag = switch (dialect) {
            case DIALECT_JIMBOT -> "jimbot";
            case DIALECT_STANDALONE -> "standalone";
            case DIALECT_ENGINE -> "engine";
            case DIALECT_UNSPECIFIED, UNRECOGNIZED -> "unknown";
        };
        String typeTag = KNOWN_TYPES.contains(type) ? type : type.isEmpty() ? "NONE" : "OTHER";
        String outcomeTag = outcome.name().toLowerCase(java.util.Locale.ROOT);
        counters.computeIfAbsent(dialectTag + '|' + typeTag + '|' + outcomeTag, k -> Counter
                .builder("jimbot.ingest.events")
                .description("Events by what became of them: received, stored, duplicate, rejected")
                .tag("dialect", dialectTag).tag("type", typeTag).tag("outcome", outcomeTag)
                .register(registry)).increment();
    }
}
