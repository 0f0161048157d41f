package jimbot.api.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import jimbot.algorithms.catalog.Blind;
import jimbot.algorithms.catalog.Deck;
import jimbot.algorithms.catalog.Edition;
import jimbot.algorithms.catalog.Enhancement;
import jimbot.algorithms.catalog.PokerHand;
import jimbot.algorithms.catalog.Rank;
import jimbot.algorithms.catalog.Seal;
import jimbot.algorithms.catalog.Suit;
import jimbot.algorithms.catalog.Voucher;
import jimbot.algorithms.scoring.Joker;
import jimbot.algorithms.scoring.JokerKind;
import jimbot.algorithms.scoring.JokerState;
import jimbot.algorithms.scoring.Luck;
import jimbot.algorithms.scoring.Play;
import jimbot.algorithms.scoring.PlayingCard;
import jimbot.errors.InvalidArgumentException;

/**
 * Reads the strategy routes' JSON into a {@link Play}, strictly: every unknown field, joker, card word or state key
 * is a 400 naming it. Cards are written as the mods write them
 * ({@code {"rank":"King","suit":"Spades","enhancement":"none","edition":"none","seal":"none"}}); missing fields take
 * the game's defaults (level 1, no edition, no blind).
 */
final class PlayRequest {

    static final Set<String> PLAY_FIELDS = Set.of("played", "held", "hand", "jokers", "hand_levels", "blind", "deck",
            "vouchers", "consumables", "money", "hands_left", "discards_left", "joker_slots", "luck", "hand_counts",
            "played_this_round", "steps", "top");
    private static final Set<String> CARD_FIELDS = Set.of("rank", "suit", "enhancement", "edition", "seal", "debuffed",
            "perma_chips", "id", "position");
    private static final Set<String> JOKER_FIELDS = Set.of("name", "key", "edition", "state", "debuffed", "id",
            "position", "properties");

    private PlayRequest() {
    }

    /** The request as a play; {@code handIsHeld} reads "hand" (or "held") as the cards to choose from. */
    static Play parse(JsonNode body, boolean chooseCards) {
        if (!body.isObject()) {
            throw new InvalidArgumentException("body", "a JSON object describing a play", "the body must be a JSON object");
        }
        unknownFields(body, PLAY_FIELDS, "");
        List<PlayingCard> played;
        List<PlayingCard> held;
        if (chooseCards) {
            if (body.has("played") && body.get("played").size() > 0) {
                throw new InvalidArgumentException("played", "nothing (best play chooses the cards)",
                        "played: best play chooses which cards to play; send the cards in hand as \"hand\"");
            }
            String field = body.has("hand") ? "hand" : "held";
            held = cards(body.path(field), field);
            played = List.of();
            if (held.isEmpty()) {
                throw new InvalidArgumentException(field, "the cards in hand (at least one)", field + ": no cards to choose from");
            }
        } else {
            played = cards(body.path("played"), "played");
            held = cards(body.path(body.has("held") ? "held" : "hand"), body.has("held") ? "held" : "hand");
            if (played.isEmpty()) {
                throw new InvalidArgumentException("played", "1 to 5 cards", "played: no cards played");
            }
            if (played.size() > Play.MAX_PLAYED) {
                throw new InvalidArgumentException("played", "1 to 5 cards", "played: " + played.size() + " cards; at most 5 can be played");
            }
        }
        List<Joker> jokers = jokers(body.path("jokers"));
        Map<PokerHand, Integer> levels = handCounts(body.path("hand_levels"), "hand_levels", 1);
        Optional<Blind> blind = word(body, "blind").map(w -> w.isBlank() || w.equalsIgnoreCase("none") ? Optional.<Blind>empty()
                : Optional.of(Blind.parse(w).orElseThrow(() -> unknown("blind", w, "a blind such as \"The Flint\"")))).orElse(Optional.empty());
        Optional<Deck> deck = word(body, "deck").map(w -> w.isBlank() ? Optional.<Deck>empty()
                : Optional.of(Deck.parse(w).orElseThrow(() -> unknown("deck", w, "a deck such as \"Plasma Deck\"")))).orElse(Optional.empty());
        Set<Voucher> vouchers = EnumSet.noneOf(Voucher.class);
        List<String> ignoredVouchers = new ArrayList<>();
        for (JsonNode v : list(body.path("vouchers"), "vouchers")) {
            String name = v.isTextual() ? v.textValue() : v.path("name").asText("");
            Voucher.parse(name).ifPresentOrElse(vouchers::add, () -> ignoredVouchers.add(name));
        }
        List<String> consumables = new ArrayList<>();
        for (JsonNode c : list(body.path("consumables"), "consumables")) {
            consumables.add(c.isTextual() ? c.textValue() : c.path("name").asText(""));
        }
        double money = number(body, "money", 0);
        int handsLeft = (int) integer(body, "hands_left", Play.HANDS_LEFT_DEFAULT, 1);
        int discardsLeft = (int) integer(body, "discards_left", Play.DISCARDS_LEFT_DEFAULT, 0);
        int slots = (int) integer(body, "joker_slots", Play.JOKER_SLOTS_DEFAULT, 0);
        Luck luck = word(body, "luck").map(w -> switch (w.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> Luck.NONE;
            case "average", "avg", "expected" -> Luck.AVERAGE;
            case "all" -> Luck.ALL;
            default -> throw new InvalidArgumentException("luck", "none, average or all", "luck: '" + w + "' is not none, average or all");
        }).orElse(Luck.AVERAGE);
        Map<PokerHand, Integer> counts = handCounts(body.path("hand_counts"), "hand_counts", 0);
        Set<PokerHand> thisRound = EnumSet.noneOf(PokerHand.class);
        for (JsonNode h : list(body.path("played_this_round"), "played_this_round")) {
            thisRound.add(PokerHand.parse(h.asText()).orElseThrow(() -> unknown("played_this_round", h.asText(), "poker hand names")));
        }
        try {
            return new Play(played, held, jokers, levels, blind, deck, money, handsLeft, discardsLeft, slots, vouchers,
                    consumables, counts, thisRound, luck);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("body", "a consistent play", e.getMessage());
        }
    }

