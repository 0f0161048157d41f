package jimbot.algorithms.shop;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jimbot.algorithms.catalog.JokerCatalog;
import jimbot.algorithms.catalog.JokerSpec;
import jimbot.algorithms.synergy.FollowedRuns;
import jimbot.graph.procedures.Descriptor;
import jimbot.graph.procedures.InvalidParameterException;
import jimbot.graph.procedures.Mode;
import jimbot.graph.procedures.ProcedureContext;
import jimbot.graph.procedures.ProcedureModule;
import jimbot.graph.procedures.ValueType;
import jimbot.graph.projection.ProjectionDelta;

/** {@code synergy.recommend}: shop offers ranked for the jokers owned (see {@link ShopAdvice}), with the reasons. */
public final class ShopModule implements ProcedureModule {

    private static final Descriptor DESCRIPTOR = new Descriptor("synergy.recommend", "0.1.0",
            "Ranks shop offers by expected marginal value for the jokers owned: synergy with them (shrunk uplift) plus "
                    + "how much the offer raises reference plays' scores; offers the money cannot buy come last.",
            List.of(Descriptor.Parameter.required("offers", ValueType.STRING_LIST, "the jokers offered, by name or key"),
                    Descriptor.Parameter.optional("owned", ValueType.STRING_LIST, List.of(), "the jokers owned, left to right"),
                    Descriptor.Parameter.optional("money", ValueType.FLOAT, 1_000_000.0, "money in hand (default: no limit)")),
            List.of(new Descriptor.Column("joker", ValueType.STRING, "the offer's name"),
                    new Descriptor.Column("key", ValueType.STRING, "its catalog key"),
                    new Descriptor.Column("cost", ValueType.INTEGER, "base cost in $"),
                    new Descriptor.Column("affordable", ValueType.BOOLEAN, "money covers the cost"),
                    new Descriptor.Column("value", ValueType.FLOAT, "synergy + score weight x score gain"),
                    new Descriptor.Column("synergy", ValueType.FLOAT, "sum of shrunk uplifts with the jokers owned"),
                    new Descriptor.Column("score_gain", ValueType.FLOAT, "log2 of how much the reference plays' score grows"),
                    new Descriptor.Column("reasons", ValueType.STRING_LIST, "partners with intervals, score change, cost")),
            // no write mode: advice answers one shop visit; it is not a fact about the graph worth storing
            EnumSet.of(Mode.STREAM, Mode.STATS, Mode.ESTIMATE), true, "the pair counts of synergy.pairs");

    private final FollowedRuns runs = new FollowedRuns();

    @Override
    public Descriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void onDeltas(List<ProjectionDelta> deltas) {
        runs.apply(deltas);
    }

    private static List<JokerSpec> jokers(Object names, String parameter) {
        List<JokerSpec> out = new ArrayList<>();
        int i = 0;
        for (Object name : (List<?>) names) {
            String text = String.valueOf(name);
            int at = i++;
            out.add(JokerCatalog.vanilla().find(text).orElseThrow(() -> new InvalidParameterException(parameter + "[" + at + "]",
                    "a joker name such as Baron", parameter + "[" + at + "]: no joker is called '" + text + "'")));
        }
        return out;
    }

    @Override
    public List<Map<String, Object>> call(Mode mode, Map<String, Object> params, ProcedureContext context) {
        if (mode == Mode.ESTIMATE) {
            return List.of(Map.of("memory", "the pair counts", "work", "3 scored plays and the partners of each offer"));
        }
        List<JokerSpec> offers = jokers(params.get("offers"), "offers");
        List<JokerSpec> owned = jokers(params.get("owned"), "owned");
        double money = ((Number) params.get("money")).doubleValue();
        record Advice(List<ShopAdvice.Offer> offers, long finished) {
        }
        Advice advice = runs.read(context.projection(), stats -> new Advice(ShopAdvice.rank(stats, owned, offers, money),
                stats.overall().runs()));
        List<ShopAdvice.Offer> ranked = advice.offers();
        if (mode == Mode.STATS) {
            return List.of(Map.of("offers", (long) ranked.size(),
                    "affordable", ranked.stream().filter(ShopAdvice.Offer::affordable).count(),
                    "finished_runs", advice.finished(),
                    "best", ranked.isEmpty() ? "" : ranked.get(0).key()));
        }
        return ranked.stream().map(o -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("joker", o.name());
            m.put("key", o.key());
            m.put("cost", (long) o.cost());
            m.put("affordable", o.affordable());
            m.put("value", o.value());
            m.put("synergy", o.synergy());
            m.put("score_gain", o.scoreGain());
            m.put("reasons", o.reasons());
            return (Map<String, Object>) m;
        }).toList();
    }
}
