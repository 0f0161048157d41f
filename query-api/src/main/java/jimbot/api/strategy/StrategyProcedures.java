package jimbot.api.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jimbot.algorithms.ordering.JokerOrdering;
import jimbot.algorithms.play.BestPlay;
import jimbot.algorithms.scoring.Joker;
import jimbot.algorithms.scoring.Play;
import jimbot.algorithms.scoring.ScoreEngine;
import jimbot.algorithms.scoring.ScoreResult;
import jimbot.algorithms.scoring.Step;
import jimbot.errors.InvalidArgumentException;
import jimbot.graph.procedures.Descriptor;
import jimbot.graph.procedures.Descriptor.Column;
import jimbot.graph.procedures.Descriptor.Parameter;
import jimbot.graph.procedures.InvalidParameterException;
import jimbot.graph.procedures.Mode;
import jimbot.graph.procedures.ProcedureContext;
import jimbot.graph.procedures.ProcedureModule;
import jimbot.graph.procedures.ValueType;
import jimbot.ingest.http.HttpJson;

/**
 * The score engine, joker ordering and best play as procedures ({@code scoring.evaluate}, {@code ordering.optimize},
 * {@code play.best}), taking the same fields as the HTTP strategy routes.
 */
public final class StrategyProcedures {

    private StrategyProcedures() {
    }

    /** The play's fields, shared by the three; defaults are the game's (level 1, no blind, no deck). */
    private static List<Parameter> playParameters(String cardsField, String cardsDescription) {
        return List.of(
                Parameter.required(cardsField, ValueType.LIST, cardsDescription),
                Parameter.optional("jokers", ValueType.LIST, List.of(), "jokers left to right: {name|key, edition, state}"),
                Parameter.optional("hand_levels", ValueType.MAP, Map.of(), "poker hand → level, e.g. {\"Pair\": 3}"),
                Parameter.optional("blind", ValueType.STRING, "none", "the blind, e.g. \"The Flint\""),
                Parameter.optional("deck", ValueType.STRING, "", "the deck, e.g. \"Plasma Deck\""),
                Parameter.optional("vouchers", ValueType.LIST, List.of(), "voucher names, e.g. [\"Observatory\"]"),
                Parameter.optional("consumables", ValueType.LIST, List.of(), "consumables held, e.g. [{\"name\":\"Mercury\"}]"),
                Parameter.optional("money", ValueType.FLOAT, 0.0, "money before the hand"),
                Parameter.optional("hands_left", ValueType.INTEGER, (long) Play.HANDS_LEFT_DEFAULT, "hands left including this one")
                        .between(1, 1000),
                Parameter.optional("discards_left", ValueType.INTEGER, (long) Play.DISCARDS_LEFT_DEFAULT, "discards left")
                        .between(0, 1000),
                Parameter.optional("joker_slots", ValueType.INTEGER, (long) Play.JOKER_SLOTS_DEFAULT, "joker slots")
                        .between(0, 100),
                Parameter.optional("luck", ValueType.STRING, "average", "none, average (exact expectation) or all"),
                Parameter.optional("hand_counts", ValueType.MAP, Map.of(), "poker hand → times played this run"),
                Parameter.optional("played_this_round", ValueType.STRING_LIST, List.of(), "poker hands already played this round"));
    }

    private static List<Parameter> with(List<Parameter> base, Parameter... more) {
        List<Parameter> out = new ArrayList<>(base);
        out.addAll(List.of(more));
        return out;
    }

    /** The parameters as the HTTP body they mirror, parsed by the same strict parser; its errors name the parameter. */
    private static Play play(Map<String, Object> params, boolean chooseCards) {
        JsonNode body = HttpJson.MAPPER.valueToTree(withoutOwn(params));
        try {
            return PlayRequest.parse(body, chooseCards);
        } catch (InvalidArgumentException e) {
            throw new InvalidParameterException(e.field(), e.expected(), e.getMessage());
        }
    }

    private static Map<String, Object> withoutOwn(Map<String, Object> params) {
        Map<String, Object> copy = new LinkedHashMap<>(params);
        copy.remove("steps");
        copy.remove("top");
        return copy;
    }

    private static List<String> names(List<Joker> jokers, int[] order) {
        List<String> out = new ArrayList<>();
        for (int i : order) {
            out.add(jokers.get(i).kind().spec().name());
        }
        return out;
    }

    private static List<Long> indexes(int[] order) {
        List<Long> out = new ArrayList<>();
        for (int i : order) {
            out.add((long) i);
        }
        return out;
    }

    private static List<Map<String, Object>> estimate(String cost) {
        return List.of(Map.of("memory", "O(jokers + cards)", "time", cost));
    }

    /** {@code scoring.evaluate}: one play scored exactly as the game scores it. */
    public static final class Evaluate implements ProcedureModule {
        private static final Descriptor DESCRIPTOR = new Descriptor("scoring.evaluate", "1.0.0",
                "Scores one play exactly as the game does: poker hand, chips, mult, score and money, with the step log on request.",
                with(playParameters("played", "the cards played, in play order"),
                        Parameter.optional("held", ValueType.LIST, List.of(), "the cards held in hand, in hand order"),
                        Parameter.optional("steps", ValueType.BOOLEAN, false, "also return each +chips, +mult and ×mult")),
                List.of(new Column("hand", ValueType.STRING, "the poker hand"),
                        new Column("chips", ValueType.FLOAT, "chips at the end"),
                        new Column("mult", ValueType.FLOAT, "mult at the end"),
                        new Column("score", ValueType.INTEGER, "chips × mult, floored"),
                        new Column("money", ValueType.FLOAT, "money earned while scoring"),
                        new Column("luck", ValueType.STRING, "the luck mode used"),
                        new Column("steps", ValueType.LIST, "the step log, when asked for")),
                EnumSet.of(Mode.STREAM, Mode.ESTIMATE), true, "O(jokers + cards); no state");

