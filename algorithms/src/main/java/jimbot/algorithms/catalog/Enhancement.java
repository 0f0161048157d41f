package jimbot.algorithms.catalog;

import java.util.Optional;

/** A playing card's enhancement (section 1.2). */
public enum Enhancement {
    NONE, BONUS, MULT, WILD, GLASS, STEEL, STONE, GOLD, LUCKY;

    /** "bonus", "Bonus Card", "m_bonus", "none" → the enhancement. */
    public static Optional<Enhancement> parse(String text) {
        String t = Names.normal(text);
        if (t.endsWith("card")) {
            t = t.substring(0, t.length() - 4);
        }
        Optional<Enhancement> direct = byWord(t);
        // the game's own keys: m_bonus, m_glass, ...
        return direct.isEmpty() && t.startsWith("m") ? byWord(t.substring(1)) : direct;
    }

    private static Optional<Enhancement> byWord(String t) {
        return switch (t) {
            case "", "none", "base", "default" -> Optional.of(NONE);
            case "bonus" -> Optional.of(BONUS);
            case "mult" -> Optional.of(MULT);
            case "wild" -> Optional.of(WILD);
            case "glass" -> Optional.of(GLASS);
            case "steel" -> Optional.of(STEEL);
            case "stone" -> Optional.of(STONE);
            case "gold" -> Optional.of(GOLD);
            case "lucky" -> Optional.of(LUCKY);
            default -> Optional.empty();
        };
    }
}
