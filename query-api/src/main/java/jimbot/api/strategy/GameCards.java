package jimbot.api.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jimbot.algorithms.catalog.Edition;
import jimbot.algorithms.catalog.Enhancement;
import jimbot.algorithms.catalog.JokerCatalog;
import jimbot.algorithms.catalog.Rank;
import jimbot.algorithms.catalog.Seal;
import jimbot.algorithms.catalog.Suit;
import jimbot.algorithms.scoring.Joker;
import jimbot.algorithms.scoring.JokerKind;
import jimbot.algorithms.scoring.JokerState;
import jimbot.algorithms.scoring.Play;
import jimbot.algorithms.scoring.PlayingCard;
import jimbot.algorithms.scoring.ScoreEngine;
import jimbot.graph.projector.HandNamer;
import jimbot.graph.projector.JokerNames;
import jimbot.v1.Card;
import jimbot.v1.JokerCard;

/** The mods' cards and jokers (as the journal keeps them) for the score engine and the joker catalog. */
public final class GameCards {

    private GameCards() {
    }

    /** A card as the score engine reads it, unless its rank or suit is unreadable (and it is no Stone card). */
    public static Optional<PlayingCard> card(Card c) {
        Enhancement enhancement = Enhancement.parse(c.getEnhancement()).orElse(Enhancement.NONE);
        Optional<Rank> rank = Rank.parse(c.getRank());
        Optional<Suit> suit = Suit.parse(c.getSuit());
        if ((rank.isEmpty() || suit.isEmpty()) && enhancement != Enhancement.STONE) {
            return Optional.empty();
        }
        return Optional.of(new PlayingCard(rank.orElse(Rank.TWO), suit.orElse(Suit.SPADES), enhancement,
                Edition.parse(c.getEdition()).orElse(Edition.NONE), Seal.parse(c.getSeal()).orElse(Seal.NONE), 0, false));
    }

    /** A joker as the score engine reads it (its shown mult and chips as state), unless it is not a vanilla joker. */
    public static Optional<Joker> joker(JokerCard j) {
        return JokerKind.find(j.getName()).map(kind -> {
            java.util.Map<String, Double> numbers = new java.util.HashMap<>();
            if (j.getMult() != 0) {
                numbers.put("mult", j.getMult());
            }
            if (j.getChips() != 0) {
                numbers.put("chips", j.getChips());
            }
            return new Joker(kind, Edition.parse(j.getEdition()).orElse(Edition.NONE), JokerState.of(numbers), false);
        });
    }

    /** Joker names as the mods write them → catalog keys, for the graph projector. */
    public static JokerNames jokerNames() {
        return name -> JokerCatalog.vanilla().find(name).map(s -> new JokerNames.Entry(s.key(), s.name()));
    }

    /** Names the poker hand of played cards with the score engine's hand rules (Four Fingers and the like count). */
    public static HandNamer handNamer() {
        return (played, jokers) -> {
            List<PlayingCard> cards = new ArrayList<>();
            for (Card c : played) {
                card(c).ifPresent(cards::add);
            }
            if (cards.isEmpty() || cards.size() > Play.MAX_PLAYED) {
                return Optional.empty();
            }
            List<Joker> js = new ArrayList<>();
            for (JokerCard j : jokers) {
                joker(j).ifPresent(js::add);
            }
            return Optional.of(new ScoreEngine(Play.of(cards, List.of(), js)).handName());
        };
    }

    /** The joker catalog as rows for seeding the graph. */
    public static List<Map<String, Object>> catalogRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        JokerCatalog.vanilla().all().forEach(s -> rows.add(Map.of("key", s.key(), "name", s.name(),
                "rarity", s.rarity().name().toLowerCase(java.util.Locale.ROOT), "cost", (long) s.cost(), "type", s.type(),
                "timing", s.timing(), "blueprint_compatible", s.blueprintCompatible())));
        return rows;
    }
}
