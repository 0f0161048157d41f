package jimbot.algorithms.template;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jimbot.graph.procedures.Descriptor;
import jimbot.graph.procedures.Mode;
import jimbot.graph.procedures.ProcedureContext;
import jimbot.graph.procedures.ProcedureModule;
import jimbot.graph.procedures.ValueType;

/**
 * {@code joker.popularity}: the procedure adapter around {@link JokerPopularity}. Copy this folder to start a module:
 * an algorithm class that knows nothing of databases, a parameters record, and this thin adapter listed in
 * {@code META-INF/services/jimbot.graph.procedures.ProcedureModule}.
 */
public final class JokerPopularityModule implements ProcedureModule {

    private static final Descriptor DESCRIPTOR = new Descriptor("joker.popularity", "1.0.0",
            "How many runs held each joker, how many finished and how many won.",
            List.of(Descriptor.Parameter.optional("min_runs", ValueType.INTEGER, PopularityParameters.MIN_RUNS_DEFAULT,
                            "fewest runs holding a joker for it to be listed").between(0, Long.MAX_VALUE),
                    Descriptor.Parameter.optional("limit", ValueType.INTEGER, (long) PopularityParameters.LIMIT_DEFAULT,
                            "most jokers listed").between(1, 1000)),
            List.of(new Descriptor.Column("joker", ValueType.STRING, "joker key"),
                    new Descriptor.Column("runs", ValueType.INTEGER, "runs that held it"),
                    new Descriptor.Column("finished", ValueType.INTEGER, "of those, runs that ended"),
                    new Descriptor.Column("wins", ValueType.INTEGER, "of those, runs won"),
                    new Descriptor.Column("win_rate", ValueType.FLOAT, "wins / finished")),
            EnumSet.of(Mode.STREAM, Mode.STATS, Mode.ESTIMATE), true, "one counter triple per joker held");

    @Override
    public Descriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Map<String, Object>> call(Mode mode, Map<String, Object> params, ProcedureContext context) {
        PopularityParameters p = PopularityParameters.of(params);
        return switch (mode) {
            case ESTIMATE -> List.of(Map.of("memory", "3 longs per joker", "work", "one pass over the runs"));
            case STATS -> {
                List<JokerPopularity.Row> rows = new JokerPopularity(context.projection(), p, context.cancellation()).compute();
                yield List.of(Map.of("jokers", (long) rows.size(), "runs", (long) context.projection().runs().size()));
            }
            case STREAM -> new JokerPopularity(context.projection(), p, context.cancellation()).compute().stream()
                    .map(JokerPopularityModule::row).toList();
            case WRITE -> throw new IllegalStateException("joker.popularity does not write");
        };
    }

    private static Map<String, Object> row(JokerPopularity.Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("joker", r.joker());
        m.put("runs", r.runs());
        m.put("finished", r.finished());
        m.put("wins", r.wins());
        m.put("win_rate", r.winRate());
        return m;
    }
}
