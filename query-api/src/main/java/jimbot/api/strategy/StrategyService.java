package jimbot.api.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jimbot.graph.procedures.Cancellation;
import jimbot.algorithms.catalog.Blind;
import jimbot.algorithms.ordering.JokerOrdering;
import jimbot.algorithms.play.BestPlay;
import jimbot.algorithms.scoring.Joker;
import jimbot.algorithms.scoring.Luck;
import jimbot.algorithms.scoring.Play;
import jimbot.algorithms.scoring.PlayingCard;
import jimbot.algorithms.scoring.ScoreEngine;
import jimbot.algorithms.scoring.ScoreResult;
import jimbot.algorithms.scoring.Step;
import jimbot.errors.InvalidArgumentException;
import jimbot.errors.NotFoundException;
import jimbot.ingest.http.HttpJson;
import jimbot.api.freshness.FreshnessFields;
import jimbot.journal.Freshness;
import jimbot.journal.Journal;
import jimbot.v1.Card;
import jimbot.v1.Event;
import jimbot.v1.GameState;
import jimbot.v1.JokerCard;

/**
 * Strategy answers over HTTP: {@code POST /api/v1/score}, {@code /joker-order}, {@code /best-play} for a play
 * described in JSON, and {@code GET /api/v1/games/{id}/joker-order}, {@code /best-play} for the current jokers and
 * hand of a game's latest GAME_STATE in the journal.
 */
public final class StrategyService implements HttpService {

    /** How long one strategy request may search before it answers 503. */
    public static final Duration BUDGET = Duration.ofSeconds(10);
    static final int TOP_DEFAULT = 3;
    static final int TOP_MAX = 20;
    private static final int STATES_SCANNED = 2000;

    private final Journal journal;
    private final long maxBodyBytes;

    public StrategyService(Journal journal, long maxBodyBytes) {
        this.journal = journal;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/score", this::score)
                .post("/joker-order", this::jokerOrder)
                .post("/best-play", this::bestPlay)
                .get("/games/{game_id}/joker-order", this::liveJokerOrder)
                .get("/games/{game_id}/best-play", this::liveBestPlay);
    }

    private void score(ServerRequest req, ServerResponse res) {
        JsonNode body = HttpJson.body(req, maxBodyBytes);
        Play play = PlayRequest.parse(body, false);
        ScoreResult r = ScoreEngine.score(play, PlayRequest.flag(body, "steps"));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("hand", r.handName());
        out.put("chips", r.chips());
        out.put("mult", r.mult());
        out.put("score", r.score());
        out.put("money", r.money());
        out.put("luck", play.luck().name().toLowerCase(java.util.Locale.ROOT));
        if (PlayRequest.flag(body, "steps")) {
            ArrayNode steps = out.putArray("steps");
            for (Step s : r.steps()) {
                ObjectNode o = steps.addObject();
                o.put("phase", s.phase());
                o.put("source", s.source());
                o.put("op", s.op());
                o.put("amount", s.amount());
                o.put("chips", s.chips());
                o.put("mult", s.mult());
            }
        }
        HttpJson.send(res, Status.OK_200, FreshnessFields.add(out, res, Freshness.current(journal)));
    }

    private void jokerOrder(ServerRequest req, ServerResponse res) {
        Play play = PlayRequest.parse(HttpJson.body(req, maxBodyBytes), false);
        HttpJson.send(res, Status.OK_200, FreshnessFields.add(jokerOrderJson(play, List.of()), res, Freshness.current(journal)));
    }

    private void bestPlay(ServerRequest req, ServerResponse res) {
        JsonNode body = HttpJson.body(req, maxBodyBytes);
        Play play = PlayRequest.parse(body, true);
        int top = (int) PlayRequest.integer(body, "top", TOP_DEFAULT, 1);
        if (top > TOP_MAX) {
            throw new InvalidArgumentException("top", "1 to " + TOP_MAX, "top: " + top + " is over " + TOP_MAX);
        }
        HttpJson.send(res, Status.OK_200, FreshnessFields.add(bestPlayJson(play, top, List.of()), res,
                Freshness.current(journal)));
    }

