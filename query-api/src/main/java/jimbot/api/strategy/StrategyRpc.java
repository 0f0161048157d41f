package jimbot.api.strategy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import jimbot.algorithms.ordering.JokerOrdering;
import jimbot.algorithms.play.BestPlay;
import jimbot.algorithms.scoring.Joker;
import jimbot.algorithms.scoring.Play;
import jimbot.algorithms.scoring.ScoreEngine;
import jimbot.algorithms.scoring.ScoreResult;
import jimbot.algorithms.scoring.Step;
import jimbot.api.grpc.Calls;
import jimbot.api.grpc.ProtoJson;
import jimbot.api.grpc.RpcErrors;
import jimbot.errors.InvalidArgumentException;
import jimbot.graph.procedures.Cancellation;
import jimbot.api.freshness.FreshnessFields;
import jimbot.api.freshness.FreshnessSource;
import jimbot.journal.Freshness;
import jimbot.journal.Journal;
import jimbot.v1.BestPlayReply;
import jimbot.v1.BestPlayRequest;
import jimbot.v1.CandidatePlay;
import jimbot.v1.Card;
import jimbot.v1.JokerOrderReply;
import jimbot.v1.JokerOrderRequest;
import jimbot.v1.PatternsReply;
import jimbot.v1.PatternsRequest;
import jimbot.v1.PlayJoker;
import jimbot.v1.ScoreHandReply;
import jimbot.v1.ScoreHandRequest;
import jimbot.v1.ScoreStep;
import jimbot.v1.ShopReply;
import jimbot.v1.ShopRequest;
import jimbot.v1.StrategyGrpc;
import jimbot.v1.SynergiesReply;
import jimbot.v1.SynergiesRequest;

/**
 * The Strategy service: the score engine, joker ordering and best play with the same strict reading as the HTTP
 * routes (a {@code Play} message goes through the same parser as the JSON body), bounded by the caller's deadline.
 */
public final class StrategyRpc extends StrategyGrpc.StrategyImplBase {

    /** How the analytics answers reach their procedure modules (synergy.pairs, patterns.frequent). */
    @FunctionalInterface
    public interface Procedures {
        /** The module's rows; {@link java.util.NoSuchElementException} when no such module is installed. */
        List<Map<String, Object>> stream(String name, Map<String, Object> params, java.time.Duration budget);
    }

    private final Journal journal;
    private final java.util.Optional<Procedures> procedures;
    private final FreshnessSource fresh;

    /** Without procedure modules: GetSynergies and GetPatterns answer UNIMPLEMENTED. */
    public StrategyRpc(Journal journal) {
        this(journal, java.util.Optional.empty(), FreshnessSource.NONE);
    }

    /** With procedure modules, whose answers say how fresh they are from {@code fresh}. */
    public StrategyRpc(Journal journal, java.util.Optional<Procedures> procedures, FreshnessSource fresh) {
        this.journal = journal;
        this.procedures = procedures;
        this.fresh = fresh;
    }

    private jimbot.v1.Freshness current() {
        return FreshnessFields.proto(Freshness.current(journal));
    }

    private List<Map<String, Object>> module(String name, Map<String, Object> params, String rpc) {
        if (procedures.isEmpty()) {
            throw new UnsupportedOperationException(rpc + " needs the " + name + " module, which this engine does not have");
        }
        try {
            return procedures.get().stream(name, params, Calls.budget(StrategyService.BUDGET));
        } catch (java.util.NoSuchElementException e) {
            throw new UnsupportedOperationException(rpc + " needs the " + name + " module, which this engine does not have");
        } catch (jimbot.graph.procedures.InvalidParameterException e) {
            // a field passed through to the module (metric, outcome, ...) that it refused: name it like any other
            throw new InvalidArgumentException(e.parameter(), e.expected(), e.getMessage());
        }
    }

    @Override
    public void scoreHand(ScoreHandRequest request, StreamObserver<ScoreHandReply> out) {
        RpcErrors.unary(out, () -> {
            Play play = play(request.getPlay(), false);
            ScoreResult r = ScoreEngine.score(play, request.getSteps());
            ScoreHandReply.Builder b = ScoreHandReply.newBuilder().setHand(r.handName()).setChips(r.chips())
                    .setMult(r.mult()).setScore(r.score().toString()).setMoney(r.money())
                    .setLuck(play.luck().name().toLowerCase(java.util.Locale.ROOT));
            if (request.getSteps()) {
                for (Step s : r.steps()) {
                    b.addSteps(ScoreStep.newBuilder().setPhase(s.phase()).setSource(s.source()).setOp(s.op())
                            .setAmount(s.amount()).setChips(s.chips()).setMult(s.mult()));
                }
            }
            return b.setFreshness(current()).build();
        });
    }

