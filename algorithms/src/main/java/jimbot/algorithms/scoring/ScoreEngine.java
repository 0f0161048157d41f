package jimbot.algorithms.scoring;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import jimbot.algorithms.catalog.Blind;
import jimbot.algorithms.catalog.Deck;
import jimbot.algorithms.catalog.Edition;
import jimbot.algorithms.catalog.Enhancement;
import jimbot.algorithms.catalog.PokerHand;
import jimbot.algorithms.catalog.Rank;
import jimbot.algorithms.catalog.Seal;
import jimbot.algorithms.catalog.Suit;
import jimbot.algorithms.catalog.Voucher;

/**
 * The exact score of one played hand, evaluated in the game's order (balatro-scoring.md section 1.3): blind
 * effects, the {@code before} context, base chips and mult, each scoring card (with retriggers, its enhancement,
 * seal, edition, then every per-card joker left to right), each held card (Steel, then held jokers), the joker main
 * phase (edition before, effect, Baseball Card after each Uncommon, Polychrome after), Observatory, Plasma, floor.
 *
 * <p>One engine compiles one play (cards, jokers, run state) once; {@link #evaluate(int[])} then scores any joker
 * order without allocating, which is what the ordering and best-play searches call. Not thread-safe: use one
 * engine per thread. Random effects follow {@link Luck}; the Hook's discards and Space Joker's level-ups are
 * averaged exactly over their outcomes (or take the worst / best outcome for {@link Luck#NONE} / {@link Luck#ALL}).
 */
public final class ScoreEngine {

    private static final int NONE = -1;

    private final Play play;
    private final int jokerCount;
    private final JokerKind[] kinds;
    private final Edition[] editions;
    private final boolean[] jokerDebuffed;
    private final boolean[] uncommon;
    private final boolean[] copyable;
    /** Each joker's state value at the start of the hand (mult, chips or xmult, by kind). */
    private final double[] initialValue;
    private final Suit[] stateSuit;
    private final Rank[] stateRank;
    private final PokerHand[] stateHand;
    private final double[] stateRemaining;

    private final List<PlayingCard> played;
    private final List<PlayingCard> held;
    private final HandEvaluator.Match match;
    private final PokerHand hand;
    private final boolean allowed;
    private final boolean pareidolia;
    private final boolean smeared;
    private final int oops;
    private final Luck luck;
    private final int[] scoringIndex;
    private final boolean[] playedDebuffed;
    private final boolean[] heldDebuffed;
    private final int raisedFistCard;
    private final int planetsForHand;
    private final double startMoney;
    private final int negativeSlots;
    private final int stencils;

    // scratch, reset on every evaluation
    private final int[] actor;
    private final double[] value;
    private final int[] perma;
    private final Enhancement[] enhancement;
    private double chips;
    private double mult;
    private double money;
    private List<Step> log;
    private int[] cardOrder;
    private int firstFaceScoring;

    // probing: the affine map each joker applies to mult in each segment (see affineProfile)
    private double[][] probeA;
    private double[][] probeB;
    private int probeJoker = NONE;
    private int probeSegment = NONE;
    // probing: the affine map each played card's whole step (all repetitions) applies to mult (see cardMaps)
    private double[] cardA;
    private double[] cardB;
    private int probeCard = NONE;

