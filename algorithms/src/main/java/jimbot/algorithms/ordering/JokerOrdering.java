package jimbot.algorithms.ordering;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import jimbot.algorithms.Cancellation;
import jimbot.algorithms.scoring.Joker;
import jimbot.algorithms.scoring.JokerKind;
import jimbot.algorithms.scoring.Play;
import jimbot.algorithms.scoring.ScoreEngine;

/**
 * The best left-to-right order of a play's jokers, exactly (balatro-scoring.md section 3).
 *
 * <p>Only mult depends on joker order, and every effect is an increasing affine map on mult (m ↦ a·m + b). In each
 * segment of the evaluation (each scoring card, each held card, the main phase) two adjacent jokers i then j give
 * the same slope either way and intercepts differing by P·[b_i(a_j−1) − b_j(a_i−1)], with P &gt; 0 the product of
 * the slopes after them (section 3.2). So when that bracket has the same sign in every segment, one order of the pair
 * is never worse wherever the pair stands: the exchange rule holds for that pair. This class searches every order
 * depth first and cuts any branch that places such a pair the wrong way round next to each other; by the usual
 * interchange argument (each swap removes one inversion and never lowers the score) some optimal order survives,
 * so the search is exact. Where the rule holds for every pair, only the sorted order survives, as in section 3.2.
 *
 * <p>The rule is not applied where a swap changes what a copy joker copies (a Blueprint just left of the pair, the
 * leftmost slot when a Brainstorm is present), to pairs involving Blueprint or Brainstorm, nor to Uncommon jokers
 * when a copy could duplicate a Baseball Card; there the search is exhaustive. Identical jokers are interchangeable
 * and only tried in one order. Each surviving order is scored by the {@link ScoreEngine}, so the answer is the
 * engine's exact score. Cost: O(n²) per node and O(#segments) to set up; in the worst case (every pair in conflict,
 * copies everywhere) n! leaves.
 */
public final class JokerOrdering {

    /** Relative tolerance under which a bracket counts as zero (a tie). */
    private static final double TIE = 1e-12;

    /**
     * What the search found.
     *
     * @param best the best order, as indexes into {@code play.jokers()}
     * @param bestScore its score under the play's luck mode
     * @param currentScore the score of the jokers as given
     * @param ordersScored complete orders the engine scored
     * @param pairsRuled pairs of jokers the exchange rule decided without search
     */
    public record Result(int[] best, double bestScore, double currentScore, long ordersScored, int pairsRuled) {
        public Result {
            best = best.clone();
        }

        @Override
        public int[] best() {
            return best.clone();
        }

        /** How much the best order gains over the current one. */
        public double gain() {
            return bestScore - currentScore;
        }

        /** The jokers in the best order. */
        public List<Joker> jokers(Play play) {
            return Arrays.stream(best).mapToObj(play.jokers()::get).toList();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && Arrays.equals(best, r.best) && bestScore == r.bestScore
                    && currentScore == r.currentScore && ordersScored == r.ordersScored && pairsRuled == r.pairsRuled;
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(best), bestScore, currentScore, ordersScored, pairsRuled);
        }

