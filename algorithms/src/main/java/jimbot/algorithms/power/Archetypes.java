package jimbot.algorithms.power;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Archetypes: communities of the synergy graph by weighted label propagation. Each joker starts in its own community
 * and repeatedly joins the one its partners weigh most (ties: the smaller label), visiting jokers in an order shuffled
 * by the seed, until no joker moves. The same graph and seed always give the same communities.
 */
public final class Archetypes {

    private Archetypes() {
    }

    /** The community label of each joker (labels are joker indexes; jokers without partners stay alone). */
    public static int[] detect(SynergyGraph g, long seed) {
        int n = g.size();
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            label[i] = i;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new Random(seed));
        for (int round = 0; round < 100; round++) {
            boolean moved = false;
            for (int i : order) {
                double[] weightOf = new double[n];
                double best = 0;
                int bestLabel = label[i];
                for (int j = 0; j < n; j++) {
                    double w = g.weights()[i][j];
                    if (w > 0) {
                        weightOf[label[j]] += w;
                    }
                }
                for (int l = 0; l < n; l++) {
                    if (weightOf[l] > best || weightOf[l] == best && weightOf[l] > 0 && l < bestLabel) {
                        best = weightOf[l];
                        bestLabel = l;
                    }
                }
                if (best > 0 && bestLabel != label[i]) {
                    label[i] = bestLabel;
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
        }
        return label;
    }
}