    /** Compiles a play; the jokers' positions in {@code play.jokers()} are the indexes orders refer to. */
    public ScoreEngine(Play play) {
        this.play = play;
        this.luck = play.luck();
        this.jokerCount = play.jokers().size();
        this.kinds = new JokerKind[jokerCount];
        this.editions = new Edition[jokerCount];
        this.jokerDebuffed = new boolean[jokerCount];
        this.uncommon = new boolean[jokerCount];
        this.copyable = new boolean[jokerCount];
        this.initialValue = new double[jokerCount];
        this.stateSuit = new Suit[jokerCount];
        this.stateRank = new Rank[jokerCount];
        this.stateHand = new PokerHand[jokerCount];
        this.stateRemaining = new double[jokerCount];
        boolean fourFingers = false;
        boolean shortcut = false;
        boolean smearedJoker = false;
        boolean splash = false;
        boolean pareidoliaJoker = false;
        int oopsCount = 0;
        int negatives = 0;
        int stencilCount = 0;
        for (int i = 0; i < jokerCount; i++) {
            Joker j = play.jokers().get(i);
            kinds[i] = j.kind();
            editions[i] = j.edition();
            jokerDebuffed[i] = j.debuffed();
            uncommon[i] = j.kind().uncommon();
            copyable[i] = j.kind().spec().blueprintCompatible();
            if (j.edition() == Edition.NEGATIVE) {
                negatives++;
            }
            if (j.debuffed()) {
                continue;
            }
            switch (j.kind()) {
                case FOUR_FINGERS -> fourFingers = true;
                case SHORTCUT -> shortcut = true;
                case SMEARED -> smearedJoker = true;
                case SPLASH -> splash = true;
                case PAREIDOLIA -> pareidoliaJoker = true;
                case OOPS -> oopsCount++;
                case STENCIL -> stencilCount++;
                default -> {
                    // no rule change
                }
            }
            initialValue[i] = JokerValues.initial(j, play);
            stateSuit[i] = j.state().word("suit").flatMap(Suit::parse).orElse(null);
            stateRank[i] = j.state().word("rank").flatMap(Rank::parse).orElse(null);
            stateHand[i] = j.state().word("hand").flatMap(PokerHand::parse).orElse(null);
            stateRemaining[i] = j.state().number("remaining", j.kind() == JokerKind.SELZER ? 10 : 0);
        }
        this.pareidolia = pareidoliaJoker;
        this.smeared = smearedJoker;
        this.oops = oopsCount;
        this.negativeSlots = negatives;
        this.stencils = stencilCount;
        this.played = play.played();
        this.held = play.held();
        this.match = HandEvaluator.evaluate(played, fourFingers, shortcut, smeared, splash);
        this.hand = match.hand();
        this.allowed = handAllowed();

        Blind blind = play.blind().orElse(null);
        this.playedDebuffed = new boolean[played.size()];
        for (int i = 0; i < played.size(); i++) {
            playedDebuffed[i] = debuffedByBlind(played.get(i), blind);
        }
        this.heldDebuffed = new boolean[held.size()];
        for (int i = 0; i < held.size(); i++) {
            heldDebuffed[i] = debuffedByBlind(held.get(i), blind);
        }
        List<Integer> scoringList = new ArrayList<>();
        for (int i = 0; i < played.size(); i++) {
            if (match.scoring()[i]) {
                scoringList.add(i);
            }
        }
        this.scoringIndex = scoringList.stream().mapToInt(Integer::intValue).toArray();
        this.raisedFistCard = lowestHeld();
        int planets = 0;
        if (play.vouchers().contains(Voucher.OBSERVATORY)) {
            for (String c : play.consumables()) {
                if (PokerHand.ofPlanet(c).filter(h -> h == hand).isPresent()) {
                    planets++;
                }
            }
        }
        this.planetsForHand = planets;
        double m = play.money();
        if (blind == Blind.THE_TOOTH) {
            m -= played.size();
        }
        if (blind == Blind.THE_OX && isMostPlayed(false)) {
            m = 0;
        }
        this.startMoney = m;

        this.actor = new int[jokerCount];
        this.value = new double[jokerCount];
        this.perma = new int[played.size()];
        this.enhancement = new Enhancement[played.size()];
    }

    /** Scores a play with its jokers in the given order. */
    public static ScoreResult score(Play play, boolean withSteps) {
        ScoreEngine engine = new ScoreEngine(play);
        return engine.result(identity(play.jokers().size()), withSteps);
    }

    /** The order 0, 1, …, n−1: the jokers as given. */
    public static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    public Play play() {
        return play;
    }

    public PokerHand hand() {
        return hand;
    }

    /** What the game calls the hand ("Royal Flush" for an ace-high Straight Flush). */
    public String handName() {
        return match.name();
    }

    /** Indexes of the scoring cards among the played cards, left to right. */
    public int[] scoringCards() {
        return scoringIndex.clone();
    }

    /**
     * The score with the jokers in {@code order} ({@code order[p]} = index into {@code play.jokers()} of the joker
     * at slot p). Under {@link Luck#AVERAGE}, the expected score.
     */
    public double evaluate(int[] order) {
        return evaluate(order, scoringIndex);
    }

    /**
     * The score with the jokers in {@code order} and the scoring cards scored in {@code cards} order (a permutation of
     * {@link #scoringCards()}); non-scoring played cards do not matter where they are.
     */
    public double evaluate(int[] order, int[] cards) {
        useCardOrder(cards);
        return run(order);
    }

    private void useCardOrder(int[] cards) {
        if (cards.length != scoringIndex.length) {
            throw new IllegalArgumentException("card order has " + cards.length + " cards; " + scoringIndex.length + " score");
        }
        this.cardOrder = cards;
        int face = NONE;
        for (int i : cards) {
            if (isFace(played.get(i), playedDebuffed[i] || played.get(i).debuffed())) {
                face = i;
                break;
            }
        }
        this.firstFaceScoring = face;
    }

    /**
     * The full result, with the step log when asked. The score is the expectation under {@link Luck#AVERAGE};
     * chips, mult and the log show one outcome: no Space Joker level-up (all of them under {@link Luck#ALL}) and,
     * against The Hook, the two leftmost held cards discarded.
     */
    public ScoreResult result(int[] order, boolean withSteps) {
        return result(order, scoringIndex, withSteps);
    }

    /** {@link #result(int[], boolean)} with the scoring cards in {@code cards} order. */
    public ScoreResult result(int[] order, int[] cards, boolean withSteps) {
        useCardOrder(cards);
        double expected = run(order);
        log = withSteps ? new ArrayList<>() : null;
        boolean hook = hookActive();
        double shown = scenario(order, luck == Luck.ALL ? spaceRolls(order) : 0, hook ? 0 : NONE, hook ? 1 : NONE);
        List<Step> steps = withSteps ? log : List.of();
        log = null;
        BigInteger score = expected == shown ? floorProduct(chips, mult)
                : BigDecimal.valueOf(expected).setScale(0, RoundingMode.FLOOR).toBigInteger();
        return new ScoreResult(hand, match.name(), chips, mult, score, money - play.money(), steps);
    }

