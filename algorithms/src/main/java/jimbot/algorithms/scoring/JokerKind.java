package jimbot.algorithms.scoring;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jimbot.algorithms.catalog.JokerCatalog;
import jimbot.algorithms.catalog.JokerSpec;
import jimbot.algorithms.catalog.Rarity;

/**
 * The 150 vanilla jokers as the score engine knows them, one constant per catalog key, with the state keys each
 * reads (its current value as the game shows it). Every joker accepts the generic keys {@code mult}, {@code chips},
 * {@code xmult}, {@code sell_value} and {@code cost} (what the mods report for every joker); a joker reads them only
 * where its value changes during a run.
 */
public enum JokerKind {
    JOKER("joker"),
    GREEDY_JOKER("greedy_joker"),
    LUSTY_JOKER("lusty_joker"),
    WRATHFUL_JOKER("wrathful_joker"),
    GLUTTENOUS_JOKER("gluttenous_joker"),
    JOLLY("jolly"),
    ZANY("zany"),
    MAD("mad"),
    CRAZY("crazy"),
    DROLL("droll"),
    SLY("sly"),
    WILY("wily"),
    CLEVER("clever"),
    DEVIOUS("devious"),
    CRAFTY("crafty"),
    HALF("half"),
    STENCIL("stencil"),
    FOUR_FINGERS("four_fingers"),
    MIME("mime"),
    CREDIT_CARD("credit_card"),
    CEREMONIAL("ceremonial"),
    BANNER("banner"),
    MYSTIC_SUMMIT("mystic_summit"),
    MARBLE("marble"),
    LOYALTY_CARD("loyalty_card"),
    EIGHT_BALL("8_ball"),
    MISPRINT("misprint"),
    DUSK("dusk"),
    RAISED_FIST("raised_fist"),
    CHAOS("chaos"),
    FIBONACCI("fibonacci"),
    STEEL_JOKER("steel_joker"),
    SCARY_FACE("scary_face"),
    ABSTRACT("abstract"),
    DELAYED_GRAT("delayed_grat"),
    HACK("hack"),
    PAREIDOLIA("pareidolia"),
    GROS_MICHEL("gros_michel"),
    EVEN_STEVEN("even_steven"),
    ODD_TODD("odd_todd"),
    SCHOLAR("scholar"),
    BUSINESS("business"),
    SUPERNOVA("supernova"),
    RIDE_THE_BUS("ride_the_bus"),
    SPACE("space"),
    EGG("egg"),
    BURGLAR("burglar"),
    BLACKBOARD("blackboard"),
    RUNNER("runner"),
    ICE_CREAM("ice_cream"),
    DNA("dna"),
    SPLASH("splash"),
    BLUE_JOKER("blue_joker"),
    SIXTH_SENSE("sixth_sense"),
    CONSTELLATION("constellation"),
    HIKER("hiker"),
    FACELESS("faceless"),
    GREEN_JOKER("green_joker"),
    SUPERPOSITION("superposition"),
    TODO_LIST("todo_list"),
    CAVENDISH("cavendish"),
    CARD_SHARP("card_sharp"),
    RED_CARD("red_card"),
    MADNESS("madness"),
    SQUARE("square"),
    SEANCE("seance"),
    RIFF_RAFF("riff_raff"),
    VAMPIRE("vampire"),
    SHORTCUT("shortcut"),
    HOLOGRAM("hologram"),
    VAGABOND("vagabond"),
    BARON("baron"),
    CLOUD_9("cloud_9"),
    ROCKET("rocket"),
    OBELISK("obelisk"),
    MIDAS_MASK("midas_mask"),
    LUCHADOR("luchador"),
    PHOTOGRAPH("photograph"),
    GIFT("gift"),
    TURTLE_BEAN("turtle_bean"),
    EROSION("erosion"),
    RESERVED_PARKING("reserved_parking"),
    MAIL("mail"),
    TO_THE_MOON("to_the_moon"),
    HALLUCINATION("hallucination"),
    FORTUNE_TELLER("fortune_teller"),
    JUGGLER("juggler"),
    DRUNKARD("drunkard"),
    STONE("stone"),
    GOLDEN("golden"),
    LUCKY_CAT("lucky_cat"),
    BASEBALL("baseball"),
    BULL("bull"),
    DIET_COLA("diet_cola"),
    TRADING("trading"),
    FLASH("flash"),
    POPCORN("popcorn"),
    TROUSERS("trousers"),
    ANCIENT("ancient"),
    RAMEN("ramen"),
    WALKIE_TALKIE("walkie_talkie"),
    SELZER("selzer"),
    CASTLE("castle"),
    SMILEY("smiley"),
    CAMPFIRE("campfire"),
    TICKET("ticket"),
    MR_BONES("mr_bones"),
    ACROBAT("acrobat"),
    SOCK_AND_BUSKIN("sock_and_buskin"),
    SWASHBUCKLER("swashbuckler"),
    TROUBADOUR("troubadour"),
    CERTIFICATE("certificate"),
    SMEARED("smeared"),
    THROWBACK("throwback"),
    HANGING_CHAD("hanging_chad"),
    ROUGH_GEM("rough_gem"),
    BLOODSTONE("bloodstone"),
    ARROWHEAD("arrowhead"),
    ONYX_AGATE("onyx_agate"),
    GLASS("glass"),
    RING_MASTER("ring_master"),
    FLOWER_POT("flower_pot"),
    BLUEPRINT("blueprint"),
    WEE("wee"),
    MERRY_ANDY("merry_andy"),
    OOPS("oops"),
    IDOL("idol"),
    SEEING_DOUBLE("seeing_double"),
    MATADOR("matador"),
    HIT_THE_ROAD("hit_the_road"),
    DUO("duo"),
    TRIO("trio"),
    FAMILY("family"),
    ORDER("order"),
    TRIBE("tribe"),
    STUNTMAN("stuntman"),
    INVISIBLE("invisible"),
    BRAINSTORM("brainstorm"),
    SATELLITE("satellite"),
    SHOOT_THE_MOON("shoot_the_moon"),
    DRIVERS_LICENSE("drivers_license"),
    CARTOMANCER("cartomancer"),
    ASTRONOMER("astronomer"),
    BURNT("burnt"),
    BOOTSTRAPS("bootstraps"),
    CAINO("caino"),
    TRIBOULET("triboulet"),
    YORICK("yorick"),
    CHICOT("chicot"),
    PERKEO("perkeo");

