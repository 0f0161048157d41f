package jimbot.graph.projector;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jimbot.v1.Card;
import jimbot.v1.CommandRecord;
import jimbot.v1.Dialect;
import jimbot.v1.Event;
import jimbot.v1.GameState;
import jimbot.v1.JokerCard;

/**
 * Derives the graph from the event stream, run by run, for both dialects: pure (events in, {@link GraphChange}s out)
 * and deterministic, so replaying the journal from offset 0 derives the same graph.
 *
 * <ul>
 *   <li>Runs: the game id the intake assigned; started at their first event; won when the game moves on to ante 9
 *       or a round completes at ante 8's boss; ended at GAME_OVER (or a standalone {@code game_over} status), with
 *       the ante reached and the score of the last round.</li>
 *   <li>Rounds and antes: from GAME_STATE's {@code round} and {@code ante} (JimBot); for the standalone mod, which
 *       sends no round number, each new blind entered starts a round. A round completes on ROUND_COMPLETE
 *       (or {@code round_completed}), with its score and money.</li>
 *   <li>Blinds: the blind shown while cards are in play.</li>
 *   <li>Hands: SCORING/HAND_EVAL_COMPLETE (or {@code hand_played_completed}), scored {@code total_delta}, with the
 *       jokers held; the cards played are the ones gone from the hand in the next state (no discard between), and
 *       the {@link HandNamer} names the hand when the event does not.</li>
 *   <li>Jokers held: each copy of a joker is an instance held from the round it appeared until the round it left;
 *       it was bought when money went down as it appeared, sold when money went up as it left.</li>
 *   <li>Decisions: each command queued for the run, when it was delivered, and the hand played after it.</li>
 * </ul>
 */
public final class EventProjection {

    private static final Set<String> OUT_OF_PLAY = Set.of("BLIND_SELECT", "BLIND_SELECTION", "SHOP", "ROUND_EVAL",
            "ROUND_EVALUATION", "GAME_OVER", "MENU", "SPLASH", "");

    private final JokerNames names;
    private final HandNamer handNamer;
    private final Map<String, RunState> runs = new HashMap<>();
    /** Each client's latest run: a new run, or a menu after a win, ends the one before. */
    private final Map<String, String> clientRuns = new HashMap<>();
    /**
     * While a batch is open ({@link #begin()}): the state each touched run had before it (null: the run was not
     * followed), and each touched client's run before it, so {@link #rollback()} can undo a batch whose write failed.
     * Copy on first touch: a batch costs a copy of the runs it touches, not of every open run.
     */
    private Map<String, RunState> runsBefore;
    private Map<String, String> clientsBefore;

    public EventProjection(JokerNames names, HandNamer handNamer) {
        this.names = names;
        this.handNamer = handNamer;
    }

    /** The runs this projection is following, by id (for tests and restore). */
    public Set<String> runIds() {
        return Set.copyOf(runs.keySet());
    }

    /** Whether a run has ended (no more events expected). */
    public boolean ended(String runId) {
        RunState s = runs.get(runId);
        return s != null && s.ended >= 0;
    }

    /**
     * Opens a batch: from now until {@link #commit()} or {@link #rollback()} every change to the working state can
     * be undone. The projector opens one per write, so a write that fails and is retried derives, and writes,
     * everything the first try would have.
     */
    public void begin() {
        if (runsBefore != null) {
            throw new IllegalStateException("a batch is already open");
        }
        runsBefore = new HashMap<>();
        clientsBefore = new HashMap<>();
    }

    /** Keeps what the open batch changed (its write committed). */
    public void commit() {
        runsBefore = null;
        clientsBefore = null;
    }

    /** Puts the working state back as it was at {@link #begin()} (its write failed; it will be derived again). */
    public void rollback() {
        if (runsBefore == null) {
            return;
        }
        runsBefore.forEach((id, before) -> {
            if (before == null) {
                runs.remove(id);
            } else {
                runs.put(id, before);
            }
        });
        clientsBefore.forEach((client, before) -> {
            if (before == null) {
                clientRuns.remove(client);
            } else {
                clientRuns.put(client, before);
            }
        });
        commit();
    }

