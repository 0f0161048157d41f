package jimbot.algorithms.scoring;

/**
 * A joker's value at the start of a hand, from its state as the game shows it (or from the counts it is computed
 * from). Scaling jokers then grow during the hand as the game grows them ({@code before} context, Lucky Cat,
 * Wee Joker); the rest keep this value.
 */
final class JokerValues {
    private JokerValues() {
    }

    static double initial(Joker joker, Play play) {
        JokerState s = joker.state();
        return switch (joker.kind()) {
            case CEREMONIAL, RIDE_THE_BUS, GREEN_JOKER, RED_CARD, FORTUNE_TELLER, FLASH, TROUSERS, SWASHBUCKLER ->
                    s.number("mult", 0);
            case EROSION -> s.number("mult").orElse(4 * s.number("cards_below", 0));
            case POPCORN -> s.number("mult", 20);
            case RUNNER, SQUARE, CASTLE, WEE -> s.number("chips", 0);
            case ICE_CREAM -> s.number("chips", 100);
            case BLUE_JOKER -> s.number("chips").orElse(2 * s.number("deck_remaining", 0));
            case STONE -> s.number("chips").orElse(25 * s.number("stone_cards", 0));
            case STEEL_JOKER -> s.number("xmult").orElse(1 + 0.2 * s.number("steel_cards", 0));
            case DRIVERS_LICENSE -> s.number("xmult").orElse(s.number("enhanced_cards", 0) >= 16 ? 3 : 1);
            case RAMEN -> s.number("xmult", 2);
            case CONSTELLATION, MADNESS, VAMPIRE, HOLOGRAM, OBELISK, LUCKY_CAT, CAMPFIRE, THROWBACK, GLASS, HIT_THE_ROAD,
                    CAINO, YORICK -> s.number("xmult", 1);
            default -> 0;
        };
    }
}
