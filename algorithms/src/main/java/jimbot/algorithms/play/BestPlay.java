package jimbot.algorithms.play;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import jimbot.graph.procedures.Cancellation;
import jimbot.algorithms.catalog.PokerHand;
import jimbot.algorithms.ordering.JokerOrdering;
import jimbot.algorithms.scoring.JokerKind;
import jimbot.algorithms.scoring.Play;
import jimbot.algorithms.scoring.PlayingCard;
import jimbot.algorithms.scoring.ScoreEngine;

/**
 * The best cards to play from a hand: which 1 to 5 cards, in which order, with which joker order, maximising the
 * score under the play's luck mode; and the next best alternatives.
 *
 * <p>Every subset of the hand is tried. For each, the exact joker-order search of {@link JokerOrdering} runs, and at
 * each joker order it keeps the best order of the scoring cards: each scoring card's whole step is an increasing
 * affine map on mult ({@link ScoreEngine#cardMaps}), so by the same exchange argument as for jokers the cards sort by
 * b/(a−1), descending; with Hanging Chad the first card is chosen by trying each, and with Photograph (whose ×2
 * follows the first face card) every order of the scoring cards is tried. Non-scoring cards go last; where they stand
 * changes nothing. Cost: Σ C(h, k) subsets for k ≤ 5 (218 for 8 cards), each with the joker search's leaves.
 */
public final class BestPlay {

    /**
     * One way to play.
     *
     * @param cards indexes into the hand, in play order
     * @param jokers indexes into the jokers, left to right
     * @param hand the poker hand it makes
     * @param score its score under the luck mode
     */
    public record Candidate(int[] cards, int[] jokers, PokerHand hand, double score) {
        public Candidate {
            cards = cards.clone();
            jokers = jokers.clone();
        }

        @Override
        public int[] cards() {
            return cards.clone();
        }

        @Override
        public int[] jokers() {
            return jokers.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Candidate c && Arrays.equals(cards, c.cards) && Arrays.equals(jokers, c.jokers)
                    && hand == c.hand && score == c.score;
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(cards) + Arrays.hashCode(jokers) + Double.hashCode(score);
        }

        @Override
        public String toString() {
            return "Candidate[cards=" + Arrays.toString(cards) + ", jokers=" + Arrays.toString(jokers) + ", hand=" + hand
                    + ", score=" + score + "]";
        }
    }

    /** Higher score first; on a tie, fewer cards played (the rest stay in hand for the next play). */
    static final Comparator<Candidate> BETTER = Comparator.comparingDouble(Candidate::score).reversed()
            .thenComparingInt(c -> c.cards.length);

    private BestPlay() {
    }

    /**
     * The {@code top} best plays (ties: fewer cards first) from the cards in {@code play.held()} (the whole hand; {@code play.played()} must be
     * empty), best first, one per choice of cards.
     */
    public static List<Candidate> best(Play play, int top, Cancellation cancellation) {
        if (!play.played().isEmpty()) {
            throw new IllegalArgumentException("best play chooses the cards itself: played must be empty, got "
                    + play.played().size() + " cards");
        }
        if (top < 1) {
            throw new IllegalArgumentException("top is " + top + "; expected at least 1");
        }
        List<PlayingCard> hand = play.held();
        PriorityQueue<Candidate> kept = new PriorityQueue<>(BETTER.reversed());
        int n = hand.size();
        int[] chosen = new int[Play.MAX_PLAYED];
        for (int k = 1; k <= Math.min(Play.MAX_PLAYED, n); k++) {
            subsets(n, k, 0, 0, chosen, subset -> {
                cancellation.check();
                Candidate c = bestFor(play, hand, subset, cancellation);
                kept.add(c);
                if (kept.size() > top) {
                    kept.poll();
                }
            });
        }
        List<Candidate> out = new ArrayList<>(kept);
        out.sort(BETTER);
        return out;
    }

    private interface SubsetAction {
        void accept(int[] subset);
    }

    private static void subsets(int n, int k, int from, int size, int[] chosen, SubsetAction action) {
        if (size == k) {
            action.accept(Arrays.copyOf(chosen, k));
            return;
        }
        for (int i = from; i <= n - (k - size); i++) {
            chosen[size] = i;
            subsets(n, k, i + 1, size + 1, chosen, action);
        }
    }