    /**
     * For the given order, the map m ↦ a·m + b that each joker's effects apply to mult in each segment: one segment
     * per played card (its first repetition), one per held card, then the main phase. Index {@code [joker][segment]};
     * a joker that does nothing in a segment has (1, 0). This is what joker ordering reasons with (section 3.2).
     */
    public AffineProfile affineProfile(int[] order) {
        useCardOrder(scoringIndex);
        int segments = played.size() + held.size() + 1;
        probeA = new double[jokerCount][segments];
        probeB = new double[jokerCount][segments];
        for (double[] row : probeA) {
            java.util.Arrays.fill(row, 1);
        }
        try {
            scenario(order, 0, NONE, NONE);
            return new AffineProfile(probeA, probeB, played.size(), held.size());
        } finally {
            probeA = null;
            probeB = null;
            probeJoker = NONE;
            probeSegment = NONE;
        }
    }

    /**
     * For the given joker order, the map m ↦ a·m + b that each played card's scoring (all its repetitions, its own
     * enhancement and edition and every per-card joker) applies to mult, as {@code [card] = {a, b}}; a card that does
     * not score has (1, 0). Card order reasons with these the way joker order reasons with joker maps.
     */
    public double[][] cardMaps(int[] order, int[] cards) {
        useCardOrder(cards);
        cardA = new double[played.size()];
        cardB = new double[played.size()];
        java.util.Arrays.fill(cardA, 1);
        try {
            scenario(order, 0, NONE, NONE);
            double[][] out = new double[played.size()][];
            for (int i = 0; i < played.size(); i++) {
                out[i] = new double[] {cardA[i], cardB[i]};
            }
            return out;
        } finally {
            cardA = null;
            cardB = null;
            probeCard = NONE;
        }
    }

    /** Per-joker, per-segment affine maps on mult; see {@link #affineProfile}. */
    public record AffineProfile(double[][] a, double[][] b, int playedSegments, int heldSegments) {
        public int segments() {
            return playedSegments + heldSegments + 1;
        }
    }

    private boolean hookActive() {
        return play.blind().filter(b -> b == Blind.THE_HOOK).isPresent() && held.size() > 2;
    }

    private double run(int[] order) {
        if (order.length != jokerCount) {
            throw new IllegalArgumentException("order has " + order.length + " jokers; the play has " + jokerCount);
        }
        int rolls = spaceRolls(order);
        if (!hookActive()) {
            return rolls == 0 ? scenario(order, 0, NONE, NONE) : overSpace(order, rolls, NONE, NONE);
        }
        // The Hook discards 2 random held cards: every pair is equally likely
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int pairs = 0;
        for (int a = 0; a < held.size(); a++) {
            for (int b = a + 1; b < held.size(); b++) {
                double s = overSpace(order, rolls, a, b);
                sum += s;
                min = Math.min(min, s);
                max = Math.max(max, s);
                pairs++;
            }
        }
        return switch (luck) {
            case NONE -> min;
            case ALL -> max;
            case AVERAGE -> sum / pairs;
        };
    }

    /** Space Joker's rolls (1 in 4 each, before scoring): exact over the binomial outcomes under AVERAGE. */
    private double overSpace(int[] order, int rolls, int skipA, int skipB) {
        if (rolls == 0) {
            return scenario(order, 0, skipA, skipB);
        }
        return switch (luck) {
            case NONE -> scenario(order, 0, skipA, skipB);
            case ALL -> scenario(order, rolls, skipA, skipB);
            case AVERAGE -> {
                double p = probability(1, 4);
                double total = 0;
                for (int k = 0; k <= rolls; k++) {
                    double weight = binomial(rolls, k) * Math.pow(p, k) * Math.pow(1 - p, rolls - k);
                    if (weight > 0) {
                        total += weight * scenario(order, k, skipA, skipB);
                    }
                }
                yield total;
            }
        };
    }

    private int spaceRolls(int[] order) {
        resolveCopies(order);
        int rolls = 0;
        for (int p = 0; p < jokerCount; p++) {
            int a = actor[p];
            if (a != NONE && !jokerDebuffed[order[p]] && kinds[a] == JokerKind.SPACE) {
                rolls++;
            }
        }
        return rolls;
    }