    /** The run's state, remembered as it was before the open batch first touched it. */
    private RunState touch(String id) {
        RunState s = runs.get(id);
        if (runsBefore != null && !runsBefore.containsKey(id)) {
            runsBefore.put(id, s == null ? null : s.copy());
        }
        return s;
    }

    private String clientRun(String client, String run) {
        if (clientsBefore != null && !clientsBefore.containsKey(client)) {
            clientsBefore.put(client, clientRuns.get(client));
        }
        return clientRuns.put(client, run);
    }

    /** Forgets a run's working state once it has ended and been written (its graph stays). */
    public void forget(String runId) {
        runs.remove(runId);
        clientRuns.values().removeIf(runId::equals);
    }

    /** The changes one event makes, in order. */
    public List<GraphChange> apply(Event e) {
        String run = e.getGameId();
        List<GraphChange> out = new ArrayList<>();
        if (run.isEmpty()) {
            // out of a game: a client back at the menu after a win has finished that run
            String last = clientRuns.get(e.getClient());
            RunState previous = last == null ? null : touch(last);
            if (previous != null && previous.won && previous.ended < 0 && e.hasGameState() && !e.getGameState().getInGame()) {
                end(previous, e, out);
            }
            return out;
        }
        if (e.getDialect() != Dialect.DIALECT_ENGINE && !e.getClient().isEmpty()) {
            String last = clientRun(e.getClient(), run);
            RunState previous = last == null || last.equals(run) ? null : touch(last);
            if (previous != null && previous.ended < 0) {
                end(previous, e, out); // the client started another run: this one is over
            }
        }
        RunState s = touch(run);
        if (s == null) {
            s = new RunState(run);
            runs.put(run, s);
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("started", e.getReceivedAtMs());
            props.put("dialect", dialect(e.getDialect()));
            props.put("client", e.getClient());
            if (!e.getReportedGameId().isEmpty() && !e.getReportedGameId().equalsIgnoreCase("unknown")) {
                props.put("seed", e.getReportedGameId());
            }
            out.add(new GraphChange.RunUpsert(run, props, Map.of()));
        }
        if (e.hasRaw()) {
            setup(s, e.getRaw(), out);
        }
        switch (e.getDialect()) {
            case DIALECT_JIMBOT -> jimbot(s, e, out);
            case DIALECT_STANDALONE -> standalone(s, e, out);
            case DIALECT_ENGINE -> engine(s, e, out);
            case DIALECT_UNSPECIFIED, UNRECOGNIZED -> {
                // nothing known to derive
            }
        }
        return out;
    }

    private void jimbot(RunState s, Event e, List<GraphChange> out) {
        switch (e.getType()) {
            case "GAME_STATE" -> {
                if (e.hasGameState() && e.getGameState().getInGame()) {
                    GameState gs = e.getGameState();
                    reach(s, gs.getAnte(), gs.getRound(), e, out);
                    state(s, gs, e, out);
                }
            }
            case "SCORING" -> {
                if (e.getSubtype().equals("HAND_EVAL_COMPLETE") && e.hasScoring()) {
                    var sc = e.getScoring();
                    double score = sc.getTotalDelta() != 0 ? sc.getTotalDelta() : sc.getFinalScore() - sc.getStartingScore();
                    Map<String, Object> props = new LinkedHashMap<>();
                    props.put("number", (long) sc.getHandNumber());
                    props.put("round_score", sc.getFinalScore());
                    if (!sc.getHandType().isEmpty()) {
                        props.put("type", sc.getHandType());
                    }
                    hand(s, e, score, props, out);
                    s.finalScore = sc.getFinalScore();
                }
            }
            case "SCORE_CHANGED" -> {
                if (e.hasScoreChanged()) {
                    s.lastChips = e.getScoreChanged().getNewChips();
                    s.lastMult = e.getScoreChanged().getNewMult();
                }
            }
            case "ROUND_COMPLETE" -> {
                if (e.hasRoundComplete()) {
                    var rc = e.getRoundComplete();
                    roundComplete(s, rc.getAnte(), rc.getRound(), rc.getScore(), rc.getMoney(), e, out);
                }
            }
            case "MONEY_CHANGED" -> {
                if (e.hasMoneyChanged()) {
                    s.money = e.getMoneyChanged().getNewValue();
                }
            }
            case "CARDS_DISCARDED" -> s.discardedSinceHand = true;
            case "JOKERS_CHANGED" -> {
                if (e.hasJokersChanged() && e.getJokersChanged().getJokersCount() > 0) {
                    jokers(s, e.getJokersChanged().getJokersList(), s.money, s.money, e, out);
                }
            }
            default -> {
                // other types change nothing in the graph
            }
        }
    }

