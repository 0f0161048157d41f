package jimbot.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jimbot.algorithms.catalog.Blind;
import jimbot.algorithms.catalog.Edition;
import jimbot.algorithms.catalog.Enhancement;
import jimbot.algorithms.catalog.JokerSpec;
import jimbot.algorithms.catalog.PokerHand;
import jimbot.algorithms.catalog.Rank;
import jimbot.algorithms.catalog.Seal;
import jimbot.algorithms.catalog.Suit;
import jimbot.algorithms.scoring.Joker;
import jimbot.algorithms.scoring.JokerKind;
import jimbot.algorithms.scoring.Luck;
import jimbot.algorithms.scoring.Play;
import jimbot.algorithms.scoring.PlayingCard;
import jimbot.algorithms.scoring.ScoreEngine;

/**
 * Plays one synthetic run and reports each moment to a {@link Moments} listener: antes of three blinds (the boss with
 * real boss names), hands dealt from a 52-card deck and scored by the real score engine, a shop after each blind won
 * (jokers bought, sometimes one sold), death when four hands miss the target, a win after ante 8's boss. Planted
 * joker pairs scale a run's scores, so the truth an analysis should find is known. Deterministic for a seed.
 */
final class RunSimulator {

    static final int[] ANTE_BASE = {300, 800, 2000, 5000, 11000, 20000, 35000, 50000};
    static final List<Blind> BOSSES = List.of(Blind.THE_HOOK, Blind.THE_OX, Blind.THE_WALL, Blind.THE_ARM, Blind.THE_CLUB,
            Blind.THE_GOAD, Blind.THE_WINDOW, Blind.THE_HEAD, Blind.THE_FLINT, Blind.THE_PSYCHIC, Blind.THE_PLANT,
            Blind.THE_MANACLE, Blind.THE_SERPENT);
    static final int HANDS = 4;
    static final int SLOTS = 5;
    static final int HAND_SIZE = 8;

    /** What a listener is told, in game order. */
    interface Moments {
        void blindSelect(RunSimulator run);

        void blindStarted(RunSimulator run);

        void handScored(RunSimulator run, List<PlayingCard> played, PokerHand type, double chips, double mult,
                        double score, double roundBefore, int handNumber);

        void roundWon(RunSimulator run, double roundScore, double reward);

        void shop(RunSimulator run, List<JokerKind> bought, List<JokerKind> sold, double moneyBefore);

        void died(RunSimulator run);

        void won(RunSimulator run);
    }

    private final Random rnd;
    private final List<Planted> planted;
    private final List<JokerSpec> shopPool;

    // state the formats read
    int ante = 1;
    int round;
    int blindIndex;
    double money = 4;
    int handsLeft = HANDS;
    final List<JokerKind> jokers = new ArrayList<>();
    final List<PlayingCard> hand = new ArrayList<>();
    final Map<PokerHand, Integer> levels = new EnumMap<>(PokerHand.class);
    Blind blind = Blind.SMALL_BLIND;
    double target;
    double roundScore;
    private List<PlayingCard> deck;

    RunSimulator(Random rnd, List<Planted> planted, List<JokerSpec> shopPool) {
        this.rnd = rnd;
        this.planted = planted;
        this.shopPool = List.copyOf(shopPool);
    }

    /** Plays the whole run. */
    void play(Moments out) {
        while (true) {
            for (blindIndex = 0; blindIndex < 3; blindIndex++) {
                blind = blindIndex == 0 ? Blind.SMALL_BLIND : blindIndex == 1 ? Blind.BIG_BLIND
                        : BOSSES.get(rnd.nextInt(BOSSES.size()));
                double factor = blindIndex == 0 ? 1 : blindIndex == 1 ? 1.5 : blind == Blind.THE_WALL ? 4 : 2;
                target = ANTE_BASE[Math.min(ante, 8) - 1] * factor;
                out.blindSelect(this);
                round++;
                roundScore = 0;
                handsLeft = HANDS;
                newDeck();
                draw();
                out.blindStarted(this);
                int handNumber = 0;
                while (roundScore < target && handsLeft > 0) {
                    List<PlayingCard> played = choose();
                    hand.removeAll(played);
                    ScoreEngine engine = new ScoreEngine(Play.of(played, hand, jokerList()).withLevels(levels)
                            .withLuck(Luck.AVERAGE).withState(money, handsLeft, 0, SLOTS));
                    var result = engine.result(ScoreEngine.identity(jokers.size()), false);
                    double score = Math.floor(result.score().doubleValue() * plantedFactor() * (0.85 + 0.3 * rnd.nextDouble()));
                    double before = roundScore;
                    roundScore += score;
                    handsLeft--;
                    handNumber++;
                    out.handScored(this, played, result.hand(), result.chips(), result.mult(), score, before, handNumber);
                    draw();
                }
                if (roundScore < target) {
                    out.died(this);
                    return;
                }
                double reward = (blindIndex == 0 ? 3 : blindIndex == 1 ? 4 : 5) + handsLeft + Math.min(5, Math.floor(money / 5));
                money += reward;
                out.roundWon(this, roundScore, reward);
                if (ante == 8 && blindIndex == 2) {
                    ante = 9;
                    out.won(this);
                    return;
                }
                shop(out);
            }
            ante++;
        }
    }