    @Override
    public void optimizeJokerOrder(JokerOrderRequest request, StreamObserver<JokerOrderReply> out) {
        RpcErrors.unary(out, () -> switch (request.getSourceCase()) {
            case PLAY -> order(play(request.getPlay(), false), List.of()).setFreshness(current()).build();
            case GAME_ID -> {
                jimbot.v1.Freshness f = current(); // before the read: the answer reflects at least this much
                LivePlays.Live live = LivePlays.latest(journal, gameId(request.getGameId()));
                LivePlays.Chosen chosen = LivePlays.bestCards(live, budget());
                JokerOrderReply.Builder b = order(chosen.play(), live.ignored()).setGameId(live.gameId())
                        .setOffset(live.offset());
                for (int i : chosen.cards()) {
                    b.addForCards(i);
                }
                yield b.setFreshness(f).build();
            }
            case SOURCE_NOT_SET -> throw new InvalidArgumentException("source", "play or game_id",
                    "source: neither play nor game_id is set");
        });
    }

    @Override
    public void bestPlay(BestPlayRequest request, StreamObserver<BestPlayReply> out) {
        RpcErrors.unary(out, () -> {
            int top = request.getTop() == 0 ? StrategyService.TOP_DEFAULT : request.getTop();
            if (top < 1 || top > StrategyService.TOP_MAX) {
                throw new InvalidArgumentException("top", "1 to " + StrategyService.TOP_MAX,
                        "top: " + request.getTop() + " is not from 1 to " + StrategyService.TOP_MAX);
            }
            return switch (request.getSourceCase()) {
                case PLAY -> best(play(request.getPlay(), true), top, List.of()).setFreshness(current()).build();
                case GAME_ID -> {
                    jimbot.v1.Freshness f = current();
                    LivePlays.Live live = LivePlays.latest(journal, gameId(request.getGameId()));
                    yield best(live.play(), top, live.ignored()).setGameId(live.gameId()).setOffset(live.offset())
                            .setFreshness(f).build();
                }
                case SOURCE_NOT_SET -> throw new InvalidArgumentException("source", "play or game_id",
                        "source: neither play nor game_id is set");
            };
        });
    }

    /** Pairs by uplift: every pair when no joker is named, else the named jokers' partners, strongest first. */
    @Override
    public void getSynergies(SynergiesRequest request, StreamObserver<SynergiesReply> out) {
        RpcErrors.unary(out, () -> {
            int top = request.getTop() == 0 ? 20 : request.getTop();
            if (top < 1 || top > 10_000) {
                throw new InvalidArgumentException("top", "1 to 10000", "top: " + request.getTop() + " is not from 1 to 10000");
            }
            if (request.getMinRuns() < 0) {
                throw new InvalidArgumentException("min_runs", "0 (the default, 3) or more",
                        "min_runs: " + request.getMinRuns() + " is negative");
            }
            long minRuns = request.getMinRuns() == 0 ? 3 : request.getMinRuns();
            String metric = request.getMetric().isBlank() ? "won" : request.getMetric();
            jimbot.v1.Freshness f = FreshnessFields.proto(fresh.module("synergy.pairs"));
            List<Map<String, Object>> rows = new java.util.ArrayList<>();
            for (String joker : request.getJokersCount() == 0 ? List.of("") : request.getJokersList()) {
                rows.addAll(module("synergy.pairs", Map.of("joker", joker, "limit", (long) top, "min_runs", minRuns,
                        "metric", metric), "GetSynergies"));
            }
            if (request.getJokersCount() > 1) {
                rows.sort(java.util.Comparator.comparingDouble((Map<String, Object> r) -> ((Number) r.get("uplift")).doubleValue())
                        .reversed());
            }
            SynergiesReply.Builder b = SynergiesReply.newBuilder();
            rows.stream().limit(top).forEach(r -> b.addSynergies(jimbot.v1.JokerSynergy.newBuilder()
                    .setJoker((String) r.get("joker")).setPartner((String) r.get("partner"))
                    .setScore(number(r, "uplift")).setRuns((long) number(r, "runs")).setLift(number(r, "lift"))
                    .setLo(number(r, "lo")).setHi(number(r, "hi")).setWins((long) number(r, "wins"))
                    .setHands((long) number(r, "hands")).setHandLift(number(r, "hand_lift"))));
            return b.setFreshness(f).build();
        });
    }