    private void standalone(RunState s, Event e, List<GraphChange> out) {
        if (e.getType().equals("GAME_STATE") && e.hasGameState()) {
            GameState gs = e.getGameState();
            boolean inPlay = !OUT_OF_PLAY.contains(gs.getPhase()) && !gs.getPhase().endsWith("PACK")
                    && !gs.getPhase().endsWith("PACK_OPENING") && !gs.getPhase().equals("PACK_OPENING");
            if (inPlay && !s.inRound) {
                s.inRound = true; // each new blind entered starts a round: the mod sends no round number
                s.standaloneRound++;
            } else if (!inPlay && gs.getPhase().equals("BLIND_SELECTION")) {
                s.inRound = false;
            }
            reach(s, gs.getAnte(), s.standaloneRound, e, out);
            state(s, gs, e, out);
            return;
        }
        if (e.getType().equals("GAME_STATE") && e.hasStatusUpdate()) {
            Struct data = field(e.getRaw(), "data").map(Value::getStructValue).orElse(Struct.getDefaultInstance());
            Struct status = field(data, "status_data").filter(Value::hasStructValue).map(Value::getStructValue)
                    .orElse(Struct.getDefaultInstance());
            switch (e.getStatusUpdate().getStatusType().toLowerCase(Locale.ROOT)) {
                case "blind_selected" -> {
                    if (!s.inRound) {
                        s.inRound = true;
                        s.standaloneRound++;
                        reach(s, s.ante, s.standaloneRound, e, out);
                    }
                }
                case "hand_played_completed" -> {
                    Map<String, Object> props = new LinkedHashMap<>();
                    number(status, "hand_number").ifPresent(v -> props.put("number", v.longValue()));
                    word(status, "hand_type").ifPresent(v -> props.put("type", v));
                    hand(s, e, number(status, "score").orElse(0.0), props, out);
                }
                case "cards_discarded_completed" -> s.discardedSinceHand = true;
                case "round_completed" -> {
                    roundComplete(s, s.ante, Math.max(1, s.standaloneRound), number(status, "score").orElse(s.finalScore),
                            s.money, e, out);
                    s.inRound = false;
                }
                case "ante_advanced" -> reach(s, s.ante + 1, s.standaloneRound, e, out);
                case "game_over" -> end(s, e, out);
                default -> {
                    // shop moves and the like show up in the next full state
                }
            }
        }
    }

    private void engine(RunState s, Event e, List<GraphChange> out) {
        if (!e.hasCommand()) {
            return;
        }
        CommandRecord rec = e.getCommand();
        String id = "cmd-" + rec.getCommand().getSequence();
        Map<String, Object> props = new LinkedHashMap<>();
        switch (rec.getStage()) {
            case STAGE_QUEUED -> {
                Struct payload = rec.getCommand().getPayload();
                switch (rec.getCommand().getType()) {
                    case "select_deck" -> setup(s, "deck", firstWord(payload, "deck", "back", "name"), out);
                    case "select_stake" -> setup(s, "stake", firstWord(payload, "stake", "level", "name"), out);
                    default -> {
                        // other commands do not describe the run
                    }
                }
                props.put("type", rec.getCommand().getType());
                props.put("command_id", rec.getCommand().getSequence());
                props.put("payload", json(rec.getCommand().getPayload()));
                props.put("queued_at", rec.getCommand().getQueuedAtMs());
                props.put("offset", e.getOffset());
                out.add(new GraphChange.Decision(s.id, id, Math.max(1, s.round), props, ""));
            }
            case STAGE_DELIVERED -> {
                props.put("delivered_at", rec.getDeliveredAtMs());
                props.put("delivered_as", rec.getDeliveredAs());
                out.add(new GraphChange.Decision(s.id, id, Math.max(1, s.round), props, ""));
                s.awaitingHand.add(id);
            }
            case STAGE_UNSPECIFIED, UNRECOGNIZED -> {
                // nothing to record
            }
        }
    }