    /** The score factor planted pairs give this run (product over the pairs it holds). */
    double plantedFactor() {
        double f = 1;
        for (Planted p : planted) {
            if (jokers.contains(p.a()) && jokers.contains(p.b())) {
                f *= p.factor();
            }
        }
        return f;
    }

    List<Joker> jokerList() {
        return jokers.stream().map(k -> Joker.of(k, Edition.NONE)).toList();
    }

    private void shop(Moments out) {
        double before = money;
        List<JokerKind> bought = new ArrayList<>();
        List<JokerKind> sold = new ArrayList<>();
        if (jokers.size() == SLOTS && rnd.nextInt(4) == 0) {
            JokerKind gone = jokers.remove(rnd.nextInt(jokers.size()));
            sold.add(gone);
            money += Math.max(1, gone.spec().cost() / 2);
        }
        List<JokerSpec> offers = List.of(shopPool.get(rnd.nextInt(shopPool.size())), shopPool.get(rnd.nextInt(shopPool.size())));
        // prefer an offer that completes a planted pair (the simulated player believes in every planted pair; the scores
        // show which ones help), else the cheaper one
        JokerSpec pick = offers.stream().max(Comparator.comparingDouble(this::appeal)).orElseThrow();
        if (jokers.size() < SLOTS && money >= pick.cost() && rnd.nextInt(10) < 8) {
            money -= pick.cost();
            JokerKind k = JokerKind.of(pick);
            jokers.add(k);
            bought.add(k);
        }
        if (rnd.nextInt(3) == 0) {
            PokerHand h = PokerHand.values()[rnd.nextInt(4)];
            levels.merge(h, 2, (a, b) -> a + 1); // a Planet card bought and used
        }
        out.shop(this, bought, sold, before);
    }

    private double appeal(JokerSpec offer) {
        JokerKind k = JokerKind.of(offer);
        double a = rnd.nextDouble();
        for (Planted p : planted) {
            if ((p.a() == k && jokers.contains(p.b())) || (p.b() == k && jokers.contains(p.a()))) {
                a += 0.5;
            }
        }
        return a - offer.cost() / 40.0;
    }

    private void newDeck() {
        deck = new ArrayList<>();
        for (Suit s : Suit.values()) {
            for (Rank r : Rank.values()) {
                Enhancement e = rnd.nextInt(20) == 0 ? Enhancement.values()[1 + rnd.nextInt(Enhancement.values().length - 1)]
                        : Enhancement.NONE;
                deck.add(new PlayingCard(r, s, e, Edition.NONE, rnd.nextInt(40) == 0 ? Seal.RED : Seal.NONE, 0, false));
            }
        }
        java.util.Collections.shuffle(deck, rnd);
        hand.clear();
    }

    private void draw() {
        while (hand.size() < HAND_SIZE && !deck.isEmpty()) {
            hand.add(deck.remove(deck.size() - 1));
        }
    }

    /** A few sensible candidate plays (largest rank group, a flush, the five highest cards), best by the engine. */
    private List<PlayingCard> choose() {
        List<List<PlayingCard>> candidates = new ArrayList<>();
        Map<Rank, List<PlayingCard>> byRank = new EnumMap<>(Rank.class);
        Map<Suit, List<PlayingCard>> bySuit = new EnumMap<>(Suit.class);
        for (PlayingCard c : hand) {
            byRank.computeIfAbsent(c.rank(), r -> new ArrayList<>()).add(c);
            bySuit.computeIfAbsent(c.suit(), s -> new ArrayList<>()).add(c);
        }
        byRank.values().stream().max(Comparator.comparingInt((List<PlayingCard> l) -> l.size())
                .thenComparing(l -> l.get(0).rank().order())).ifPresent(l -> candidates.add(List.copyOf(l.subList(0, Math.min(5, l.size())))));
        bySuit.values().stream().filter(l -> l.size() >= 5).findFirst().ifPresent(l -> candidates.add(List.copyOf(l.subList(0, 5))));
        List<PlayingCard> high = new ArrayList<>(hand);
        high.sort(Comparator.comparingInt((PlayingCard c) -> c.rank().order()).reversed());
        candidates.add(List.copyOf(high.subList(0, Math.min(5, high.size()))));
        List<PlayingCard> best = candidates.get(0);
        double bestScore = -1;
        for (List<PlayingCard> c : candidates) {
            List<PlayingCard> rest = new ArrayList<>(hand);
            rest.removeAll(c);
            double s = new ScoreEngine(Play.of(c, rest, jokerList()).withLevels(levels).withLuck(Luck.AVERAGE))
                    .evaluate(ScoreEngine.identity(jokers.size()));
            if (s > bestScore) {
                bestScore = s;
                best = c;
            }
        }
        return best;
    }
}
