package jimbot.bench.algorithms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jimbot.algorithms.catalog.Edition;
import jimbot.algorithms.catalog.Enhancement;
import jimbot.algorithms.catalog.Rank;
import jimbot.algorithms.catalog.Seal;
import jimbot.algorithms.catalog.Suit;
import jimbot.algorithms.scoring.Joker;
import jimbot.algorithms.scoring.JokerKind;
import jimbot.algorithms.scoring.JokerState;
import jimbot.algorithms.scoring.Luck;
import jimbot.algorithms.scoring.Play;
import jimbot.algorithms.scoring.PlayingCard;

/** Seeded random plays for the benchmarks: scoring-relevant jokers (copies included) with random editions. */
final class Plays {

    static final List<String> POOL = List.of("Joker", "Greedy Joker", "Lusty Joker", "Jolly Joker", "Half Joker",
            "Sly Joker", "Cavendish", "The Duo", "Blackboard", "Smiley Face", "Photograph", "Scary Face", "Fibonacci",
            "Triboulet", "Bloodstone", "Baron", "Shoot the Moon", "Raised Fist", "Mime", "Sock and Buskin",
            "Hanging Chad", "Baseball Card", "Blueprint", "Brainstorm", "Bootstraps", "Abstract Joker", "Gros Michel",
            "Misprint", "Hack", "Walkie Talkie", "Scholar", "Flower Pot", "Seeing Double", "Even Steven", "Odd Todd",
            "Onyx Agate", "Arrowhead", "Steel Joker", "Green Joker", "Ride the Bus", "Erosion", "Campfire", "The Tribe",
            "Constellation", "Ancient Joker", "The Idol", "Card Sharp", "Spare Trousers", "Supernova", "Lucky Cat");

    private Plays() {
    }

    static PlayingCard card(Random r) {
        Enhancement e = r.nextInt(4) == 0 ? Enhancement.values()[r.nextInt(Enhancement.values().length)] : Enhancement.NONE;
        Edition ed = r.nextInt(8) == 0 ? Edition.values()[1 + r.nextInt(3)] : Edition.NONE;
        Seal s = r.nextInt(10) == 0 ? Seal.RED : Seal.NONE;
        return new PlayingCard(Rank.values()[r.nextInt(13)], Suit.values()[r.nextInt(4)], e, ed, s, 0, false);
    }

    static Joker joker(Random r) {
        JokerKind kind = JokerKind.find(POOL.get(r.nextInt(POOL.size()))).orElseThrow();
        Edition ed = r.nextInt(3) == 0 ? Edition.values()[1 + r.nextInt(3)] : Edition.NONE;
        JokerState state = switch (kind) {
            case GREEN_JOKER, RIDE_THE_BUS, EROSION, TROUSERS -> JokerState.of(Map.of("mult", (double) r.nextInt(10)));
            case CAMPFIRE, CONSTELLATION, STEEL_JOKER, LUCKY_CAT -> JokerState.of(Map.of("xmult", 1 + r.nextInt(8) / 4.0));
            case ANCIENT -> new JokerState(Map.of(), Map.of("suit", Suit.values()[r.nextInt(4)].name()));
            case IDOL -> new JokerState(Map.of(), Map.of("suit", Suit.values()[r.nextInt(4)].name(),
                    "rank", Rank.values()[r.nextInt(13)].name()));
            default -> JokerState.EMPTY;
        };
        return new Joker(kind, ed, state, false);
    }

    /** A play of {@code played} cards, {@code held} held cards and {@code jokers} jokers. */
    static Play play(Random r, int played, int held, int jokers) {
        List<PlayingCard> p = new ArrayList<>();
        for (int i = 0; i < played; i++) {
            p.add(card(r));
        }
        List<PlayingCard> h = new ArrayList<>();
        for (int i = 0; i < held; i++) {
            h.add(card(r));
        }
        List<Joker> j = new ArrayList<>();
        for (int i = 0; i < jokers; i++) {
            j.add(joker(r));
        }
        return Play.of(p, h, j).withLuck(Luck.AVERAGE).withState(r.nextInt(30), 1 + r.nextInt(4), r.nextInt(4), jokers);
    }
}
