package jimbot.graph.projection;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * What algorithm modules read: the runs with the jokers they held and how they ended, and which jokers were held
 * together. A snapshot view: it never changes under a caller's feet while it reads one run.
 */
public interface ProjectionView {

    /** Every joker key some run held. */
    Set<String> jokers();

    /** Every run the projection knows. */
    Collection<RunView> runs();

    Optional<RunView> run(String id);

    /** How many runs held both jokers (0 for a joker with itself). */
    int together(String jokerA, String jokerB);

    /** A run: the jokers it held and, once it ended, its outcome. */
    record RunView(String id, Set<String> jokers, boolean finished, boolean won, int finalAnte, double finalScore) {
        public RunView {
            jokers = Set.copyOf(jokers);
        }
    }
}
