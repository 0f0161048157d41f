package jimbot.algorithms.catalog;

import java.util.Optional;

/** A playing card's suit. */
public enum Suit {
    SPADES, HEARTS, CLUBS, DIAMONDS;

    /** "Spades", "spade", "S", "♠" → SPADES. */
    public static Optional<Suit> parse(String text) {
        return switch (Names.normal(text)) {
            case "spades", "spade", "s" -> Optional.of(SPADES);
            case "hearts", "heart", "h" -> Optional.of(HEARTS);
            case "clubs", "club", "c" -> Optional.of(CLUBS);
            case "diamonds", "diamond", "d" -> Optional.of(DIAMONDS);
            default -> switch (text.trim()) {
                case "♠" -> Optional.of(SPADES);
                case "♥" -> Optional.of(HEARTS);
                case "♣" -> Optional.of(CLUBS);
                case "♦" -> Optional.of(DIAMONDS);
                default -> Optional.empty();
            };
        };
    }
}