    /** One deterministic-structure evaluation: {@code levelUps} from Space Joker, held cards {@code skipA/B} discarded. */
    private double scenario(int[] order, int levelUps, int skipA, int skipB) {
        resolveCopies(order);
        money = startMoney;
        chips = 0;
        mult = 0;
        if (!allowed) {
            note("base", play.blind().map(Blind::displayName).orElse("blind"), "not allowed", 0);
            return 0;
        }
        for (int i = 0; i < jokerCount; i++) {
            value[i] = initialValue[i];
        }
        for (int i = 0; i < played.size(); i++) {
            perma[i] = played.get(i).permaChips();
            enhancement[i] = played.get(i).enhancement();
        }
        before(order);

        int level = play.level(hand);
        if (play.blind().filter(b -> b == Blind.THE_ARM).isPresent()) {
            level = Math.max(1, level - 1);
        }
        level += levelUps;
        chips = hand.chipsAt(level);
        mult = hand.multAt(level);
        note("base", match.name() + " level " + level, "set", 0);
        if (play.blind().filter(b -> b == Blind.THE_FLINT).isPresent()) {
            chips = Math.max(Math.floor(chips / 2 + 0.5), 0);
            mult = Math.max(Math.floor(mult / 2 + 0.5), 1);
            note("base", "The Flint", "halve", 0.5);
        }

        double luckyTriggers = 0;
        for (int s = 0; s < cardOrder.length; s++) {
            int i = cardOrder[s];
            PlayingCard card = played.get(i);
            boolean debuffed = playedDebuffed[i] || card.debuffed();
            int reps = 1 + (card.seal() == Seal.RED ? 1 : 0) + playedRetriggers(order, card, debuffed, s == 0);
            probeCard = i;
            for (int r = 0; r < reps; r++) {
                if (debuffed) {
                    continue;
                }
                probeSegment = r == 0 ? i : NONE;
                luckyTriggers += scoreCard(order, i, card);
            }
            probeSegment = NONE;
            probeCard = NONE;
        }
        growLuckyCat(order, luckyTriggers);

        for (int h = 0; h < held.size(); h++) {
            if (h == skipA || h == skipB) {
                continue;
            }
            PlayingCard card = held.get(h);
            boolean debuffed = heldDebuffed[h] || card.debuffed();
            if (debuffed) {
                continue;
            }
            int reps = 1 + (card.seal() == Seal.RED ? 1 : 0) + heldRetriggers(order);
            for (int r = 0; r < reps; r++) {
                probeSegment = r == 0 ? played.size() + h : NONE;
                holdCard(order, h, card, skipA, skipB);
            }
            probeSegment = NONE;
        }

        probeSegment = played.size() + held.size();
        mainPhase(order, skipA, skipB);
        probeSegment = NONE;

        for (int k = 0; k < planetsForHand; k++) {
            times(1.5, "consumable", hand.planet() + " (Observatory)");
        }
        if (play.deck().filter(d -> d == Deck.PLASMA).isPresent()) {
            double balanced = Math.floor((chips + mult) / 2);
            chips = balanced;
            mult = balanced;
            note("deck", "Plasma Deck", "balance", balanced);
        }
        return Math.floor(chips * mult);
    }

    // --- copies -------------------------------------------------------------------------------------------

    /** actor[p]: the joker whose ability acts at slot p (itself, or what a Blueprint/Brainstorm there copies). */
    private void resolveCopies(int[] order) {
        for (int p = 0; p < jokerCount; p++) {
            actor[p] = resolve(order, p, 0);
        }
    }

    private int resolve(int[] order, int p, int depth) {
        if (p < 0 || p >= jokerCount || depth > jokerCount) {
            return NONE;
        }
        int j = order[p];
        JokerKind k = kinds[j];
        if (k == JokerKind.BLUEPRINT || k == JokerKind.BRAINSTORM) {
            int target = k == JokerKind.BLUEPRINT ? p + 1 : 0;
            if (target == p) {
                return NONE;
            }
            if (target >= jokerCount || jokerDebuffed[order[target]]) {
                return NONE;
            }
            int t = resolve(order, target, depth + 1);
            return t == NONE || !copyable[t] ? NONE : t;
        }
        return j;
    }

    /**
     * For the given order, the joker whose ability acts at each slot: itself, what a Blueprint or Brainstorm there
     * copies, or -1 when a copy copies nothing.
     */
    public int[] actors(int[] order) {
        resolveCopies(order);
        return actor.clone();
    }

    private boolean acting(int[] order, int p) {
        return actor[p] != NONE && !jokerDebuffed[order[p]];
    }

    private boolean isCopy(int[] order, int p) {
        return actor[p] != order[p];
    }

    // --- before ------------------------------------------------------------------------------------------

    private void before(int[] order) {
        boolean faceScored = false;
        for (int i : scoringIndex) {
            if (isFace(played.get(i), playedDebuffed[i] || played.get(i).debuffed())) {
                faceScored = true;
                break;
            }
        }
        for (int p = 0; p < jokerCount; p++) {
            if (!acting(order, p)) {
                continue;
            }
            int a = actor[p];
            boolean copy = isCopy(order, p);
            switch (kinds[a]) {
                case GREEN_JOKER -> grow(a, copy, value[a] + 1);
                case RIDE_THE_BUS -> grow(a, copy, faceScored ? 0 : value[a] + 1);
                case RUNNER -> grow(a, copy, match.contains(PokerHand.STRAIGHT) ? value[a] + 15 : value[a]);
                case SQUARE -> grow(a, copy, played.size() == 4 ? value[a] + 4 : value[a]);
                case TROUSERS -> grow(a, copy, match.contains(PokerHand.TWO_PAIR) ? value[a] + 2 : value[a]);
                case OBELISK -> grow(a, copy, isMostPlayed(true) ? 1 : value[a] + 0.2);
                case VAMPIRE -> {
                    if (!copy) {
                        int enhanced = 0;
                        for (int i : scoringIndex) {
                            if (enhancement[i] != Enhancement.NONE && !playedDebuffed[i] && !played.get(i).debuffed()) {
                                enhanced++;
                                enhancement[i] = Enhancement.NONE;
                            }
                        }
                        value[a] += 0.1 * enhanced;
                    }
                }
                case MIDAS_MASK -> {
                    for (int i : scoringIndex) {
                        if (isFace(played.get(i), playedDebuffed[i] || played.get(i).debuffed())) {
                            enhancement[i] = Enhancement.GOLD;
                        }
                    }
                }
                case TODO_LIST -> {
                    if (stateHand[a] == hand) {
                        earn(4, kinds[a]);
                    }
                }
                default -> {
                    // nothing before scoring
                }
            }
        }
    }

