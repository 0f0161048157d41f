package jimbot.algorithms.template;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jimbot.graph.procedures.Cancellation;
import jimbot.graph.projection.ProjectionView;

/**
 * How many runs held each joker, how many of them finished, and how many won: the simplest question about the
 * projection. O(r·k) for r runs holding k jokers each; deterministic (ties broken by key).
 */
public final class JokerPopularity {

    /** One joker's counts. */
    public record Row(String joker, long runs, long finished, long wins) {
        /** Wins over finished runs; 0 when none finished. */
        public double winRate() {
            return finished == 0 ? 0 : (double) wins / finished;
        }
    }

    private final ProjectionView view;
    private final PopularityParameters parameters;
    private final Cancellation cancellation;

    public JokerPopularity(ProjectionView view, PopularityParameters parameters, Cancellation cancellation) {
        this.view = view;
        this.parameters = parameters;
        this.cancellation = cancellation;
    }

    /** The jokers held by at least {@code minRuns} runs, most held first, at most {@code limit}. */
    public List<Row> compute() {
        Map<String, long[]> counts = new HashMap<>();
        int seen = 0;
        for (ProjectionView.RunView run : view.runs()) {
            if (++seen % 1024 == 0) {
                cancellation.check();
            }
            for (String joker : run.jokers()) {
                long[] c = counts.computeIfAbsent(joker, k -> new long[3]);
                c[0]++;
                if (run.finished()) {
                    c[1]++;
                    if (run.won()) {
                        c[2]++;
                    }
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        counts.forEach((k, c) -> {
            if (c[0] >= parameters.minRuns()) {
                rows.add(new Row(k, c[0], c[1], c[2]));
            }
        });
        rows.sort(Comparator.comparingLong(Row::runs).reversed().thenComparing(Row::joker));
        return rows.size() > parameters.limit() ? List.copyOf(rows.subList(0, parameters.limit())) : List.copyOf(rows);
    }
}
