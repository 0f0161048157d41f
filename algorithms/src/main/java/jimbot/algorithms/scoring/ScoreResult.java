package jimbot.algorithms.scoring;

import java.math.BigInteger;
import java.util.List;
import jimbot.algorithms.catalog.PokerHand;

/**
 * The score of one played hand.
 *
 * @param hand the poker hand type
 * @param handName what the game calls it ("Royal Flush" for an ace-high Straight Flush)
 * @param chips final chips
 * @param mult final mult (fractional until the final floor)
 * @param score floor(chips × mult), exact at any size
 * @param money $ earned (or lost) while scoring
 * @param steps the step log, when asked for
 */
public record ScoreResult(PokerHand hand, String handName, double chips, double mult, BigInteger score, double money,
                          List<Step> steps) {
    public ScoreResult {
        steps = List.copyOf(steps);
    }
}