    /** The game's latest state: its shop's jokers ranked for the jokers it owns and the money it has. */
    @Override
    public void recommendShop(ShopRequest request, StreamObserver<ShopReply> out) {
        RpcErrors.unary(out, () -> {
            jimbot.v1.Freshness f = FreshnessFields.proto(fresh.module("synergy.recommend"));
            jimbot.v1.GameState state = LivePlays.latestState(journal, gameId(request.getGameId())).getGameState();
            List<String> owned = state.getJokersList().stream().map(jimbot.v1.JokerCard::getName)
                    .filter(n -> jimbot.algorithms.catalog.JokerCatalog.vanilla().find(n).isPresent()).toList();
            Map<String, String> slots = new java.util.LinkedHashMap<>();
            for (jimbot.v1.ShopItem item : state.getShopItemsList()) {
                jimbot.algorithms.catalog.JokerCatalog.vanilla().find(item.getName())
                        .ifPresent(spec -> slots.putIfAbsent(spec.name(), item.getSlot()));
            }
            ShopReply.Builder b = ShopReply.newBuilder().setFreshness(f);
            if (slots.isEmpty()) {
                return b.build(); // no joker on offer
            }
            for (Map<String, Object> r : module("synergy.recommend", Map.of("offers", List.copyOf(slots.keySet()),
                    "owned", owned, "money", state.getMoney()), "RecommendShop")) {
                b.addItems(jimbot.v1.ShopAdvice.newBuilder().setSlot(slots.getOrDefault((String) r.get("joker"), ""))
                        .setName((String) r.get("joker")).setValue(((Number) r.get("value")).doubleValue())
                        .setReason(String.join("; ", (List<String>) r.get("reasons"))));
            }
            return b.build();
        });
    }

    /** Frequent joker sets of the runs asked about (won, support 5 %, up to 4 jokers by default), most frequent first. */
    @Override
    public void getPatterns(PatternsRequest request, StreamObserver<PatternsReply> out) {
        RpcErrors.unary(out, () -> {
            int top = request.getTop() == 0 ? 20 : request.getTop();
            if (top < 1 || top > 10_000) {
                throw new InvalidArgumentException("top", "1 to 10000", "top: " + request.getTop() + " is not from 1 to 10000");
            }
            double support = request.getMinSupport();
            if (!(support == 0 || support >= 0.0001 && support <= 1)) {
                throw new InvalidArgumentException("min_support", "0 (the default, 0.05) or a share from 0.0001 to 1",
                        "min_support: " + support + " is not 0 nor a share from 0.0001 to 1");
            }
            if (request.getMaxSize() != 0 && (request.getMaxSize() < 2 || request.getMaxSize() > 8)) {
                throw new InvalidArgumentException("max_size", "2 to 8 (0: 4)", "max_size: " + request.getMaxSize()
                        + " is not from 2 to 8");
            }
            PatternsReply.Builder b = PatternsReply.newBuilder()
                    .setFreshness(FreshnessFields.proto(fresh.module("patterns.frequent")));
            for (Map<String, Object> r : module("patterns.frequent", Map.of(
                    "outcome", request.getOutcome().isBlank() ? "won" : request.getOutcome(),
                    "min_support", request.getMinSupport() == 0 ? 0.05 : request.getMinSupport(),
                    "max_size", request.getMaxSize() == 0 ? 4L : (long) request.getMaxSize(), "limit", (long) top), "GetPatterns")) {
                List<?> jokers = (List<?>) r.get("jokers");
                b.addPatterns(jimbot.v1.GamePattern.newBuilder().addAllItems(jokers.stream().map(String::valueOf).toList())
                        .setSupport((long) number(r, "runs")).setConfidence(number(r, "win_rate")).setLift(number(r, "lift"))
                        .setShare(number(r, "support")));
            }
            return b.build();
        });
    }

    private static Cancellation budget() {
        return Cancellation.after(Calls.budget(StrategyService.BUDGET));
    }

    private static String gameId(String raw) {
        if (raw.isBlank()) {
            throw new InvalidArgumentException("game_id", "a game id", "game_id: empty");
        }
        return raw.trim();
    }

