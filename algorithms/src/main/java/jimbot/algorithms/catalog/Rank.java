package jimbot.algorithms.catalog;

import java.util.Optional;

/** A playing card's rank, with the chips it scores (section 1.2: 2–10 face value, J/Q/K 10, A 11). */
public enum Rank {
    TWO(2, 2), THREE(3, 3), FOUR(4, 4), FIVE(5, 5), SIX(6, 6), SEVEN(7, 7), EIGHT(8, 8), NINE(9, 9), TEN(10, 10),
    JACK(11, 10), QUEEN(12, 10), KING(13, 10), ACE(14, 11);

    private final int order;
    private final int chips;

    Rank(int order, int chips) {
        this.order = order;
        this.chips = chips;
    }

    /** 2..14, Ace high. */
    public int order() {
        return order;
    }

    /** Chips when scored; also the "nominal" Raised Fist doubles. */
    public int chips() {
        return chips;
    }

    /** Jack, Queen or King (Pareidolia makes every card a face card; that is the score engine's business). */
    public boolean isFace() {
        return this == JACK || this == QUEEN || this == KING;
    }

    /** "King", "K", "13", "10", "Ace", "A", "1" → the rank. */
    public static Optional<Rank> parse(String text) {
        String t = Names.normal(text);
        return switch (t) {
            case "2", "two" -> Optional.of(TWO);
            case "3", "three" -> Optional.of(THREE);
            case "4", "four" -> Optional.of(FOUR);
            case "5", "five" -> Optional.of(FIVE);
            case "6", "six" -> Optional.of(SIX);
            case "7", "seven" -> Optional.of(SEVEN);
            case "8", "eight" -> Optional.of(EIGHT);
            case "9", "nine" -> Optional.of(NINE);
            case "10", "ten", "t" -> Optional.of(TEN);
            case "jack", "j", "11" -> Optional.of(JACK);
            case "queen", "q", "12" -> Optional.of(QUEEN);
            case "king", "k", "13" -> Optional.of(KING);
            case "ace", "a", "1", "14" -> Optional.of(ACE);
            default -> Optional.empty();
        };
    }
}