    // --- shared derivations ------------------------------------------------------------------------------

    /**
     * Deck and stake, which neither mod sends today: taken from a state that names them (top level or
     * {@code core_state}) or from the AI's {@code select_deck}/{@code select_stake} commands, so a mod that starts
     * sending them, or an agent that chooses them, fills {@code Run.deck} and {@code Run.stake}.
     */
    private static void setup(RunState s, Struct raw, List<GraphChange> out) {
        Struct core = field(raw, "core_state").filter(Value::hasStructValue).map(Value::getStructValue)
                .or(() -> field(raw, "state").filter(Value::hasStructValue).map(Value::getStructValue)
                        .flatMap(st -> field(st, "core_state")).filter(Value::hasStructValue).map(Value::getStructValue))
                .orElse(Struct.getDefaultInstance());
        setup(s, "deck", firstWord(raw, "deck_name", "back", "selected_back").or(() -> firstWord(core, "deck_name", "back")), out);
        setup(s, "stake", firstWord(raw, "stake").or(() -> firstWord(core, "stake")), out);
    }

    private static void setup(RunState s, String key, Optional<String> value, List<GraphChange> out) {
        if (value.isEmpty() || value.get().equals(key.equals("deck") ? s.deck : s.stake)) {
            return;
        }
        if (key.equals("deck")) {
            s.deck = value.get();
        } else {
            s.stake = value.get();
        }
        out.add(GraphChange.RunUpsert.of(s.id, Map.of(key, value.get())));
    }

    /** The first of the fields that holds a name or a number, as text (stake 3 → "3"). */
    private static Optional<String> firstWord(Struct s, String... names) {
        for (String n : names) {
            Optional<String> w = word(s, n).or(() -> field(s, n).filter(Value::hasNumberValue)
                    .map(v -> v.getNumberValue() == Math.rint(v.getNumberValue())
                            ? Long.toString((long) v.getNumberValue()) : Double.toString(v.getNumberValue())));
            if (w.isPresent()) {
                return w;
            }
        }
        return Optional.empty();
    }

    /** Antes and rounds reached; round 0 (before the first blind) is not a round. */
    private void reach(RunState s, int ante, int round, Event e, List<GraphChange> out) {
        if (ante > s.ante) {
            s.ante = ante;
            if (ante > 8 && !s.won) {
                s.won = true;
                out.add(GraphChange.RunUpsert.of(s.id, Map.of("won", true)));
            }
        }
        if (round > s.round && round >= 1) {
            s.round = round;
            s.roundAnte = Math.max(1, s.ante);
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("number", (long) round);
            props.put("ante", (long) Math.max(1, s.ante));
            props.put("started", e.getReceivedAtMs());
            out.add(new GraphChange.RoundUpsert(s.id, Math.max(1, s.ante), round, props));
        }
    }

