package jimbot.graph.projection;

import java.util.List;

/** One change to what algorithms see, as the projector writes the graph. Modules may react to each incrementally. */
public sealed interface ProjectionDelta {

    String runId();

    /** A run appeared. */
    record RunStarted(String runId, long startedMs) implements ProjectionDelta {
    }

    /** A run held a joker (at some point; repeats are harmless). */
    record JokerHeld(String runId, String jokerKey) implements ProjectionDelta {
    }

    /** A hand scored with these jokers held. */
    record HandScored(String runId, String handId, double score, List<String> jokerKeys) implements ProjectionDelta {
        public HandScored {
            jokerKeys = List.copyOf(jokerKeys);
        }
    }

    /** A run ended: won or not, the ante it reached, its last round's score. */
    record RunFinished(String runId, boolean won, int finalAnte, double finalScore) implements ProjectionDelta {
    }
}
