package jimbot.algorithms.catalog;

import java.util.Optional;

/**
 * A poker hand type with its level-1 chips and mult and the increments per level (section 1.1). Royal Flush is
 * a Straight Flush for levels and values; it is reported by name only.
 */
public enum PokerHand {
    HIGH_CARD("High Card", "Pluto", 5, 1, 10, 1, 1),
    PAIR("Pair", "Mercury", 10, 2, 15, 1, 2),
    TWO_PAIR("Two Pair", "Uranus", 20, 2, 20, 1, 4),
    THREE_OF_A_KIND("Three of a Kind", "Venus", 30, 3, 20, 2, 3),
    STRAIGHT("Straight", "Saturn", 30, 4, 30, 3, 5),
    FLUSH("Flush", "Jupiter", 35, 4, 15, 2, 5),
    FULL_HOUSE("Full House", "Earth", 40, 4, 25, 2, 5),
    FOUR_OF_A_KIND("Four of a Kind", "Mars", 60, 7, 30, 3, 4),
    STRAIGHT_FLUSH("Straight Flush", "Neptune", 100, 8, 40, 4, 5),
    FIVE_OF_A_KIND("Five of a Kind", "Planet X", 120, 12, 35, 3, 5),
    FLUSH_HOUSE("Flush House", "Ceres", 140, 14, 40, 4, 5),
    FLUSH_FIVE("Flush Five", "Eris", 160, 16, 50, 3, 5);

    private final String displayName;
    private final String planet;
    private final int chips;
    private final int mult;
    private final int chipsPerLevel;
    private final int multPerLevel;
    private final int cards;

    PokerHand(String displayName, String planet, int chips, int mult, int chipsPerLevel, int multPerLevel, int cards) {
        this.displayName = displayName;
        this.planet = planet;
        this.chips = chips;
        this.mult = mult;
        this.chipsPerLevel = chipsPerLevel;
        this.multPerLevel = multPerLevel;
        this.cards = cards;
    }

    /** The name the game shows: "Two Pair". */
    public String displayName() {
        return displayName;
    }

    /** The Planet card that levels it up. */
    public String planet() {
        return planet;
    }

    /** Cards that form the hand (before Stone cards and Splash). */
    public int cards() {
        return cards;
    }

    /** Base chips at {@code level} (level 1 = the table's values), never negative. */
    public double chipsAt(int level) {
        return Math.max(0, chips + (long) (level - 1) * chipsPerLevel);
    }

    /** Base mult at {@code level}, at least 1. */
    public double multAt(int level) {
        return Math.max(1, mult + (long) (level - 1) * multPerLevel);
    }

    /** "Pair", "pair", "TWO_PAIR", "Royal Flush" (read as Straight Flush) → the hand. */
    public static Optional<PokerHand> parse(String text) {
        String t = Names.normal(text);
        if (t.equals("royalflush")) {
            return Optional.of(STRAIGHT_FLUSH);
        }
        if (t.equals("3oak") || t.equals("threeofakind") || t.equals("trips")) {
            return Optional.of(THREE_OF_A_KIND);
        }
        if (t.equals("4oak")) {
            return Optional.of(FOUR_OF_A_KIND);
        }
        if (t.equals("5oak")) {
            return Optional.of(FIVE_OF_A_KIND);
        }
        for (PokerHand h : values()) {
            if (Names.normal(h.displayName).equals(t) || Names.normal(h.name()).equals(t)) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    /** The hand a Planet card levels: "Mercury" → PAIR. */
    public static Optional<PokerHand> ofPlanet(String planetName) {
        String t = Names.normal(planetName);
        for (PokerHand h : values()) {
            if (Names.normal(h.planet).equals(t)) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }
}