        @Override
        public String toString() {
            return "Result[best=" + Arrays.toString(best) + ", bestScore=" + bestScore + ", currentScore=" + currentScore
                    + ", ordersScored=" + ordersScored + ", pairsRuled=" + pairsRuled + "]";
        }
    }

    /** Scores one complete joker order (the engine's score, or the best over something else that varies). */
    @FunctionalInterface
    public interface LeafScore {
        double score(int[] jokerOrder);
    }

    private final ScoreEngine engine;
    private final LeafScore leaf;
    private final int n;
    private final JokerKind[] kinds;
    /** precedes[i][j]: i right before j is never worse, so j is never placed right before i. */
    private final boolean[][] precedes;
    private final boolean[] isCopy;
    private final boolean hasBrainstorm;
    /** For identical jokers, the index of the previous identical one (they are placed in index order), else -1. */
    private final int[] twinBefore;
    private final int pairsRuled;
    private final Cancellation cancellation;

    private final int[] order;
    private final boolean[] used;
    private final int[] bestOrder;
    private double bestScore = Double.NEGATIVE_INFINITY;
    private long scored;

    private JokerOrdering(ScoreEngine engine, Cancellation cancellation, LeafScore leaf, boolean cardOrderVaries) {
        this.engine = engine;
        this.leaf = leaf;
        this.cancellation = cancellation;
        Play play = engine.play();
        this.n = play.jokers().size();
        this.kinds = new JokerKind[n];
        this.isCopy = new boolean[n];
        boolean brainstorm = false;
        boolean copies = false;
        boolean baseball = false;
        for (int i = 0; i < n; i++) {
            kinds[i] = play.jokers().get(i).kind();
            isCopy[i] = kinds[i] == JokerKind.BLUEPRINT || kinds[i] == JokerKind.BRAINSTORM;
            brainstorm |= kinds[i] == JokerKind.BRAINSTORM;
            copies |= isCopy[i];
            baseball |= kinds[i] == JokerKind.BASEBALL;
        }
        this.hasBrainstorm = brainstorm;
        this.twinBefore = new int[n];
        for (int i = 0; i < n; i++) {
            twinBefore[i] = -1;
            for (int k = i - 1; k >= 0; k--) {
                if (play.jokers().get(k).equals(play.jokers().get(i))) {
                    twinBefore[i] = k;
                    break;
                }
            }
        }
        this.precedes = new boolean[n][n];
        int ruled = 0;
        if (n > 1) {
            ScoreEngine.AffineProfile profile = engine.affineProfile(ScoreEngine.identity(n));
            boolean baseballMayCopy = copies && baseball;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i == j || isCopy[i] || isCopy[j]) {
                        continue;
                    }
                    if (baseballMayCopy && (kinds[i].uncommon() || kinds[j].uncommon())) {
                        continue;
                    }
                    // Photograph's card depends on the card order when that varies: its maps above are for one order
                    if (cardOrderVaries && (kinds[i] == JokerKind.PHOTOGRAPH || kinds[j] == JokerKind.PHOTOGRAPH)) {
                        continue;
                    }
                    if (firstNeverWorse(profile, i, j)) {
                        precedes[i][j] = true;
                        ruled++;
                    }
                }
            }
        }
        this.pairsRuled = ruled;
        this.order = new int[n];
        this.used = new boolean[n];
        this.bestOrder = ScoreEngine.identity(n);
    }

    /**
     * Whether joker i right before joker j is never worse than j right before i, in every segment, and strictly
     * better in one or tied everywhere with i the lower index (so the relation has no two-way pairs).
     */
    private static boolean firstNeverWorse(ScoreEngine.AffineProfile profile, int i, int j) {
        boolean strictly = false;
        for (int s = 0; s < profile.segments(); s++) {
            double ai = profile.a()[i][s];
            double bi = profile.b()[i][s];
            double aj = profile.a()[j][s];
            double bj = profile.b()[j][s];
            double left = bi * (aj - 1);
            double right = bj * (ai - 1);
            double bracket = left - right;
            double scale = Math.max(Math.abs(left), Math.abs(right));
            if (Math.abs(bracket) <= TIE * scale) {
                continue;
            }
            if (bracket < 0) {
                return false;
            }
            strictly = true;
        }
        return strictly || i < j;
    }

    /** The best order for the play's jokers (its luck mode, its cards). */
    public static Result optimize(Play play) {
        return optimize(new ScoreEngine(play), Cancellation.NEVER);
    }

    /** The best order for an engine's play; {@code cancellation} is checked as the search goes. */
    public static Result optimize(ScoreEngine engine, Cancellation cancellation) {
        return search(engine, cancellation, engine::evaluate, false);
    }

    /**
     * The same exact search with another leaf score; {@code cardOrderVaries} when the leaf also chooses the order of
     * the scoring cards (best play), which keeps the exchange rule away from card-position jokers.
     */
    public static Result search(ScoreEngine engine, Cancellation cancellation, LeafScore leaf, boolean cardOrderVaries) {
        JokerOrdering search = new JokerOrdering(engine, cancellation, leaf, cardOrderVaries);
        double current = leaf.score(ScoreEngine.identity(search.n));
        search.dfs(0);
        return new Result(search.bestOrder, search.bestScore, current, search.scored, search.pairsRuled);
    }

    private void dfs(int p) {
        if (p == n) {
            scored++;
            if ((scored & 1023) == 0) {
                cancellation.check();
            }
            double s = leaf.score(order);
            if (s > bestScore) {
                bestScore = s;
                System.arraycopy(order, 0, bestOrder, 0, n);
            }
            return;
        }
        for (int x = 0; x < n; x++) {
            if (used[x] || (twinBefore[x] >= 0 && !used[twinBefore[x]])) {
                continue;
            }
            if (p > 0 && precedes[x][order[p - 1]] && contextFree(p - 1)) {
                continue; // x belongs before its left neighbour: the swapped order is searched and is never worse
            }
            used[x] = true;
            order[p] = x;
            dfs(p + 1);
            used[x] = false;
        }
    }

    /** Whether swapping the jokers at slots q and q+1 leaves every copy joker copying what it copied. */
    private boolean contextFree(int q) {
        if (q >= 1 && kinds[order[q - 1]] == JokerKind.BLUEPRINT) {
            return false;
        }
        return !(q == 0 && hasBrainstorm);
    }

    /** The pairs (i, j) the exchange rule orders as "i right before j is never worse" (for tests). */
    static java.util.List<int[]> ruledPairs(Play play) {
        ScoreEngine engine = new ScoreEngine(play);
        JokerOrdering search = new JokerOrdering(engine, Cancellation.NEVER, engine::evaluate, false);
        java.util.List<int[]> out = new java.util.ArrayList<>();
        for (int i = 0; i < search.n; i++) {
            for (int j = 0; j < search.n; j++) {
                if (search.precedes[i][j]) {
                    out.add(new int[] {i, j});
                }
            }
        }
        return out;
    }

    /** Whether swapping slots q and q+1 of {@code order} keeps every copy's target (for tests). */
    static boolean swapKeepsCopies(Play play, int[] order, int q) {
        boolean brainstorm = play.jokers().stream().anyMatch(j -> j.kind() == JokerKind.BRAINSTORM);
        if (q >= 1 && play.jokers().get(order[q - 1]).kind() == JokerKind.BLUEPRINT) {
            return false;
        }
        return !(q == 0 && brainstorm);
    }

    /** Brute force over every order, for tests and benchmarks: the same answer, n! scorings. */
    public static Result bruteForce(Play play) {
        ScoreEngine engine = new ScoreEngine(play);
        int n = play.jokers().size();
        int[] order = ScoreEngine.identity(n);
        int[] best = order.clone();
        double bestScore = Double.NEGATIVE_INFINITY;
        long count = 0;
        // Heap's algorithm, iterative
        int[] c = new int[n];
        double s = engine.evaluate(order);
        count++;
        bestScore = s;
        int i = 0;
        while (i < n) {
            if (c[i] < i) {
                int a = i % 2 == 0 ? 0 : c[i];
                int t = order[a];
                order[a] = order[i];
                order[i] = t;
                s = engine.evaluate(order);
                count++;
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
        return new Result(best, bestScore, engine.evaluate(ScoreEngine.identity(n)), count, 0);
    }
}
