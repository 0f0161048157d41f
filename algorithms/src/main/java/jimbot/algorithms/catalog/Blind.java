package jimbot.algorithms.catalog;

import java.util.Optional;

/**
 * The blinds, with what each does to scoring (section 4). Blinds that change only draws, hands or targets are
 * known (so their names parse) and change nothing in a score.
 */
public enum Blind {
    SMALL_BLIND("Small Blind", false),
    BIG_BLIND("Big Blind", false),
    THE_HOOK("The Hook", true),
    THE_OX("The Ox", true),
    THE_HOUSE("The House", true),
    THE_WALL("The Wall", true),
    THE_WHEEL("The Wheel", true),
    THE_ARM("The Arm", true),
    THE_CLUB("The Club", true),
    THE_FISH("The Fish", true),
    THE_PSYCHIC("The Psychic", true),
    THE_GOAD("The Goad", true),
    THE_WATER("The Water", true),
    THE_WINDOW("The Window", true),
    THE_MANACLE("The Manacle", true),
    THE_EYE("The Eye", true),
    THE_MOUTH("The Mouth", true),
    THE_PLANT("The Plant", true),
    THE_SERPENT("The Serpent", true),
    THE_PILLAR("The Pillar", true),
    THE_NEEDLE("The Needle", true),
    THE_HEAD("The Head", true),
    THE_TOOTH("The Tooth", true),
    THE_FLINT("The Flint", true),
    THE_MARK("The Mark", true),
    AMBER_ACORN("Amber Acorn", true),
    VERDANT_LEAF("Verdant Leaf", true),
    VIOLET_VESSEL("Violet Vessel", true),
    CRIMSON_HEART("Crimson Heart", true),
    CERULEAN_BELL("Cerulean Bell", true);

    private final String displayName;
    private final boolean boss;

    Blind(String displayName, boolean boss) {
        this.displayName = displayName;
        this.boss = boss;
    }

    public String displayName() {
        return displayName;
    }

    public boolean boss() {
        return boss;
    }

    /** The suit this boss debuffs, if it is one of The Club, The Goad, The Head, The Window. */
    public Optional<Suit> debuffedSuit() {
        return switch (this) {
            case THE_CLUB -> Optional.of(Suit.CLUBS);
            case THE_GOAD -> Optional.of(Suit.SPADES);
            case THE_HEAD -> Optional.of(Suit.HEARTS);
            case THE_WINDOW -> Optional.of(Suit.DIAMONDS);
            default -> Optional.empty();
        };
    }

    /** "The Flint", "flint", "THE_FLINT", "bl_flint" → the blind; "" and "none" → empty. */
    public static Optional<Blind> parse(String text) {
        String t = Names.normal(text);
        if (t.startsWith("bl") && !t.equals("blind")) {
            Optional<Blind> keyed = byWord(t.substring(2));
            if (keyed.isPresent()) {
                return keyed;
            }
        }
        return byWord(t);
    }

    private static Optional<Blind> byWord(String t) {
        for (Blind b : values()) {
            String n = Names.normal(b.displayName);
            if (n.equals(t) || (n.startsWith("the") && n.substring(3).equals(t)) || Names.normal(b.name()).equals(t)) {
                return Optional.of(b);
            }
        }
        return switch (t) {
            case "small" -> Optional.of(SMALL_BLIND);
            case "big" -> Optional.of(BIG_BLIND);
            default -> Optional.empty();
        };
    }
}