    /** Keys every joker accepts. */
    public static final Set<String> GENERIC_KEYS = Set.of("mult", "chips", "xmult", "sell_value", "cost");

    private static final Map<String, JokerKind> BY_KEY = new HashMap<>();

    static {
        for (JokerKind k : values()) {
            BY_KEY.put(k.key, k);
        }
    }

    private final String key;

    JokerKind(String key) {
        this.key = key;
    }

    /** The game's save key without {@code j_}. */
    public String key() {
        return key;
    }

    /** The catalog row. */
    public JokerSpec spec() {
        return JokerCatalog.vanilla().byKey(key).orElseThrow(() -> new IllegalStateException("no catalog row for " + key));
    }

    public boolean uncommon() {
        return spec().rarity() == Rarity.UNCOMMON;
    }

    /** The joker of a catalog row. */
    public static JokerKind of(JokerSpec spec) {
        JokerKind k = BY_KEY.get(spec.key());
        if (k == null) {
            throw new IllegalArgumentException("no score engine joker for catalog key " + spec.key());
        }
        return k;
    }

    /** A joker by name or key as anyone writes it ("Gluttonous Joker", "ring_master", "Showman"). */
    public static Optional<JokerKind> find(String nameOrKey) {
        return JokerCatalog.vanilla().find(nameOrKey).map(JokerKind::of);
    }

    /** State keys this joker reads beyond the generic ones. */
    public Set<String> ownStateKeys() {
        return switch (this) {
            case LOYALTY_CARD, SELZER -> Set.of("remaining");
            case STEEL_JOKER -> Set.of("steel_cards");
            case BLUE_JOKER -> Set.of("deck_remaining");
            case STONE -> Set.of("stone_cards");
            case EROSION -> Set.of("cards_below");
            case DRIVERS_LICENSE -> Set.of("enhanced_cards");
            case ANCIENT, CASTLE -> Set.of("suit");
            case IDOL -> Set.of("rank", "suit");
            case TODO_LIST -> Set.of("hand");
            case MAIL -> Set.of("rank");
            default -> Set.of();
        };
    }

    /** Every state key this joker accepts. */
    public Set<String> stateKeys() {
        String[] all = java.util.stream.Stream.concat(GENERIC_KEYS.stream(), ownStateKeys().stream()).toArray(String[]::new);
        return Set.copyOf(Arrays.asList(all));
    }
}