    /** Scaling jokers grow before scoring; a copy reads the grown value but never grows it. */
    private void grow(int a, boolean copy, double grown) {
        if (!copy) {
            value[a] = grown;
        }
    }

    // --- scoring cards ---------------------------------------------------------------------------------------

    private int playedRetriggers(int[] order, PlayingCard card, boolean debuffed, boolean firstScoring) {
        int reps = 0;
        for (int p = 0; p < jokerCount; p++) {
            if (!acting(order, p)) {
                continue;
            }
            int a = actor[p];
            switch (kinds[a]) {
                case SOCK_AND_BUSKIN -> reps += isFace(card, debuffed) ? 1 : 0;
                case HACK -> reps += card.enhancement() != Enhancement.STONE && card.rank().order() <= 5 ? 1 : 0;
                case DUSK -> reps += play.handsLeft() == 1 ? 1 : 0;
                case SELZER -> reps += stateRemaining[a] > 0 ? 1 : 0;
                case HANGING_CHAD -> reps += firstScoring ? 2 : 0;
                default -> {
                    // no retrigger
                }
            }
        }
        return reps;
    }

    /** One repetition of one scoring card; returns the probability a Lucky Cat trigger happened. */
    private double scoreCard(int[] order, int i, PlayingCard card) {
        String name = log == null ? null : card.toString();
        Enhancement e = enhancement[i];
        double lucky = 0;
        if (e == Enhancement.STONE) {
            plus(50 + perma[i], "card", name);
        } else {
            plus(card.rank().chips() + (e == Enhancement.BONUS ? 30 : 0) + perma[i], "card", name);
        }
        if (e == Enhancement.MULT) {
            add(4, "card", name);
        } else if (e == Enhancement.LUCKY) {
            double pMult = probability(1, 5);
            double pMoney = probability(1, 15);
            add(expected(pMult) * 20, "card", name);
            earnExpected(pMoney, 20);
            lucky = luck == Luck.AVERAGE ? 1 - (1 - pMult) * (1 - pMoney) : (expected(pMult) > 0 || expected(pMoney) > 0 ? 1 : 0);
        }
        if (e == Enhancement.GLASS) {
            times(2, "card", name);
        }
        if (card.seal() == Seal.GOLD) {
            money += 3;
        }
        switch (card.edition()) {
            case FOIL -> plus(50, "card", name);
            case HOLOGRAPHIC -> add(10, "card", name);
            case POLYCHROME -> times(1.5, "card", name);
            case NONE, NEGATIVE -> {
                // nothing
            }
        }
        for (int p = 0; p < jokerCount; p++) {
            if (acting(order, p)) {
                probeJoker = order[p];
                individual(order, p, actor[p], i, card, e);
                probeJoker = NONE;
            }
        }
        return lucky;
    }

    private void individual(int[] order, int p, int a, int i, PlayingCard card, Enhancement e) {
        boolean stone = e == Enhancement.STONE;
        Rank rank = card.rank();
        String src = log == null ? null : kinds[a].spec().name();
        switch (kinds[a]) {
            case GREEDY_JOKER -> addIf(suit(card, Suit.DIAMONDS), 3, src);
            case LUSTY_JOKER -> addIf(suit(card, Suit.HEARTS), 3, src);
            case WRATHFUL_JOKER -> addIf(suit(card, Suit.SPADES), 3, src);
            case GLUTTENOUS_JOKER -> addIf(suit(card, Suit.CLUBS), 3, src);
            case FIBONACCI -> addIf(!stone && (rank == Rank.ACE || rank == Rank.TWO || rank == Rank.THREE
                    || rank == Rank.FIVE || rank == Rank.EIGHT), 8, src);
            case SCARY_FACE -> {
                if (isFace(card, false)) {
                    plus(30, "joker", src);
                }
            }
            case SMILEY -> addIf(isFace(card, false), 5, src);
            case EVEN_STEVEN -> addIf(!stone && rank.order() <= 10 && rank.order() % 2 == 0, 4, src);
            case ODD_TODD -> {
                if (!stone && (rank == Rank.ACE || (rank.order() <= 9 && rank.order() % 2 == 1))) {
                    plus(31, "joker", src);
                }
            }
            case SCHOLAR -> {
                if (!stone && rank == Rank.ACE) {
                    plus(20, "joker", src);
                    add(4, "joker", src);
                }
            }
            case WALKIE_TALKIE -> {
                if (!stone && (rank == Rank.TEN || rank == Rank.FOUR)) {
                    plus(10, "joker", src);
                    add(4, "joker", src);
                }
            }
            case BUSINESS -> {
                if (isFace(card, false)) {
                    earnExpected(probability(1, 2), 2);
                }
            }
            case HIKER -> perma[i] += 5;
            case ARROWHEAD -> {
                if (suit(card, Suit.SPADES)) {
                    plus(50, "joker", src);
                }
            }
            case ONYX_AGATE -> addIf(suit(card, Suit.CLUBS), 7, src);
            case ROUGH_GEM -> {
                if (suit(card, Suit.DIAMONDS)) {
                    money += 1;
                }
            }
            case BLOODSTONE -> {
                if (suit(card, Suit.HEARTS)) {
                    times(expectedFactor(probability(1, 2), 1.5), "joker", src);
                }
            }
            case ANCIENT -> {
                if (stateSuit[a] != null && suit(card, stateSuit[a])) {
                    times(1.5, "joker", src);
                }
            }
            case IDOL -> {
                if (!stone && stateRank[a] == rank && stateSuit[a] != null && suit(card, stateSuit[a])) {
                    times(2, "joker", src);
                }
            }
            case PHOTOGRAPH -> {
                if (i == firstFaceScoring) {
                    times(2, "joker", src);
                }
            }
            case TRIBOULET -> {
                if (!stone && (rank == Rank.KING || rank == Rank.QUEEN)) {
                    times(2, "joker", src);
                }
            }
            case TICKET -> {
                if (e == Enhancement.GOLD) {
                    money += 4;
                }
            }
            case WEE -> {
                if (!stone && rank == Rank.TWO && !isCopy(order, p)) {
                    value[a] += 8;
                }
            }
            default -> {
                // no per-card effect
            }
        }
    }