    /** The best way to play exactly these cards. */
    static Candidate bestFor(Play play, List<PlayingCard> hand, int[] subset, Cancellation cancellation) {
        List<PlayingCard> played = new ArrayList<>(subset.length);
        List<PlayingCard> held = new ArrayList<>(hand.size() - subset.length);
        boolean[] in = new boolean[hand.size()];
        for (int i : subset) {
            in[i] = true;
            played.add(hand.get(i));
        }
        for (int i = 0; i < hand.size(); i++) {
            if (!in[i]) {
                held.add(hand.get(i));
            }
        }
        ScoreEngine engine = new ScoreEngine(play.withCards(played, held));
        CardOrders cards = new CardOrders(engine, play);
        JokerOrdering.Result jokers = JokerOrdering.search(engine, cancellation, cards::best, true);
        int[] scoringOrder = cards.bestFor(jokers.best());
        int[] playOrder = playOrder(subset, engine.scoringCards(), scoringOrder);
        return new Candidate(playOrder, jokers.best(), engine.hand(), jokers.bestScore());
    }

    /** Scoring cards in the chosen order, then the rest, as indexes into the hand. */
    private static int[] playOrder(int[] subset, int[] scoring, int[] scoringOrder) {
        int[] out = new int[subset.length];
        boolean[] placed = new boolean[subset.length];
        int at = 0;
        for (int i : scoringOrder) {
            out[at++] = subset[i];
            placed[i] = true;
        }
        for (int i = 0; i < subset.length; i++) {
            if (!placed[i]) {
                out[at++] = subset[i];
            }
        }
        return out;
    }

    /** The best order of the scoring cards for a given joker order. */
    private static final class CardOrders {
        private final ScoreEngine engine;
        private final int[] scoring;
        private final boolean everyOrder;
        private final boolean chooseFirst;

        CardOrders(ScoreEngine engine, Play play) {
            this.engine = engine;
            this.scoring = engine.scoringCards();
            boolean photograph = false;
            boolean chad = false;
            for (var j : play.jokers()) {
                photograph |= j.kind() == JokerKind.PHOTOGRAPH;
                chad |= j.kind() == JokerKind.HANGING_CHAD;
            }
            this.everyOrder = photograph && scoring.length > 1;
            this.chooseFirst = chad && scoring.length > 1;
        }

        double best(int[] jokerOrder) {
            return engine.evaluate(jokerOrder, bestFor(jokerOrder));
        }

        int[] bestFor(int[] jokerOrder) {
            if (scoring.length <= 1) {
                return scoring.clone();
            }
            if (everyOrder) {
                return bestOfAll(jokerOrder);
            }
            if (!chooseFirst) {
                return sorted(jokerOrder, scoring, -1);
            }
            int[] best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int f = 0; f < scoring.length; f++) {
                int[] order = sorted(jokerOrder, scoring, scoring[f]);
                double s = engine.evaluate(jokerOrder, order);
                if (s > bestScore) {
                    bestScore = s;
                    best = order;
                }
            }
            return best;
        }

        /** Cards sorted by b/(a−1) descending (pure +mult first, pure ×mult last), {@code first} (if ≥ 0) in front. */
        private int[] sorted(int[] jokerOrder, int[] cards, int first) {
            int[] probeOrder = cards.clone();
            if (first >= 0) {
                moveToFront(probeOrder, first);
            }
            double[][] maps = engine.cardMaps(jokerOrder, probeOrder);
            List<Integer> rest = new ArrayList<>();
            List<Integer> neutral = new ArrayList<>();
            for (int c : cards) {
                if (c == first) {
                    continue;
                }
                if (maps[c][0] == 1 && maps[c][1] == 0) {
                    neutral.add(c);
                } else {
                    rest.add(c);
                }
            }
            rest.sort(Comparator.comparingDouble((Integer c) -> key(maps[c])).reversed());
            int[] out = new int[cards.length];
            int at = 0;
            if (first >= 0) {
                out[at++] = first;
            }
            for (int c : rest) {
                out[at++] = c;
            }
            for (int c : neutral) {
                out[at++] = c;
            }
            return out;
        }

        private static double key(double[] map) {
            double a = map[0];
            double b = map[1];
            return a == 1 ? Double.POSITIVE_INFINITY : b / (a - 1);
        }

        private static void moveToFront(int[] order, int card) {
            int at = 0;
            while (order[at] != card) {
                at++;
            }
            System.arraycopy(order, 0, order, 1, at);
            order[0] = card;
        }

        private int[] bestOfAll(int[] jokerOrder) {
            int[] order = scoring.clone();
            int[] best = order.clone();
            double bestScore = engine.evaluate(jokerOrder, order);
            int[] c = new int[order.length];
            int i = 0;
            while (i < order.length) {
                if (c[i] < i) {
                    int a = i % 2 == 0 ? 0 : c[i];
                    int t = order[a];
                    order[a] = order[i];
                    order[i] = t;
                    double s = engine.evaluate(jokerOrder, order);
                    if (s > bestScore) {
                        bestScore = s;
                        best = order.clone();
                    }
                    c[i]++;
                    i = 0;
                } else {
                    c[i] = 0;
                    i++;
                }
            }
            return best;
        }
    }
}