    private void liveJokerOrder(ServerRequest req, ServerResponse res) {
        Freshness f = Freshness.current(journal); // before the read: the answer reflects at least this much
        LivePlays.Live live = LivePlays.latest(journal, req.path().pathParameters().get("game_id"));
        LivePlays.Chosen chosen = LivePlays.bestCards(live, Cancellation.after(BUDGET));
        ObjectNode out = jokerOrderJson(chosen.play(), live.ignored());
        out.put("game_id", live.gameId());
        out.put("offset", live.offset());
        ArrayNode cards = out.putArray("for_cards");
        for (int i : chosen.cards()) {
            cards.add(i);
        }
        HttpJson.send(res, Status.OK_200, FreshnessFields.add(out, res, f));
    }

    private void liveBestPlay(ServerRequest req, ServerResponse res) {
        Freshness f = Freshness.current(journal); // before the read: the answer reflects at least this much
        LivePlays.Live live = LivePlays.latest(journal, req.path().pathParameters().get("game_id"));
        int top = topParameter(req.query().first("top").orElse(""));
        ObjectNode out = bestPlayJson(live.play(), top, live.ignored());
        out.put("game_id", live.gameId());
        out.put("offset", live.offset());
        HttpJson.send(res, Status.OK_200, FreshnessFields.add(out, res, f));
    }

    private static int topParameter(String raw) {
        if (raw.isBlank()) {
            return TOP_DEFAULT;
        }
        try {
            int top = Integer.parseInt(raw.trim());
            if (top >= 1 && top <= TOP_MAX) {
                return top;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new InvalidArgumentException("top", "1 to " + TOP_MAX, "top: '" + raw + "' is not a whole number from 1 to " + TOP_MAX);
    }

    private static ObjectNode jokerOrderJson(Play play, List<String> ignored) {
        JokerOrdering.Result r = JokerOrdering.optimize(new ScoreEngine(play), Cancellation.after(BUDGET));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode best = out.putObject("best");
        best.set("jokers", names(play.jokers(), r.best()));
        ArrayNode order = best.putArray("order");
        for (int i : r.best()) {
            order.add(i);
        }
        best.put("score", LivePlays.floor(r.bestScore()));
        ObjectNode current = out.putObject("current");
        current.set("jokers", names(play.jokers(), ScoreEngine.identity(play.jokers().size())));
        current.put("score", LivePlays.floor(r.currentScore()));
        out.put("gain", LivePlays.floor(r.bestScore()).subtract(LivePlays.floor(r.currentScore())));
        out.put("orders_scored", r.ordersScored());
        out.put("pairs_ruled", r.pairsRuled());
        addIgnored(out, ignored);
        return out;
    }

    private static ObjectNode bestPlayJson(Play play, int top, List<String> ignored) {
        List<BestPlay.Candidate> plays = BestPlay.best(play, top, Cancellation.after(BUDGET));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode list = out.putArray("plays");
        for (BestPlay.Candidate c : plays) {
            ObjectNode o = list.addObject();
            ArrayNode cards = o.putArray("cards");
            for (int i : c.cards()) {
                cards.add(i);
            }
            o.put("hand", c.hand().displayName());
            o.set("jokers", names(play.jokers(), c.jokers()));
            ArrayNode order = o.putArray("joker_order");
            for (int i : c.jokers()) {
                order.add(i);
            }
            o.put("score", LivePlays.floor(c.score()));
        }
        addIgnored(out, ignored);
        return out;
    }

    private static void addIgnored(ObjectNode out, List<String> ignored) {
        if (!ignored.isEmpty()) {
            ArrayNode a = out.putArray("ignored");
            ignored.forEach(a::add);
        }
    }

    private static ArrayNode names(List<Joker> jokers, int[] order) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (int i : order) {
            a.add(jokers.get(i).kind().spec().name());
        }
        return a;
    }
}