    private void growLuckyCat(int[] order, double triggers) {
        if (triggers == 0) {
            return;
        }
        for (int p = 0; p < jokerCount; p++) {
            if (acting(order, p) && !isCopy(order, p) && kinds[actor[p]] == JokerKind.LUCKY_CAT) {
                value[actor[p]] += 0.25 * triggers;
            }
        }
    }

    // --- held cards ---------------------------------------------------------------------------------------------

    private int heldRetriggers(int[] order) {
        int reps = 0;
        for (int p = 0; p < jokerCount; p++) {
            if (acting(order, p) && kinds[actor[p]] == JokerKind.MIME) {
                reps++;
            }
        }
        return reps;
    }

    private void holdCard(int[] order, int h, PlayingCard card, int skipA, int skipB) {
        String name = log == null ? null : card.toString() + " (held)";
        if (card.enhancement() == Enhancement.STEEL) {
            times(1.5, "held", name);
        }
        boolean stone = card.enhancement() == Enhancement.STONE;
        for (int p = 0; p < jokerCount; p++) {
            if (!acting(order, p)) {
                continue;
            }
            int a = actor[p];
            String src = log == null ? null : kinds[a].spec().name();
            probeJoker = order[p];
            switch (kinds[a]) {
                case BARON -> {
                    if (!stone && card.rank() == Rank.KING) {
                        times(1.5, "held", src);
                    }
                }
                case SHOOT_THE_MOON -> {
                    if (!stone && card.rank() == Rank.QUEEN) {
                        add(13, "held", src);
                    }
                }
                case RAISED_FIST -> {
                    if (h == lowestHeld(skipA, skipB)) {
                        add(2.0 * card.rank().chips(), "held", src);
                    }
                }
                case RESERVED_PARKING -> {
                    if (isFace(card, false)) {
                        earnExpected(probability(1, 2), 1);
                    }
                }
                default -> {
                    // no held effect
                }
            }
            probeJoker = NONE;
        }
    }

    private int lowestHeld(int skipA, int skipB) {
        return skipA == NONE && skipB == NONE ? raisedFistCard : lowestHeldExcept(skipA, skipB);
    }

    private int lowestHeld() {
        return lowestHeldExcept(NONE, NONE);
    }

    /** Raised Fist's card: the lowest-ranked held card that has a rank, the last one when tied. */
    private int lowestHeldExcept(int skipA, int skipB) {
        int best = NONE;
        for (int h = 0; h < held.size(); h++) {
            if (h == skipA || h == skipB || held.get(h).enhancement() == Enhancement.STONE) {
                continue;
            }
            if (best == NONE || held.get(h).rank().order() <= held.get(best).rank().order()) {
                best = h;
            }
        }
        return best;
    }

    // --- joker main phase -----------------------------------------------------------------------------------

    private void mainPhase(int[] order, int skipA, int skipB) {
        for (int p = 0; p < jokerCount; p++) {
            int slot = order[p];
            probeJoker = slot;
            String slotName = log == null ? null : kinds[slot].spec().name();
            switch (editions[slot]) {
                case FOIL -> plus(50, "joker", slotName + " (Foil)");
                case HOLOGRAPHIC -> add(10, "joker", slotName + " (Holographic)");
                default -> {
                    // Polychrome acts after the effect; Negative never
                }
            }
            if (acting(order, p)) {
                main(order, p, actor[p], skipA, skipB);
                if (uncommon[slot] && !jokerDebuffed[slot]) {
                    for (int q = 0; q < jokerCount; q++) {
                        if (acting(order, q) && kinds[actor[q]] == JokerKind.BASEBALL) {
                            times(1.5, "joker", log == null ? null : "Baseball Card on " + slotName);
                        }
                    }
                }
            }
            if (editions[slot] == Edition.POLYCHROME) {
                times(1.5, "joker", slotName + " (Polychrome)");
            }
            probeJoker = NONE;
        }
    }