    static boolean flag(JsonNode body, String field) {
        JsonNode v = body.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new InvalidArgumentException(field, "true or false", field + ": expected true or false");
        }
        return v.booleanValue();
    }

    static long integer(JsonNode body, String field, long fallback, long min) {
        JsonNode v = body.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return fallback;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber() && v.asDouble() != Math.rint(v.asDouble())) {
            throw new InvalidArgumentException(field, "a whole number ≥ " + min, field + ": '" + v + "' is not a whole number");
        }
        long x = v.asLong();
        if (x < min) {
            throw new InvalidArgumentException(field, "a whole number ≥ " + min, field + ": " + x + " is below " + min);
        }
        return x;
    }

    private static double number(JsonNode body, String field, double fallback) {
        JsonNode v = body.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw new InvalidArgumentException(field, "a number", field + ": '" + v + "' is not a number");
        }
        return v.asDouble();
    }

    private static Optional<String> word(JsonNode body, String field) {
        JsonNode v = body.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new InvalidArgumentException(field, "a name", field + ": expected a name, got " + v);
        }
        return Optional.of(v.textValue());
    }

    private static List<JsonNode> list(JsonNode node, String field) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (node.isObject() && node.isEmpty()) {
            return List.of(); // an empty Lua table
        }
        if (!node.isArray()) {
            throw new InvalidArgumentException(field, "a list", field + ": expected a list");
        }
        List<JsonNode> out = new ArrayList<>();
        node.forEach(out::add);
        return out;
    }

    private static void unknownFields(JsonNode object, Set<String> known, String path) {
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                unknown.add(f);
            }
        }
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            throw new InvalidArgumentException(path + first, "one of " + new TreeSet<>(known),
                    (path.isEmpty() ? "" : path) + "unknown field" + (unknown.size() > 1 ? "s " : " ") + unknown);
        }
    }

    private static InvalidArgumentException unknown(String field, String value, String expected) {
        return new InvalidArgumentException(field, expected, field + ": unknown '" + value + "'");
    }

    static List<PlayingCard> cards(JsonNode node, String field) {
        List<PlayingCard> out = new ArrayList<>();
        int i = 0;
        for (JsonNode c : list(node, field)) {
            out.add(card(c, field + "[" + i + "]"));
            i++;
        }
        return out;
    }

    static PlayingCard card(JsonNode c, String path) {
        if (!c.isObject()) {
            throw new InvalidArgumentException(path, "a card object with rank and suit", path + ": expected a card object");
        }
        unknownFields(c, CARD_FIELDS, path + ".");
        Enhancement enhancement = c.has("enhancement") ? Enhancement.parse(c.get("enhancement").asText())
                .orElseThrow(() -> unknown(path + ".enhancement", c.get("enhancement").asText(),
                        "bonus, mult, wild, glass, steel, stone, gold, lucky or none")) : Enhancement.NONE;
        Rank rank;
        Suit suit;
        if (enhancement == Enhancement.STONE && !c.has("rank")) {
            rank = Rank.TWO;
            suit = Suit.SPADES;
        } else {
            rank = Rank.parse(c.path("rank").asText("")).orElseThrow(() -> unknown(path + ".rank",
                    c.path("rank").asText(""), "2..10, Jack, Queen, King or Ace"));
            suit = Suit.parse(c.path("suit").asText("")).orElseThrow(() -> unknown(path + ".suit",
                    c.path("suit").asText(""), "Hearts, Diamonds, Clubs or Spades"));
        }
        Edition edition = c.has("edition") ? Edition.parse(c.get("edition").asText()).orElseThrow(() ->
                unknown(path + ".edition", c.get("edition").asText(), "foil, holographic, polychrome, negative or none")) : Edition.NONE;
        Seal seal = c.has("seal") ? Seal.parse(c.get("seal").asText()).orElseThrow(() ->
                unknown(path + ".seal", c.get("seal").asText(), "Red, Blue, Gold, Purple or none")) : Seal.NONE;
        int perma = (int) integer(c, "perma_chips", 0, 0);
        boolean debuffed = c.has("debuffed") && flag(c, "debuffed");
        return new PlayingCard(rank, suit, enhancement, edition, seal, perma, debuffed);
    }

    static List<Joker> jokers(JsonNode node) {
        List<Joker> out = new ArrayList<>();
        int i = 0;
        for (JsonNode j : list(node, "jokers")) {
            out.add(joker(j, "jokers[" + i + "]"));
            i++;
        }
        return out;
    }

    static Joker joker(JsonNode j, String path) {
        if (j.isTextual()) {
            return Joker.of(kind(j.textValue(), path));
        }
        if (!j.isObject()) {
            throw new InvalidArgumentException(path, "a joker: its name, or an object with name or key",
                    path + ": expected a joker");
        }
        unknownFields(j, JOKER_FIELDS, path + ".");
        String name = j.has("name") ? j.get("name").asText() : j.path("key").asText("");
        if (name.isBlank()) {
            throw new InvalidArgumentException(path + ".name", "a joker name or key", path + ": a joker needs a name or key");
        }
        JokerKind kind = kind(name, path + ".name");
        JsonNode properties = j.path("properties");
        String editionText = j.has("edition") ? j.get("edition").asText() : properties.path("edition").asText("none");
        Edition edition = Edition.parse(editionText).orElseThrow(() ->
                unknown(path + ".edition", editionText, "foil, holographic, polychrome, negative or none"));
        JokerState state = j.has("state") ? state(j.get("state"), kind, path + ".state", true)
                : properties.isObject() ? state(properties, kind, path + ".properties", false) : JokerState.EMPTY;
        boolean debuffed = j.has("debuffed") && flag(j, "debuffed");
        return new Joker(kind, edition, state, debuffed);
    }

    private static JokerKind kind(String name, String path) {
        return JokerKind.find(name).orElseThrow(() -> new InvalidArgumentException(path, "one of the 150 vanilla jokers",
                path + ": unknown joker '" + name + "'"));
    }

    /** A joker's state: strict (400 on an unknown key) as "state", lenient (unknown keys dropped) as the mods' "properties". */
    private static JokerState state(JsonNode node, JokerKind kind, String path, boolean strict) {
        if (!node.isObject()) {
            throw new InvalidArgumentException(path, "an object of the joker's current values", path + ": expected an object");
        }
        Map<String, Double> numbers = new HashMap<>();
        Map<String, String> words = new HashMap<>();
        Set<String> accepted = kind.stateKeys();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String key = f.getKey();
            if (!accepted.contains(key)) {
                if (strict) {
                    throw new InvalidArgumentException(path + "." + key, "one of " + new TreeSet<>(accepted),
                            path + ": " + kind.spec().name() + " has no state '" + key + "'");
                }
                continue;
            }
            JsonNode v = f.getValue();
            if (v.isNumber()) {
                numbers.put(key, v.asDouble());
            } else if (v.isTextual() && isNumber(v.textValue())) {
                numbers.put(key, Double.parseDouble(v.textValue().trim()));
            } else if (v.isTextual()) {
                words.put(key, v.textValue());
            } else if (strict) {
                throw new InvalidArgumentException(path + "." + key, "a number or a word", path + "." + key + ": expected a number or a word");
            }
        }
        return new JokerState(numbers, words);
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Map<PokerHand, Integer> handCounts(JsonNode node, String field, int min) {
        Map<PokerHand, Integer> out = new EnumMap<>(PokerHand.class);
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new InvalidArgumentException(field, "an object of poker hand names to whole numbers", field + ": expected an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            PokerHand hand = PokerHand.parse(f.getKey()).orElseThrow(() -> unknown(field + "." + f.getKey(), f.getKey(),
                    "poker hand names such as Pair or \"Two Pair\""));
            JsonNode v = f.getValue();
            if (!v.isIntegralNumber() || v.asInt() < min) {
                throw new InvalidArgumentException(field + "." + f.getKey(), "a whole number ≥ " + min,
                        field + "." + f.getKey() + ": '" + v + "' is not a whole number ≥ " + min);
            }
            out.put(hand, v.asInt());
        }
        return out;
    }
}
