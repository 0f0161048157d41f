package jimbot.algorithms.power;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import jimbot.algorithms.synergy.Synergy;
import jimbot.algorithms.synergy.SynergyStats;

/**
 * The synergy graph: jokers as nodes (sorted by key, so indexes are stable), an edge between two jokers weighted by
 * their positive uplift when they were held together in at least {@code minRuns} finished runs. Anti-synergies carry
 * no weight here (PageRank needs non-negative weights); they stay visible in {@code synergy.pairs}.
 */
public record SynergyGraph(List<String> jokers, double[][] weights) {

    /** Builds the graph from the counts. */
    public static SynergyGraph of(SynergyStats stats, long minRuns) {
        List<Synergy.Row> rows = Synergy.rank(stats, Optional.empty(), minRuns, Integer.MAX_VALUE);
        TreeSet<String> keys = new TreeSet<>(stats.perJoker().keySet());
        List<String> jokers = new ArrayList<>(keys);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < jokers.size(); i++) {
            index.put(jokers.get(i), i);
        }
        double[][] w = new double[jokers.size()][jokers.size()];
        for (Synergy.Row r : rows) {
            if (r.uplift() > 0) {
                int a = index.get(r.joker());
                int b = index.get(r.partner());
                w[a][b] = r.uplift();
                w[b][a] = r.uplift();
            }
        }
        return new SynergyGraph(List.copyOf(jokers), w);
    }

    public int size() {
        return jokers.size();
    }
}
