package jimbot.algorithms.catalog;

import java.util.Optional;

/** An edition, of a playing card or a joker (section 1.2, 1.3 step 7). */
public enum Edition {
    NONE, FOIL, HOLOGRAPHIC, POLYCHROME, NEGATIVE;

    /** "foil", "holographic"/"holo", "polychrome"/"poly", "negative", "none"/"base" → the edition. */
    public static Optional<Edition> parse(String text) {
        return switch (Names.normal(text)) {
            case "", "none", "base", "default" -> Optional.of(NONE);
            case "foil", "efoil" -> Optional.of(FOIL);
            case "holographic", "holo", "eholo" -> Optional.of(HOLOGRAPHIC);
            case "polychrome", "poly", "epolychrome" -> Optional.of(POLYCHROME);
            case "negative", "enegative" -> Optional.of(NEGATIVE);
            default -> Optional.empty();
        };
    }
}
