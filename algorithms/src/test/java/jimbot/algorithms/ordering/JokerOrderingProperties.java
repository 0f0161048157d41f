package jimbot.algorithms.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import jimbot.algorithms.scoring.Play;
import jimbot.algorithms.scoring.RandomPlays;
import jimbot.algorithms.scoring.ScoreEngine;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The optimiser is exact: it finds the brute-force optimum, and its order really scores what it says. */
class JokerOrderingProperties {

    /**
     * Orders that tie in exact arithmetic (×3 then ×1.2, or ×1.2 then ×3) can floor one point apart, because the
     * game's own floating-point rounding depends on the order; the search treats them as ties, so the optimum is
     * allowed to be one point below the brute-force maximum (and a relative 1e-12 for large scores).
     */
    static double tieTolerance(double score) {
        return 1 + 1e-12 * Math.abs(score);
    }

    @Property(tries = 300, seed = "4242")
    void optimisedOrderScoresAsMuchAsTheBestOfAllPermutations(@ForAll("plays") Play play) {
        JokerOrdering.Result fast = JokerOrdering.optimize(play);
        JokerOrdering.Result brute = JokerOrdering.bruteForce(play);
        assertThat(fast.bestScore()).isCloseTo(brute.bestScore(), within(tieTolerance(brute.bestScore())));
        assertThat(new ScoreEngine(play).evaluate(fast.best())).isEqualTo(fast.bestScore());
        assertThat(fast.currentScore()).isEqualTo(new ScoreEngine(play).evaluate(ScoreEngine.identity(play.jokers().size())));
        assertThat(fast.ordersScored()).isLessThanOrEqualTo(brute.ordersScored());
    }

    /** Wherever the rule says "i before j", every order with j right before i (copies unaffected) gains by the swap. */
    @Property(tries = 150, seed = "4243")
    void exchangeRuleIsNeverAppliedWhereItDoesNotHold(@ForAll("smallPlays") Play play) {
        java.util.List<int[]> ruled = JokerOrdering.ruledPairs(play);
        if (ruled.isEmpty()) {
            return;
        }
        ScoreEngine engine = new ScoreEngine(play);
        int n = play.jokers().size();
        java.util.List<int[]> orders = new java.util.ArrayList<>();
        permutations(ScoreEngine.identity(n), 0, orders);
        for (int[] order : orders) {
            for (int q = 0; q + 1 < n; q++) {
                for (int[] pair : ruled) {
                    if (order[q] == pair[1] && order[q + 1] == pair[0] && JokerOrdering.swapKeepsCopies(play, order, q)) {
                        int[] swapped = order.clone();
                        swapped[q] = pair[0];
                        swapped[q + 1] = pair[1];
                        double before = engine.evaluate(order);
                        double after = engine.evaluate(swapped);
                        assertThat(after).as("swap %s in %s", java.util.Arrays.toString(pair), java.util.Arrays.toString(order))
                                .isGreaterThanOrEqualTo(before - 1e-9 * Math.max(1, Math.abs(before)));
                    }
                }
            }
        }
    }

    private static void permutations(int[] a, int k, java.util.List<int[]> out) {
        if (k == a.length) {
            out.add(a.clone());
            return;
        }
        for (int i = k; i < a.length; i++) {
            int t = a[k];
            a[k] = a[i];
            a[i] = t;
            permutations(a, k + 1, out);
            a[i] = a[k];
            a[k] = t;
        }
    }

    @Provide
    Arbitrary<Play> smallPlays() {
        return RandomPlays.plays(2, 5, 4);
    }

    @Provide
    Arbitrary<Play> plays() {
        return RandomPlays.plays(0, 7, 4);
    }
}
