package jimbot.graph.projector;

import java.util.List;
import java.util.Map;

/**
 * One change the projector derived from the events, before it becomes Cypher. Properties maps hold plain values
 * (String, Long, Double, Boolean); null removes a property.
 */
public sealed interface GraphChange {

    /** The run this change belongs to. */
    String runId();

    /**
     * A run was seen ({@code first}: set only when the run node is created, so a late event after a restart cannot
     * move its start), or its outcome changed ({@code props}).
     */
    record RunUpsert(String runId, Map<String, Object> first, Map<String, Object> props) implements GraphChange {
        public static RunUpsert of(String runId, Map<String, Object> props) {
            return new RunUpsert(runId, Map.of(), props);
        }
    }

    /** A round (and its ante) was reached, or its result changed. */
    record RoundUpsert(String runId, int ante, int round, Map<String, Object> props) implements GraphChange {
    }

    /** The blind a round faced. */
    record BlindFaced(String runId, int round, String name, boolean boss) implements GraphChange {
    }

    /** A hand played in a round, with the jokers held while it scored (on first sight; later updates may omit them). */
    record HandPlayed(String runId, int round, String handId, Map<String, Object> props, List<JokerSlot> jokers)
            implements GraphChange {
    }

    /** A joker in a slot. */
    record JokerSlot(String key, String name, int slot) {
    }

    /** A run holds (toRound &lt; 0: still holds) one instance of a joker from a round on. */
    record Held(String runId, String key, String name, String instance, int fromRound, int toRound, int slot,
                String edition) implements GraphChange {
    }

    /** A joker bought in the shop. */
    record Bought(String runId, String key, String name, long offset, int round, int ante, double cost)
            implements GraphChange {
    }

    /** A joker that left the run: sold (value &gt; 0) or destroyed. */
    record Sold(String runId, String key, String name, long offset, int round, int ante, double value, String how)
            implements GraphChange {
    }

    /** A command from the AI to the run's game, and the hand that followed it once known. */
    record Decision(String runId, String id, int round, Map<String, Object> props, String nextHandId)
            implements GraphChange {
    }
}
