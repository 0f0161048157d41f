package jimbot.graph.projection;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What algorithm modules read: the runs with the jokers they held and how they ended, the hands they scored, and
 * which jokers were held together. A snapshot view: it never changes under a caller's feet while it reads one run.
 */
public interface ProjectionView {

    /** Every joker key some run held. */
    Set<String> jokers();

    /** Every run the projection knows. */
    Collection<RunView> runs();

    Optional<RunView> run(String id);

    /** How many runs held both jokers (0 for a joker with itself). */
    int together(String jokerA, String jokerB);

    /**
     * The hands a run scored, by journal offset (empty for a run it does not know). Separate from {@link RunView}
     * because hands outnumber runs many times over: only readers of hands pay for building them, one run at a time.
     */
    List<HandView> hands(String runId);

    /** A run: the jokers it held and, once it ended, its outcome. */
    record RunView(String id, Set<String> jokers, boolean finished, boolean won, int finalAnte, double finalScore) {
        public RunView {
            jokers = Set.copyOf(jokers);
        }
    }

    /** A scored hand: its id ({@code <run>:h<offset>}), its score and the distinct jokers held when it scored. */
    record HandView(String id, double score, Set<String> jokers) {
        public HandView {
            jokers = Set.copyOf(jokers);
        }
    }
}