    /** What a full state shows: the blind in play, the cards played since the last one, jokers, money, the end. */
    private void state(RunState s, GameState gs, Event e, List<GraphChange> out) {
        String phase = gs.getPhase();
        boolean inPlay = !OUT_OF_PLAY.contains(phase) && !phase.endsWith("PACK");
        if (inPlay && gs.hasBlind() && !gs.getBlind().getName().isEmpty() && s.round >= 1 && s.blindRound != s.round) {
            s.blindRound = s.round;
            s.blindBoss = gs.getBlind().getBoss();
            out.add(new GraphChange.BlindFaced(s.id, s.round, gs.getBlind().getName(), gs.getBlind().getBoss()));
        }
        if (s.pendingHand != null) {
            List<Card> played = removed(s.pendingHand.cardsBefore(), gs.getHandList());
            if (!s.discardedSinceHand && !played.isEmpty() && played.size() <= 5) {
                Map<String, Object> props = new LinkedHashMap<>();
                List<String> cards = new ArrayList<>();
                for (Card c : played) {
                    cards.add(c.getRank() + " of " + c.getSuit());
                }
                props.put("cards", cards);
                if (!s.pendingHand.typed()) {
                    handNamer.name(played, s.pendingHand.jokers()).ifPresent(t -> props.put("type", t));
                }
                out.add(new GraphChange.HandPlayed(s.id, s.pendingHand.round(), s.pendingHand.id(), props, List.of()));
            }
            s.pendingHand = null;
        }
        s.handCards = List.copyOf(gs.getHandList());
        s.discardedSinceHand = false;
        double before = s.money;
        s.money = gs.getMoney();
        if (gs.getJokersCount() > 0 || !s.jokers.isEmpty()) {
            jokers(s, gs.getJokersList(), before, gs.getMoney(), e, out);
        }
        s.lastJokerCards = List.copyOf(gs.getJokersList());
        if (phase.equals("GAME_OVER")) {
            end(s, e, out);
        }
    }

    private void hand(RunState s, Event e, double score, Map<String, Object> props, List<GraphChange> out) {
        if (s.round < 1) {
            reach(s, Math.max(1, s.ante), 1, e, out);
        }
        String handId = s.id + ":h" + e.getOffset();
        props.put("score", score);
        props.put("ante", (long) Math.max(1, s.ante));
        props.put("round", (long) s.round);
        props.put("money", s.money);
        props.put("offset", e.getOffset());
        props.put("at", e.getReceivedAtMs());
        if (s.lastMult != 0) {
            props.put("chips", s.lastChips);
            props.put("mult", s.lastMult);
        }
        List<GraphChange.JokerSlot> slots = new ArrayList<>();
        for (HeldJoker j : s.jokers) {
            slots.add(new GraphChange.JokerSlot(j.key, j.name, j.slot));
        }
        out.add(new GraphChange.HandPlayed(s.id, s.round, handId, props, slots));
        for (String decision : s.awaitingHand) {
            out.add(new GraphChange.Decision(s.id, decision, s.round, Map.of(), handId));
        }
        s.awaitingHand.clear();
        s.pendingHand = new PendingHand(handId, s.round, s.handCards, s.lastJokerCards, props.containsKey("type"));
        s.discardedSinceHand = false;
        s.lastChips = 0;
        s.lastMult = 0;
    }

    private void roundComplete(RunState s, int ante, int round, double score, double money, Event e,
                               List<GraphChange> out) {
        int r = Math.max(1, round);
        reach(s, Math.max(ante, s.ante), r, e, out);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("number", (long) r);
        props.put("ante", (long) Math.max(1, ante));
        props.put("completed", true);
        props.put("score", score);
        props.put("money", money);
        props.put("ended", e.getReceivedAtMs());
        out.add(new GraphChange.RoundUpsert(s.id, Math.max(1, ante), r, props));
        s.finalScore = score;
        s.money = money; // cashed out: the shop's purchases are measured from here
        if (ante == 8 && s.blindBoss && s.blindRound == r && !s.won) {
            s.won = true;
            out.add(GraphChange.RunUpsert.of(s.id, Map.of("won", true)));
        }
    }

    private void end(RunState s, Event e, List<GraphChange> out) {
        if (s.ended >= 0) {
            return;
        }
        s.ended = e.getReceivedAtMs();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("ended", s.ended);
        props.put("won", s.won);
        // the ante of the last blind played: after ante 8's boss the game shows ante 9, which no blind was played in
        props.put("final_ante", (long) Math.max(1, s.round >= 1 ? s.roundAnte : s.ante));
        props.put("final_score", s.finalScore);
        props.put("final_round", (long) Math.max(0, s.round));
        out.add(GraphChange.RunUpsert.of(s.id, props));
        for (HeldJoker j : s.jokers) {
            out.add(new GraphChange.Held(s.id, j.key, j.name, j.instance, j.from, Math.max(j.from, s.round), j.slot, j.edition));
        }
        s.jokers.clear();
    }

