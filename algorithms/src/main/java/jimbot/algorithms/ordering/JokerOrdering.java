package jimbot.algorithms.ordering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import jimbot.graph.procedures.Cancellation;
import jimbot.algorithms.scoring.Joker;
import jimbot.algorithms.scoring.JokerKind;
import jimbot.algorithms.scoring.Play;
import jimbot.algorithms.scoring.ScoreEngine;

/**
 * The best left-to-right order of a play's jokers, exactly (balatro-scoring.md section 3).
 *
 * <p>Only mult depends on joker order, and every effect is an increasing affine map on mult (m ↦ a·m + b). In each
 * segment of the evaluation (each scoring card, each held card, the main phase) two adjacent units U then V (a unit is
 * a joker, or a run of Blueprints with the joker they copy) give the same slope either way and intercepts differing by
 * P·[b_U(a_V−1) − b_V(a_U−1)], with P &gt; 0 the product of the slopes after them (section 3.2). When that bracket is
 * never negative in any segment and positive in one, U before V is strictly better wherever the pair stands, as long
 * as the swap does not change what a copy copies: the exchange rule holds. The search places jokers left to right and
 * cuts any branch that puts a joker right after a unit it should precede, or right after a unit it ties with and ranks
 * before (a label-free key: the lowest index among the unit's last joker's identical twins, then its Blueprints); by
 * the interchange argument (each such swap raises the exact mult, or keeps it and removes an inversion between tied
 * blocks, so swapping terminates and never loses) some optimal order survives, so the search is exact. Where the rule decides every pair, only the sorted order
 * of section 3.2 survives.
 *
 * <p>Copies: a Blueprint's maps are its right neighbour's (with the Blueprint's own edition), known once that
 * neighbour is placed, so a Blueprint and what it copies form one unit; a Brainstorm's maps are the leftmost joker's,
 * known once slot 0 is filled. A swap is never considered where it would change a copy's target: right after a
 * Blueprint, or at slot 0 while a Brainstorm exists. Baseball Card multiplies each Uncommon joker's main step by 1.5
 * per Baseball acting, and copies may add Baseballs: the rule must then hold for every possible count. Identical
 * jokers are interchangeable and tried in one order only. Each surviving order is scored by the {@link ScoreEngine},
 * so the answer is the engine's exact score. Cost per node O(s·c) for s segments and c possible Baseball counts;
 * in the worst case (every pair in conflict) n! leaves.
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
     * @param pairsRuled pairs of plain jokers the exchange rule orders outright
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

    private static final int NONE = -1;

    private final LeafScore leaf;
    private final Cancellation cancellation;
    private final int n;
    private final int segments;
    private final int main;
    private final JokerKind[] kinds;
    private final boolean[] isCopy;
    private final boolean[] uncommon;
    private final boolean hasBrainstorm;
    /** maps[j] = {a[s], b[s]} for joker j acting at its own slot, at the probe's Baseball count. */
    private final double[][][] own;
    /** copyMaps[x][t] = maps of copy joker x acting as joker t (null: x does nothing as t). */
    private final double[][][][] copyMaps;
    /** Main-phase factors for Uncommon jokers: 1.5^(B − probe B) for each possible Baseball count B. */
    private final double[] baseballFactors;
    private final int[] twinBefore;
    /** The lowest index among a joker's identical twins (itself if none): ties break on it, whatever the labels. */
    private final int[] twinRoot;
    private final boolean[] debuffed;
    private final boolean[] photographExcluded;
    private final int pairsRuled;

    private final int[] order;
    private final boolean[] used;
    private final int[] bestOrder;
    private double bestScore = Double.NEGATIVE_INFINITY;
    private long scored;

    // scratch for unit maps
    private final double[] ua;
    private final double[] ub;
    private final double[] xa;
    private final double[] xb;

    private JokerOrdering(ScoreEngine engine, Cancellation cancellation, LeafScore leaf, boolean cardOrderVaries) {
        this.leaf = leaf;
        this.cancellation = cancellation;
        Play play = engine.play();
        this.n = play.jokers().size();
        this.kinds = new JokerKind[n];
        this.isCopy = new boolean[n];
        this.uncommon = new boolean[n];
        this.photographExcluded = new boolean[n];
        this.debuffed = new boolean[n];
        boolean brainstorm = false;
        int copies = 0;
        int baseballs = 0;
        for (int i = 0; i < n; i++) {
            Joker j = play.jokers().get(i);
            kinds[i] = j.kind();
            debuffed[i] = j.debuffed();
            isCopy[i] = kinds[i] == JokerKind.BLUEPRINT || kinds[i] == JokerKind.BRAINSTORM;
            uncommon[i] = kinds[i].uncommon() && !j.debuffed();
            brainstorm |= kinds[i] == JokerKind.BRAINSTORM;
            copies += isCopy[i] && !j.debuffed() ? 1 : 0;
            baseballs += kinds[i] == JokerKind.BASEBALL && !j.debuffed() ? 1 : 0;
            // Photograph's card follows the card order when that varies: its maps are for one card order only
            photographExcluded[i] = cardOrderVaries && kinds[i] == JokerKind.PHOTOGRAPH;
        }
        this.hasBrainstorm = brainstorm;
        this.twinBefore = new int[n];
        this.twinRoot = new int[n];
        for (int i = 0; i < n; i++) {
            twinBefore[i] = NONE;
            twinRoot[i] = i;
            for (int k = i - 1; k >= 0; k--) {
                if (play.jokers().get(k).equals(play.jokers().get(i))) {
                    if (twinBefore[i] == NONE) {
                        twinBefore[i] = k;
                    }
                    twinRoot[i] = k;
                }
            }
        }
        int[] identity = ScoreEngine.identity(n);
        ScoreEngine.AffineProfile profile = engine.affineProfile(identity);
        this.segments = profile.segments();
        this.main = segments - 1;
        this.own = new double[n][][];
        for (int j = 0; j < n; j++) {
            own[j] = new double[][] {profile.a()[j].clone(), profile.b()[j].clone()};
        }
        this.copyMaps = new double[n][][][];
        for (int x = 0; x < n; x++) {
            if (!isCopy[x]) {
                continue;
            }
            copyMaps[x] = new double[n][][];
            for (int t = 0; t < n; t++) {
                if (t == x || isCopy[t]) {
                    continue;
                }
                int[] probe = arrangementWhereCopies(x, t);
                if (engine.actors(probe)[slotOf(probe, x)] != t) {
                    continue; // x cannot copy t (not compatible, or debuffed)
                }
                ScoreEngine.AffineProfile p = engine.affineProfile(probe);
                copyMaps[x][t] = new double[][] {p.a()[x].clone(), p.b()[x].clone()};
            }
        }
        // how many Baseballs act in the probe order, and how many could act in any order
        int probeBaseballs = 0;
        for (int a : engine.actors(identity)) {
            probeBaseballs += a != NONE && kinds[a] == JokerKind.BASEBALL && !play.jokers().get(a).debuffed() ? 1 : 0;
        }
        int maxBaseballs = baseballs > 0 ? baseballs + copies : 0;
        int minBaseballs = baseballs;
        this.baseballFactors = new double[maxBaseballs - minBaseballs + 1];
        for (int b = minBaseballs; b <= maxBaseballs; b++) {
            baseballFactors[b - minBaseballs] = Math.pow(1.5, b - probeBaseballs);
        }
        this.ua = new double[segments];
        this.ub = new double[segments];
        this.xa = new double[segments];
        this.xb = new double[segments];
        int ruled = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && !isCopy[i] && !isCopy[j] && plainPrecedes(i, j)) {
                    ruled++;
                }
            }
        }
        this.pairsRuled = ruled;
        this.order = new int[n];
        this.used = new boolean[n];
        this.bestOrder = identity.clone();
    }

    /** An order in which copy joker x copies joker t: a Blueprint right before t, or t leftmost for a Brainstorm. */
    private int[] arrangementWhereCopies(int x, int t) {
        int[] probe = new int[n];
        int at = 0;
        if (kinds[x] == JokerKind.BLUEPRINT) {
            probe[at++] = x;
            probe[at++] = t;
        } else {
            probe[at++] = t;
            probe[at++] = x;
        }
        for (int k = 0; k < n; k++) {
            if (k != x && k != t) {
                probe[at++] = k;
            }
        }
        return probe;
    }

    private static int slotOf(int[] order, int joker) {
        for (int p = 0; p < order.length; p++) {
            if (order[p] == joker) {
                return p;
            }
        }
        return NONE;
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
     * the scoring cards (best play), which keeps the exchange rule away from Photograph.
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
            if (used[x] || (twinBefore[x] != NONE && !used[twinBefore[x]])) {
                continue;
            }
            order[p] = x;
            if (p > 0 && belongsBeforeLastUnit(p)) {
                continue; // the order with x moved before that unit is searched too and is never worse
            }
            used[x] = true;
            dfs(p + 1);
            used[x] = false;
        }
    }

    /**
     * Whether the joker just placed at slot p should stand before the unit ending at slot p−1, with the swap keeping
     * every copy's target.
     */
    private boolean belongsBeforeLastUnit(int p) {
        int x = order[p];
        if (photographExcluded[x] || (isCopy[x] && kinds[x] == JokerKind.BLUEPRINT)) {
            return false; // a Blueprint's maps are not known until its right neighbour is
        }
        int last = order[p - 1];
        if (kinds[last] == JokerKind.BLUEPRINT || photographExcluded[last]) {
            return false; // that Blueprint copies x: they are one unit still being built
        }
        int start = p - 1;
        while (start > 0 && kinds[order[start - 1]] == JokerKind.BLUEPRINT) {
            start--; // Blueprints copying the unit belong to it; so the slot before the unit is no Blueprint
        }
        if (start == 0 && hasBrainstorm) {
            return false; // the leftmost joker would change
        }
        // ties break on a label-free key of each block: its last joker's twin root, then how many Blueprints lead it
        int keyX = twinRoot[x] * (n + 1);
        int keyUnit = twinRoot[last] * (n + 1) + (p - 1 - start);
        for (int f = 0; f < baseballFactors.length; f++) {
            if (!unitMaps(start, p - 1, p, ua, ub, f) || !unitMaps(p, p, p, xa, xb, f)) {
                return false;
            }
            int verdict = compare(xa, xb, ua, ub);
            if (verdict < 0) {
                return false;
            }
            if (verdict == 0 && keyX >= keyUnit) {
                return false; // a tie: only the order with the lower key first is searched (symmetry)
            }
        }
        return true;
    }

    /**
     * The composite maps of the jokers at slots from..to in the current order (slots up to {@code filled} are set),
     * with the f-th possible Baseball count; false when what a copy there copies is not known yet.
     */
    private boolean unitMaps(int from, int to, int filled, double[] a, double[] b, int f) {
        Arrays.fill(a, 1);
        Arrays.fill(b, 0);
        for (int q = from; q <= to; q++) {
            int j = order[q];
            double[][] m;
            boolean scaleMain;
            if (isCopy[j]) {
                int target = copyTarget(q, filled);
                if (target == NONE) {
                    return false;
                }
                m = copyMaps[j][target]; // null: it cannot copy that joker and acts as nothing
                scaleMain = false;
            } else {
                m = own[j];
                scaleMain = uncommon[j];
            }
            for (int s = 0; s < segments; s++) {
                double ma = m == null ? 1 : m[0][s];
                double mb = m == null ? 0 : m[1][s];
                if (scaleMain && s == main) {
                    ma *= baseballFactors[f];
                    mb *= baseballFactors[f];
                }
                b[s] = b[s] * ma + mb;
                a[s] = a[s] * ma;
            }
        }
        return true;
    }

    /**
     * The plain joker a copy at slot q ends up copying in the current order, with slots up to {@code filled} set;
     * NONE when that is not known yet, or the chain loops or passes through a debuffed copy (then no rule applies).
     */
    private int copyTarget(int q, int filled) {
        int at = q;
        for (int depth = 0; depth <= n; depth++) {
            int j = order[at];
            if (!isCopy[j]) {
                return j;
            }
            if (at != q && debuffed[j]) {
                return NONE;
            }
            at = kinds[j] == JokerKind.BLUEPRINT ? at + 1 : 0;
            if (at > filled || at == q) {
                return NONE;
            }
        }
        return NONE;
    }

    /**
     * +1 when x then u is never worse in every segment and strictly better in one; 0 when tied everywhere; −1 when
     * u then x is better somewhere.
     */
    private int compare(double[] xa, double[] xb, double[] ua, double[] ub) {
        boolean strictly = false;
        for (int s = 0; s < segments; s++) {
            double left = xb[s] * (ua[s] - 1);
            double right = ub[s] * (xa[s] - 1);
            double bracket = left - right;
            double scale = Math.max(Math.abs(left), Math.abs(right));
            if (Math.abs(bracket) <= TIE * scale) {
                continue;
            }
            if (bracket < 0) {
                return -1;
            }
            strictly = true;
        }
        return strictly ? 1 : 0;
    }

    /** Whether plain joker i before plain joker j is ruled by the exchange rule for every Baseball count. */
    private boolean plainPrecedes(int i, int j) {
        if (photographExcluded[i] || photographExcluded[j]) {
            return false;
        }
        double[] ia = new double[segments];
        double[] ib = new double[segments];
        double[] ja = new double[segments];
        double[] jb = new double[segments];
        for (int f = 0; f < baseballFactors.length; f++) {
            for (int s = 0; s < segments; s++) {
                double fi = uncommon[i] && s == main ? baseballFactors[f] : 1;
                double fj = uncommon[j] && s == main ? baseballFactors[f] : 1;
                ia[s] = own[i][0][s] * fi;
                ib[s] = own[i][1][s] * fi;
                ja[s] = own[j][0][s] * fj;
                jb[s] = own[j][1][s] * fj;
            }
            int verdict = compare(ia, ib, ja, jb);
            if (verdict < 0 || (verdict == 0 && twinRoot[i] >= twinRoot[j])) {
                return false;
            }
        }
        return true;
    }

    /** The pairs (i, j) of plain jokers the exchange rule orders as "i right before j" (for tests). */
    static List<int[]> ruledPairs(Play play) {
        ScoreEngine engine = new ScoreEngine(play);
        JokerOrdering search = new JokerOrdering(engine, Cancellation.NEVER, engine::evaluate, false);
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < search.n; i++) {
            for (int j = 0; j < search.n; j++) {
                if (i != j && !search.isCopy[i] && !search.isCopy[j] && search.plainPrecedes(i, j)) {
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
        long count = 1;
        double bestScore = engine.evaluate(order);
        // Heap's algorithm, iterative
        int[] c = new int[n];
        int i = 0;
        while (i < n) {
            if (c[i] < i) {
                int a = i % 2 == 0 ? 0 : c[i];
                int t = order[a];
                order[a] = order[i];
                order[i] = t;
                double s = engine.evaluate(order);
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
