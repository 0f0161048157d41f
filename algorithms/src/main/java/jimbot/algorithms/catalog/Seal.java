package jimbot.algorithms.catalog;

import java.util.Optional;

/** A playing card's seal (section 1.2). */
public enum Seal {
    NONE, RED, BLUE, GOLD, PURPLE;

    /** "Red", "red seal", "none" → the seal. */
    public static Optional<Seal> parse(String text) {
        String t = Names.normal(text);
        if (t.endsWith("seal")) {
            t = t.substring(0, t.length() - 4);
        }
        return switch (t) {
            case "", "none" -> Optional.of(NONE);
            case "red" -> Optional.of(RED);
            case "blue" -> Optional.of(BLUE);
            case "gold" -> Optional.of(GOLD);
            case "purple" -> Optional.of(PURPLE);
            default -> Optional.empty();
        };
    }
}