    /**
     * The jokers shown now against those held: new copies start holding, missing copies stop; money going down as
     * one appears is a purchase, money going up as one leaves is a sale.
     */
    private void jokers(RunState s, List<JokerCard> shown, double moneyBefore, double moneyAfter, Event e,
                        List<GraphChange> out) {
        int round = Math.max(1, s.round);
        Map<String, List<JokerCard>> byKey = new LinkedHashMap<>();
        Map<String, String> display = new HashMap<>();
        for (JokerCard card : shown) {
            JokerNames.Entry entry = names.find(card.getName()).orElse(new JokerNames.Entry(
                    "unknown:" + card.getName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_"), card.getName()));
            byKey.computeIfAbsent(entry.key(), k -> new ArrayList<>()).add(card);
            display.put(entry.key(), entry.name());
        }
        List<HeldJoker> keep = new ArrayList<>();
        List<HeldJoker> gone = new ArrayList<>();
        Map<String, Integer> used = new HashMap<>();
        for (HeldJoker h : s.jokers) {
            List<JokerCard> cards = byKey.getOrDefault(h.key, List.of());
            int k = used.getOrDefault(h.key, 0);
            if (k < cards.size()) {
                used.put(h.key, k + 1);
                JokerCard c = cards.get(k);
                String edition = edition(c);
                if (h.slot != c.getPosition() || !h.edition.equals(edition)) {
                    h.slot = c.getPosition();
                    h.edition = edition;
                    out.add(new GraphChange.Held(s.id, h.key, h.name, h.instance, h.from, -1, h.slot, h.edition));
                }
                keep.add(h);
            } else {
                gone.add(h);
            }
        }
        int acquired = 0;
        for (Map.Entry<String, List<JokerCard>> entry : byKey.entrySet()) {
            List<JokerCard> cards = entry.getValue();
            for (int k = used.getOrDefault(entry.getKey(), 0); k < cards.size(); k++) {
                JokerCard c = cards.get(k);
                int n = s.instances.merge(entry.getKey(), 1, Integer::sum);
                HeldJoker h = new HeldJoker(entry.getKey(), display.get(entry.getKey()), entry.getKey() + "#" + n, round,
                        c.getPosition(), edition(c));
                keep.add(h);
                acquired++;
                out.add(new GraphChange.Held(s.id, h.key, h.name, h.instance, h.from, -1, h.slot, h.edition));
                if (moneyAfter < moneyBefore) {
                    double cost = c.getCost() > 0 ? c.getCost() : (moneyBefore - moneyAfter);
                    out.add(new GraphChange.Bought(s.id, h.key, h.name, e.getOffset(), round, Math.max(1, s.ante), cost));
                }
            }
        }
        for (HeldJoker h : gone) {
            out.add(new GraphChange.Held(s.id, h.key, h.name, h.instance, h.from, round, h.slot, h.edition));
            boolean sold = moneyAfter > moneyBefore && acquired == 0;
            out.add(new GraphChange.Sold(s.id, h.key, h.name, e.getOffset(), round, Math.max(1, s.ante),
                    sold ? moneyAfter - moneyBefore : 0, sold ? "sold" : "lost"));
        }
        keep.sort((a, b) -> Integer.compare(a.slot, b.slot));
        s.jokers.clear();
        s.jokers.addAll(keep);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static String edition(JokerCard c) {
        String e = c.getEdition().toLowerCase(Locale.ROOT);
        return e.isEmpty() || e.equals("none") || e.equals("base") ? "none" : e;
    }

    /** Cards in {@code before} and not in {@code after} (by rank, suit, enhancement, edition and seal). */
    static List<Card> removed(List<Card> before, List<Card> after) {
        List<String> remaining = new ArrayList<>();
        for (Card c : after) {
            remaining.add(cardKey(c));
        }
        List<Card> out = new ArrayList<>();
        for (Card c : before) {
            if (!remaining.remove(cardKey(c))) {
                out.add(c);
            }
        }
        return out;
    }

    private static String cardKey(Card c) {
        return c.getRank() + "|" + c.getSuit() + "|" + c.getEnhancement() + "|" + c.getEdition() + "|" + c.getSeal();
    }

    private static String dialect(Dialect d) {
        return switch (d) {
            case DIALECT_JIMBOT -> "jimbot";
            case DIALECT_STANDALONE -> "standalone";
            case DIALECT_ENGINE -> "engine";
            case DIALECT_UNSPECIFIED, UNRECOGNIZED -> "unknown";
        };
    }

    private static Optional<Value> field(Struct s, String name) {
        return Optional.ofNullable(s.getFieldsMap().get(name));
    }

    private static Optional<Double> number(Struct s, String name) {
        return field(s, name).flatMap(v -> v.hasNumberValue() ? Optional.of(v.getNumberValue())
                : v.hasStringValue() ? parse(v.getStringValue()) : Optional.empty());
    }

    private static Optional<String> word(Struct s, String name) {
        return field(s, name).filter(Value::hasStringValue).map(Value::getStringValue).filter(w -> !w.isBlank());
    }

    private static Optional<Double> parse(String s) {
        try {
            return Optional.of(Double.parseDouble(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String json(Struct payload) {
        try {
            return com.google.protobuf.util.JsonFormat.printer().omittingInsignificantWhitespace().print(payload);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            return "{}";
        }
    }

    /** One copy of a joker the run holds. */
    private static final class HeldJoker {
        final String key;
        final String name;
        final String instance;
        final int from;
        int slot;
        String edition;

        HeldJoker(String key, String name, String instance, int from, int slot, String edition) {
            this.key = key;
            this.name = name;
            this.instance = instance;
            this.from = from;
            this.slot = slot;
            this.edition = edition;
        }

        HeldJoker copy() {
            return new HeldJoker(key, name, instance, from, slot, edition);
        }
    }

    /** A hand whose cards are known once the next state shows what left the hand. */
    private record PendingHand(String id, int round, List<Card> cardsBefore, List<JokerCard> jokers, boolean typed) {
    }

    /** What the projection knows of one run so far. */
    private static final class RunState {
        final String id;
        int ante;
        int round;
        /** The ante the latest round was played in. */
        int roundAnte;
        int standaloneRound;
        boolean inRound;
        double money;
        double finalScore;
        boolean won;
        String deck = "";
        String stake = "";
        long ended = -1;
        int blindRound = -1;
        boolean blindBoss;
        double lastChips;
        double lastMult;
        boolean discardedSinceHand;
        List<Card> handCards = List.of();
        List<JokerCard> lastJokerCards = List.of();
        PendingHand pendingHand;
        final List<HeldJoker> jokers = new ArrayList<>();
        final Map<String, Integer> instances = new HashMap<>();
        final List<String> awaitingHand = new ArrayList<>();

        RunState(String id) {
            this.id = id;
        }

        /** A deep copy: nothing the copy holds changes when this one does. */
        RunState copy() {
            RunState c = new RunState(id);
            c.ante = ante;
            c.round = round;
            c.roundAnte = roundAnte;
            c.standaloneRound = standaloneRound;
            c.inRound = inRound;
            c.money = money;
            c.finalScore = finalScore;
            c.won = won;
            c.deck = deck;
            c.stake = stake;
            c.ended = ended;
            c.blindRound = blindRound;
            c.blindBoss = blindBoss;
            c.lastChips = lastChips;
            c.lastMult = lastMult;
            c.discardedSinceHand = discardedSinceHand;
            c.handCards = handCards; // immutable lists
            c.lastJokerCards = lastJokerCards;
            c.pendingHand = pendingHand; // a record of immutable lists
            for (HeldJoker j : jokers) {
                c.jokers.add(j.copy());
            }
            c.instances.putAll(instances);
            c.awaitingHand.addAll(awaitingHand);
            return c;
        }
    }
}
