package jimbot.graph.projector;

import java.util.List;
import java.util.Optional;
import jimbot.v1.Card;
import jimbot.v1.JokerCard;

/**
 * Names the poker hand of cards a run played, for hands whose events do not say it. The server wires it to the
 * score engine's hand evaluator.
 */
@FunctionalInterface
public interface HandNamer {
    Optional<String> name(List<Card> played, List<JokerCard> jokers);

    /** Names nothing. */
    HandNamer NONE = (played, jokers) -> Optional.empty();
}