    private static JokerOrderReply.Builder order(Play play, List<String> ignored) {
        JokerOrdering.Result r = JokerOrdering.optimize(new ScoreEngine(play), budget());
        JokerOrderReply.Builder b = JokerOrderReply.newBuilder();
        for (int i : r.best()) {
            b.addBestJokers(name(play.jokers(), i)).addBestOrder(i);
        }
        for (int i = 0; i < play.jokers().size(); i++) {
            b.addCurrentJokers(name(play.jokers(), i));
        }
        return b.setBestScore(LivePlays.floor(r.bestScore()).toString())
                .setCurrentScore(LivePlays.floor(r.currentScore()).toString())
                .setGain(LivePlays.floor(r.bestScore()).subtract(LivePlays.floor(r.currentScore())).toString())
                .setOrdersScored(r.ordersScored()).setPairsRuled(r.pairsRuled()).addAllIgnored(ignored);
    }

    private static BestPlayReply.Builder best(Play play, int top, List<String> ignored) {
        BestPlayReply.Builder b = BestPlayReply.newBuilder().addAllIgnored(ignored);
        for (BestPlay.Candidate c : BestPlay.best(play, top, budget())) {
            CandidatePlay.Builder p = CandidatePlay.newBuilder().setHand(c.hand().displayName())
                    .setScore(LivePlays.floor(c.score()).toString());
            for (int i : c.cards()) {
                p.addCards(i);
            }
            for (int i : c.jokers()) {
                p.addJokers(name(play.jokers(), i)).addJokerOrder(i);
            }
            b.addPlays(p);
        }
        return b;
    }

    private static String name(List<Joker> jokers, int i) {
        return jokers.get(i).kind().spec().name();
    }

    /** The Play message as the JSON body of the HTTP routes, read by the same parser; errors name {@code play.…}. */
    private static Play play(jimbot.v1.Play p, boolean chooseCards) {
        try {
            return PlayRequest.parse(json(p), chooseCards);
        } catch (InvalidArgumentException e) {
            throw new InvalidArgumentException("play." + e.field(), e.expected(), "play." + e.getMessage());
        }
    }

    static ObjectNode json(jimbot.v1.Play p) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        cards(o.putArray("played"), p.getPlayedList());
        cards(o.putArray("held"), p.getHeldList());
        ArrayNode jokers = o.putArray("jokers");
        for (PlayJoker j : p.getJokersList()) {
            ObjectNode jo = jokers.addObject();
            jo.put("name", j.getName());
            putText(jo, "edition", j.getEdition());
            if (j.hasState()) {
                jo.set("state", ProtoJson.json(j.getState()));
            }
            if (j.getDebuffed()) {
                jo.put("debuffed", true);
            }
        }
        counts(o, "hand_levels", p.getHandLevelsMap());
        putText(o, "blind", p.getBlind());
        putText(o, "deck", p.getDeck());
        p.getVouchersList().forEach(o.withArray("vouchers")::add);
        p.getConsumablesList().forEach(o.withArray("consumables")::add);
        if (p.getMoney() != 0) {
            o.put("money", p.getMoney());
        }
        if (p.hasHandsLeft()) {
            o.put("hands_left", p.getHandsLeft());
        }
        if (p.hasDiscardsLeft()) {
            o.put("discards_left", p.getDiscardsLeft());
        }
        if (p.hasJokerSlots()) {
            o.put("joker_slots", p.getJokerSlots());
        }
        putText(o, "luck", p.getLuck());
        counts(o, "hand_counts", p.getHandCountsMap());
        p.getPlayedThisRoundList().forEach(o.withArray("played_this_round")::add);
        return o;
    }

    private static void cards(ArrayNode out, List<Card> cards) {
        for (Card c : cards) {
            ObjectNode co = out.addObject();
            co.put("rank", c.getRank());
            co.put("suit", c.getSuit());
            putText(co, "enhancement", c.getEnhancement());
            putText(co, "edition", c.getEdition());
            putText(co, "seal", c.getSeal());
        }
    }

    private static void counts(ObjectNode o, String field, Map<String, Integer> counts) {
        if (!counts.isEmpty()) {
            ObjectNode m = o.putObject(field);
            counts.forEach(m::put);
        }
    }

    private static void putText(ObjectNode o, String field, String value) {
        if (!value.isBlank()) {
            o.put(field, value);
        }
    }

    private static double number(Map<String, Object> row, String column) {
        return row.get(column) instanceof Number n ? n.doubleValue() : 0;
    }
}