    private void main(int[] order, int p, int a, int skipA, int skipB) {
        String src = log == null ? null : (isCopy(order, p) ? kinds[order[p]].spec().name() + " → " : "")
                + kinds[a].spec().name();
        double v = value[a];
        switch (kinds[a]) {
            case JOKER -> add(4, "joker", src);
            case JOLLY -> addIf(match.contains(PokerHand.PAIR), 8, src);
            case ZANY -> addIf(match.contains(PokerHand.THREE_OF_A_KIND), 12, src);
            case MAD -> addIf(match.contains(PokerHand.TWO_PAIR), 10, src);
            case CRAZY -> addIf(match.contains(PokerHand.STRAIGHT), 12, src);
            case DROLL -> addIf(match.contains(PokerHand.FLUSH), 10, src);
            case SLY -> plusIf(match.contains(PokerHand.PAIR), 50, src);
            case WILY -> plusIf(match.contains(PokerHand.THREE_OF_A_KIND), 100, src);
            case CLEVER -> plusIf(match.contains(PokerHand.TWO_PAIR), 80, src);
            case DEVIOUS -> plusIf(match.contains(PokerHand.STRAIGHT), 100, src);
            case CRAFTY -> plusIf(match.contains(PokerHand.FLUSH), 80, src);
            case HALF -> addIf(played.size() <= 3, 20, src);
            case STENCIL -> {
                double x = (play.jokerSlots() + negativeSlots - jokerCount) + stencils;
                if (x > 1) {
                    times(x, "joker", src);
                }
            }
            case CEREMONIAL, RIDE_THE_BUS, GREEN_JOKER, RED_CARD, EROSION, FORTUNE_TELLER, FLASH, POPCORN, TROUSERS,
                    SWASHBUCKLER -> addIf(v != 0, v, src);
            case BANNER -> plusIf(play.discardsLeft() > 0, 30.0 * play.discardsLeft(), src);
            case MYSTIC_SUMMIT -> addIf(play.discardsLeft() == 0, 15, src);
            case LOYALTY_CARD -> {
                if (stateRemaining[a] == 0) {
                    times(4, "joker", src);
                }
            }
            case MISPRINT -> add(switch (luck) {
                case NONE -> 0;
                case AVERAGE -> 11.5;
                case ALL -> 23;
            }, "joker", src);
            case STEEL_JOKER, CONSTELLATION, MADNESS, VAMPIRE, HOLOGRAM, OBELISK, LUCKY_CAT, RAMEN, CAMPFIRE, THROWBACK,
                    GLASS, HIT_THE_ROAD, CAINO, YORICK, DRIVERS_LICENSE -> {
                if (v != 1) {
                    times(v, "joker", src);
                }
            }
            case ABSTRACT -> add(3.0 * jokerCount, "joker", src);
            case GROS_MICHEL -> add(15, "joker", src);
            case SUPERNOVA -> add(play.handCounts().getOrDefault(hand, 0) + 1, "joker", src);
            case BLACKBOARD -> {
                if (allHeldDark(skipA, skipB)) {
                    times(3, "joker", src);
                }
            }
            case RUNNER, ICE_CREAM, BLUE_JOKER, SQUARE, STONE, CASTLE, WEE -> plusIf(v != 0, v, src);
            case CAVENDISH -> times(3, "joker", src);
            case CARD_SHARP -> {
                if (play.playedThisRound().contains(hand)) {
                    times(3, "joker", src);
                }
            }
            case BULL -> plusIf(money > 0, 2.0 * Math.max(0, Math.floor(money)), src);
            case ACROBAT -> {
                if (play.handsLeft() == 1) {
                    times(3, "joker", src);
                }
            }
            case FLOWER_POT -> {
                if (allFourSuitsScoring()) {
                    times(3, "joker", src);
                }
            }
            case SEEING_DOUBLE -> {
                if (clubAndOtherScoring()) {
                    times(2, "joker", src);
                }
            }
            case DUO -> timesIf(match.contains(PokerHand.PAIR), 2, src);
            case TRIO -> timesIf(match.contains(PokerHand.THREE_OF_A_KIND), 3, src);
            case FAMILY -> timesIf(match.contains(PokerHand.FOUR_OF_A_KIND), 4, src);
            case ORDER -> timesIf(match.contains(PokerHand.STRAIGHT), 3, src);
            case TRIBE -> timesIf(match.contains(PokerHand.FLUSH), 2, src);
            case STUNTMAN -> plus(250, "joker", src);
            case BOOTSTRAPS -> addIf(money >= 5, 2.0 * Math.floor(Math.max(0, money) / 5), src);
            default -> {
                // no main-phase effect
            }
        }
    }

    private boolean allHeldDark(int skipA, int skipB) {
        for (int h = 0; h < held.size(); h++) {
            if (h == skipA || h == skipB) {
                continue;
            }
            PlayingCard c = held.get(h);
            if (!(SuitRules.is(c, Suit.SPADES, smeared) || SuitRules.is(c, Suit.CLUBS, smeared))) {
                return false;
            }
        }
        return true;
    }

    /** Flower Pot: the scoring cards cover ♦ ♣ ♥ ♠, Wild cards filling whatever suit is missing. */
    private boolean allFourSuitsScoring() {
        boolean[] has = new boolean[4];
        int wild = 0;
        for (int i : scoringIndex) {
            PlayingCard c = played.get(i);
            if (playedDebuffed[i] || c.debuffed() || c.enhancement() == Enhancement.STONE) {
                continue;
            }
            if (c.enhancement() == Enhancement.WILD) {
                wild++;
                continue;
            }
            for (Suit s : Suit.values()) {
                if (SuitRules.is(c, s, smeared)) {
                    has[s.ordinal()] = true;
                }
            }
        }
        int missing = 0;
        for (boolean b : has) {
            missing += b ? 0 : 1;
        }
        return missing <= wild;
    }

