package jimbot.algorithms.catalog;

/** A joker's rarity; Baseball Card cares about UNCOMMON. */
public enum Rarity {
    COMMON, UNCOMMON, RARE, LEGENDARY;

    static Rarity ofLetter(String letter) {
        return switch (letter.trim()) {
            case "C" -> COMMON;
            case "U" -> UNCOMMON;
            case "R" -> RARE;
            case "L" -> LEGENDARY;
            default -> throw new IllegalArgumentException("rarity '" + letter + "'; expected C, U, R or L");
        };
    }
}
