package jimbot.algorithms.catalog;

import java.util.Optional;

/** The starting decks; only Plasma changes the score formula (section 4), the rest parse and change nothing here. */
public enum Deck {
    RED("Red Deck"), BLUE("Blue Deck"), YELLOW("Yellow Deck"), GREEN("Green Deck"), BLACK("Black Deck"),
    MAGIC("Magic Deck"), NEBULA("Nebula Deck"), GHOST("Ghost Deck"), ABANDONED("Abandoned Deck"),
    CHECKERED("Checkered Deck"), ZODIAC("Zodiac Deck"), PAINTED("Painted Deck"), ANAGLYPH("Anaglyph Deck"),
    PLASMA("Plasma Deck"), ERRATIC("Erratic Deck");

    private final String displayName;

    Deck(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** "Plasma Deck", "plasma", "b_plasma" → the deck. */
    public static Optional<Deck> parse(String text) {
        String t = Names.normal(text);
        Optional<Deck> direct = byWord(t);
        // the game's own keys: b_plasma, b_red, ...
        return direct.isEmpty() && t.startsWith("b") ? byWord(t.substring(1)) : direct;
    }

    private static Optional<Deck> byWord(String t) {
        for (Deck d : values()) {
            String n = Names.normal(d.displayName);
            if (n.equals(t) || n.equals(t + "deck") || Names.normal(d.name()).equals(t)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