        @Override
        public Descriptor descriptor() {
            return DESCRIPTOR;
        }

        @Override
        public List<Map<String, Object>> call(Mode mode, Map<String, Object> params, ProcedureContext context) {
            if (mode == Mode.ESTIMATE) {
                return estimate("microseconds");
            }
            Play play = play(params, false);
            boolean withSteps = Boolean.TRUE.equals(params.get("steps"));
            ScoreResult r = ScoreEngine.score(play, withSteps);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("hand", r.handName());
            row.put("chips", r.chips());
            row.put("mult", r.mult());
            row.put("score", r.score());
            row.put("money", r.money());
            row.put("luck", play.luck().name().toLowerCase(Locale.ROOT));
            List<Map<String, Object>> steps = new ArrayList<>();
            if (withSteps) {
                for (Step s : r.steps()) {
                    steps.add(Map.of("phase", s.phase(), "source", s.source(), "op", s.op(), "amount", s.amount(),
                            "chips", s.chips(), "mult", s.mult()));
                }
            }
            row.put("steps", steps);
            return List.of(row);
        }
    }

    /** {@code ordering.optimize}: the best left-to-right order of the jokers for one play. */
    public static final class Optimize implements ProcedureModule {
        private static final Descriptor DESCRIPTOR = new Descriptor("ordering.optimize", "1.0.0",
                "The best left-to-right joker order for a play (exact), its score, the current order's score and the gain.",
                with(playParameters("played", "the cards played, in play order"),
                        Parameter.optional("held", ValueType.LIST, List.of(), "the cards held in hand, in hand order")),
                List.of(new Column("jokers", ValueType.STRING_LIST, "the best order, by name"),
                        new Column("order", ValueType.LIST, "the best order as indexes into the given jokers"),
                        new Column("score", ValueType.INTEGER, "the score in the best order"),
                        new Column("current_score", ValueType.INTEGER, "the score in the given order"),
                        new Column("gain", ValueType.INTEGER, "score minus current_score"),
                        new Column("orders_scored", ValueType.INTEGER, "how many orders the search scored")),
                EnumSet.of(Mode.STREAM, Mode.ESTIMATE), true, "O(jokers²) memo entries; no state");

        @Override
        public Descriptor descriptor() {
            return DESCRIPTOR;
        }

        @Override
        public List<Map<String, Object>> call(Mode mode, Map<String, Object> params, ProcedureContext context) {
            if (mode == Mode.ESTIMATE) {
                return estimate("under a millisecond up to 8 jokers; tens of milliseconds at 10 with copy jokers");
            }
            Play play = play(params, false);
            JokerOrdering.Result r = JokerOrdering.optimize(new ScoreEngine(play), context.cancellation());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("jokers", names(play.jokers(), r.best()));
            row.put("order", indexes(r.best()));
            row.put("score", LivePlays.floor(r.bestScore()));
            row.put("current_score", LivePlays.floor(r.currentScore()));
            row.put("gain", LivePlays.floor(r.bestScore()).subtract(LivePlays.floor(r.currentScore())));
            row.put("orders_scored", r.ordersScored());
            return List.of(row);
        }
    }

    /** {@code play.best}: the best cards to play from a hand, with the best joker order, and the runners-up. */
    public static final class Best implements ProcedureModule {
        private static final Descriptor DESCRIPTOR = new Descriptor("play.best", "1.0.0",
                "The best 1 to 5 cards to play from the hand, in the best order, with the best joker order; the top k plays.",
                with(playParameters("hand", "the cards in hand to choose from, in hand order"),
                        Parameter.optional("top", ValueType.INTEGER, (long) StrategyService.TOP_DEFAULT, "how many plays")
                                .between(1, StrategyService.TOP_MAX)),
                List.of(new Column("rank", ValueType.INTEGER, "1 for the best play"),
                        new Column("cards", ValueType.LIST, "indexes into hand, in play order"),
                        new Column("hand", ValueType.STRING, "the poker hand"),
                        new Column("jokers", ValueType.STRING_LIST, "the best joker order for it, by name"),
                        new Column("joker_order", ValueType.LIST, "the same as indexes into the given jokers"),
                        new Column("score", ValueType.INTEGER, "its score")),
                EnumSet.of(Mode.STREAM, Mode.ESTIMATE), true, "O(top) candidates; no state");

        @Override
        public Descriptor descriptor() {
            return DESCRIPTOR;
        }

        @Override
        public List<Map<String, Object>> call(Mode mode, Map<String, Object> params, ProcedureContext context) {
            if (mode == Mode.ESTIMATE) {
                return estimate("milliseconds for 8 cards and 5 jokers");
            }
            Play play = play(params, true);
            int top = ((Number) params.getOrDefault("top", (long) StrategyService.TOP_DEFAULT)).intValue();
            List<Map<String, Object>> rows = new ArrayList<>();
            long rank = 1;
            for (BestPlay.Candidate c : BestPlay.best(play, top, context.cancellation())) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("rank", rank++);
                row.put("cards", indexes(c.cards()));
                row.put("hand", c.hand().displayName());
                row.put("jokers", names(play.jokers(), c.jokers()));
                row.put("joker_order", indexes(c.jokers()));
                row.put("score", LivePlays.floor(c.score()));
                rows.add(row);
            }
            return rows;
        }
    }
}
