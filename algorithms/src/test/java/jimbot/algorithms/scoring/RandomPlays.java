package jimbot.algorithms.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jimbot.algorithms.catalog.Edition;
import jimbot.algorithms.catalog.Enhancement;
import jimbot.algorithms.catalog.Rank;
import jimbot.algorithms.catalog.Seal;
import jimbot.algorithms.catalog.Suit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators of plausible plays: cards with enhancements, jokers that act while scoring, copies included. */
public final class RandomPlays {

    /** Jokers whose order matters in some way, plus ones that change the rules or retrigger. */
    public static final List<String> POOL = List.of("Joker", "Greedy Joker", "Lusty Joker", "Jolly Joker", "Half Joker",
            "Sly Joker", "Cavendish", "The Duo", "Blackboard", "Smiley Face", "Photograph", "Scary Face", "Fibonacci",
            "Triboulet", "Bloodstone", "Baron", "Shoot the Moon", "Raised Fist", "Mime", "Sock and Buskin",
            "Hanging Chad", "Baseball Card", "Blueprint", "Brainstorm", "Bootstraps", "Abstract Joker", "Gros Michel",
            "Misprint", "Joker Stencil", "Hack", "Walkie Talkie", "Scholar", "Flower Pot", "Seeing Double", "Acrobat",
            "Even Steven", "Odd Todd", "Onyx Agate", "Arrowhead", "Steel Joker", "Green Joker", "Ride the Bus",
            "Pareidolia", "Splash", "Four Fingers", "Smeared Joker", "Erosion", "Campfire", "The Tribe", "Constellation");

    private RandomPlays() {
    }

    public static Arbitrary<PlayingCard> cards() {
        return Combinators.combine(
                Arbitraries.of(Rank.class),
                Arbitraries.of(Suit.class),
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.just(Enhancement.NONE)),
                        net.jqwik.api.Tuple.of(3, Arbitraries.of(Enhancement.class))),
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.just(Edition.NONE)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of(Edition.FOIL, Edition.HOLOGRAPHIC, Edition.POLYCHROME))),
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.just(Seal.NONE)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of(Seal.RED, Seal.GOLD))))
                .as((r, s, e, ed, seal) -> new PlayingCard(r, s, e, ed, seal, 0, false));
    }

    public static Arbitrary<Joker> jokers() {
        return Combinators.combine(Arbitraries.of(POOL),
                        Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just(Edition.NONE)),
                                net.jqwik.api.Tuple.of(2, Arbitraries.of(Edition.FOIL, Edition.HOLOGRAPHIC, Edition.POLYCHROME))),
                        Arbitraries.integers().between(1, 6))
                .as((name, edition, level) -> {
                    JokerKind kind = JokerKind.find(name).orElseThrow();
                    JokerState state = switch (kind) {
                        case GREEN_JOKER, RIDE_THE_BUS, EROSION -> JokerState.of(Map.of("mult", (double) level));
                        case CAMPFIRE, CONSTELLATION -> JokerState.of(Map.of("xmult", 1 + level / 4.0));
                        case STEEL_JOKER -> JokerState.of(Map.of("xmult", 1 + level / 5.0));
                        default -> JokerState.EMPTY;
                    };
                    return new Joker(kind, edition, state, false);
                });
    }

    /** Plays with {@code minJokers..maxJokers} jokers, 1–5 played cards and 0–{@code maxHeld} held cards. */
    public static Arbitrary<Play> plays(int minJokers, int maxJokers, int maxHeld) {
        return Combinators.combine(
                cards().list().ofMinSize(1).ofMaxSize(5),
                cards().list().ofMaxSize(maxHeld),
                jokers().list().ofMinSize(minJokers).ofMaxSize(maxJokers),
                Arbitraries.of(Luck.class),
                Arbitraries.integers().between(0, 25),
                Arbitraries.integers().between(1, 4))
                .as((played, held, jokers, luck, money, handsLeft) -> Play.of(played, held, new ArrayList<>(jokers))
                        .withLuck(luck).withState(money, handsLeft, 1, 5));
    }
}
