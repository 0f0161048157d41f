package jimbot.algorithms.power;

import java.util.Arrays;

/**
 * Weighted PageRank over the synergy graph by power iteration (damping 0.85; a joker without positive partners spreads
 * its rank evenly). Can start from a previous result, which is how the module keeps power up to date: after a few runs
 * change the graph a little, a warm start converges in a few iterations to the same fixed point a cold start reaches.
 */
public final class JokerPower {

    public static final double DAMPING = 0.85;
    /** Stop when no score moves more than this between iterations. */
    public static final double TOLERANCE = 1e-10;
    private static final int MAX_ITERATIONS = 1000;

    /** Scores (summing to 1) and the iterations it took. */
    public record Result(double[] scores, int iterations) {
    }

    private JokerPower() {
    }

    /** PageRank from {@code start} (null or the wrong size: uniform). */
    public static Result compute(SynergyGraph g, double[] start) {
        int n = g.size();
        if (n == 0) {
            return new Result(new double[0], 0);
        }
        double[] rank = start != null && start.length == n ? start.clone() : uniform(n);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            for (double w : g.weights()[i]) {
                out[i] += w;
            }
        }
        double[] next = new double[n];
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            double dangling = 0;
            for (int i = 0; i < n; i++) {
                if (out[i] == 0) {
                    dangling += rank[i];
                }
            }
            Arrays.fill(next, (1 - DAMPING) / n + DAMPING * dangling / n);
            for (int i = 0; i < n; i++) {
                if (out[i] > 0) {
                    double share = DAMPING * rank[i] / out[i];
                    double[] row = g.weights()[i];
                    for (int j = 0; j < n; j++) {
                        if (row[j] > 0) {
                            next[j] += share * row[j];
                        }
                    }
                }
            }
            double moved = 0;
            for (int i = 0; i < n; i++) {
                moved = Math.max(moved, Math.abs(next[i] - rank[i]));
            }
            double[] t = rank;
            rank = next;
            next = t;
            if (moved < TOLERANCE) {
                return new Result(rank, it);
            }
        }
        return new Result(rank, MAX_ITERATIONS);
    }

    private static double[] uniform(int n) {
        double[] r = new double[n];
        Arrays.fill(r, 1.0 / n);
        return r;
    }
}