    /** Seeing Double: a scoring ♣ and a scoring card of another suit (Wild cards count where they help). */
    private boolean clubAndOtherScoring() {
        int clubs = 0;
        int others = 0;
        int wild = 0;
        for (int i : scoringIndex) {
            PlayingCard c = played.get(i);
            if (playedDebuffed[i] || c.debuffed() || c.enhancement() == Enhancement.STONE) {
                continue;
            }
            if (c.enhancement() == Enhancement.WILD) {
                wild++;
            } else if (SuitRules.is(c, Suit.CLUBS, smeared)) {
                clubs++;
            } else {
                others++;
            }
        }
        return (clubs > 0 || wild > 0) && (others > 0 || wild > (clubs > 0 ? 0 : 1)) && clubs + others + wild >= 2;
    }

    // --- rules -------------------------------------------------------------------------------------------

    private boolean handAllowed() {
        Blind b = play.blind().orElse(null);
        if (b == null) {
            return true;
        }
        return switch (b) {
            case THE_EYE -> !play.playedThisRound().contains(hand);
            case THE_MOUTH -> play.playedThisRound().isEmpty() || play.playedThisRound().contains(hand);
            case THE_PSYCHIC -> played.size() >= 5;
            default -> true;
        };
    }

    private boolean debuffedByBlind(PlayingCard card, Blind blind) {
        if (blind == null) {
            return false;
        }
        if (blind == Blind.VERDANT_LEAF) {
            return true;
        }
        if (blind == Blind.THE_PLANT) {
            return isFace(card, false);
        }
        return blind.debuffedSuit().filter(s -> SuitRules.is(card, s, smeared)).isPresent();
    }

    /** A face card: J, Q, K, or any card with Pareidolia; never a Stone card; never a debuffed card. */
    private boolean isFace(PlayingCard card, boolean debuffed) {
        if (debuffed || card.enhancement() == Enhancement.STONE) {
            return false;
        }
        return pareidolia || card.rank().isFace();
    }

    private boolean suit(PlayingCard card, Suit s) {
        return SuitRules.is(card, s, smeared);
    }

    /**
     * Whether the played hand is the most played this run, counting this play: no other hand has been played as
     * often ({@code orEqual}: Obelisk resets unless another hand has at least as many plays).
     */
    private boolean isMostPlayed(boolean includeThisPlay) {
        int mine = play.handCounts().getOrDefault(hand, 0) + (includeThisPlay ? 1 : 0);
        for (PokerHand other : PokerHand.values()) {
            if (other != hand && play.handCounts().getOrDefault(other, 0) >= mine) {
                return false;
            }
        }
        return mine > 0;
    }

    // --- arithmetic and log -------------------------------------------------------------------------------

    /** The listed odds "1 in d" with each Oops! All 6s doubling the numerator, capped at certainty. */
    private double probability(int numerator, int denominator) {
        return Math.min(1.0, numerator * Math.pow(2, oops) / denominator);
    }

    /** How much of a chance effect counts under the luck mode. */
    private double expected(double p) {
        return switch (luck) {
            case NONE -> 0;
            case AVERAGE -> p;
            case ALL -> p > 0 ? 1 : 0;
        };
    }

    private double expectedFactor(double p, double x) {
        return 1 + expected(p) * (x - 1);
    }

    private void earnExpected(double p, double dollars) {
        money += expected(p) * dollars;
    }

    private void earn(double dollars, JokerKind source) {
        money += dollars;
        note("joker", source.spec().name(), "$", dollars);
    }

    private void plus(double c, String phase, String src) {
        chips += c;
        note(phase, src, "+chips", c);
    }

    private void plusIf(boolean cond, double c, String src) {
        if (cond) {
            plus(c, "joker", src);
        }
    }

    private void add(double m, String phase, String src) {
        if (m == 0) {
            return;
        }
        mult += m;
        if (probeA != null && probeJoker != NONE && probeSegment != NONE) {
            probeB[probeJoker][probeSegment] += m;
        }
        if (cardA != null && probeCard != NONE) {
            cardB[probeCard] += m;
        }
        note(phase, src, "+mult", m);
    }

    private void addIf(boolean cond, double m, String src) {
        if (cond) {
            add(m, "joker", src);
        }
    }

    private void times(double x, String phase, String src) {
        if (x == 1) {
            return;
        }
        mult *= x;
        if (probeA != null && probeJoker != NONE && probeSegment != NONE) {
            probeA[probeJoker][probeSegment] *= x;
            probeB[probeJoker][probeSegment] *= x;
        }
        if (cardA != null && probeCard != NONE) {
            cardA[probeCard] *= x;
            cardB[probeCard] *= x;
        }
        note(phase, src, "xmult", x);
    }

    private void timesIf(boolean cond, double x, String src) {
        if (cond) {
            times(x, "joker", src);
        }
    }

    private void note(String phase, String source, String op, double amount) {
        if (log != null) {
            log.add(new Step(phase, source, op, amount, chips, mult));
        }
    }

    private static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }

    /** floor(chips × mult), exactly, however large. */
    static BigInteger floorProduct(double chips, double mult) {
        if (Double.isNaN(chips) || Double.isNaN(mult) || Double.isInfinite(chips) || Double.isInfinite(mult)) {
            throw new ArithmeticException("score overflowed the double range (chips " + chips + ", mult " + mult + ")");
        }
        return new BigDecimal(chips).multiply(new BigDecimal(mult)).setScale(0, RoundingMode.FLOOR).toBigInteger();
    }
}
