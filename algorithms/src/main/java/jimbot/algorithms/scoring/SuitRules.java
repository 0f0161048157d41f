package jimbot.algorithms.scoring;

import jimbot.algorithms.catalog.Enhancement;
import jimbot.algorithms.catalog.Suit;

/** Whether a card counts as a suit: Wild cards count as every suit, Stone cards as none, Smeared Joker pairs ♥/♦ and ♠/♣. */
final class SuitRules {
    private SuitRules() {
    }

    static boolean is(PlayingCard card, Suit suit, boolean smeared) {
        if (card.enhancement() == Enhancement.STONE) {
            return false;
        }
        if (card.enhancement() == Enhancement.WILD) {
            return true;
        }
        if (card.suit() == suit) {
            return true;
        }
        return smeared && red(card.suit()) == red(suit);
    }

    private static boolean red(Suit s) {
        return s == Suit.HEARTS || s == Suit.DIAMONDS;
    }
}
