package jimbot.graph.projector;

import java.util.ArrayList;
import java.util.List;
import jimbot.v1.Blind;
import jimbot.v1.Card;
import jimbot.v1.Dialect;
import jimbot.v1.Event;
import jimbot.v1.GameState;
import jimbot.v1.JokerCard;
import jimbot.v1.MoneyChanged;
import jimbot.v1.RoundComplete;
import jimbot.v1.Scoring;

/** Builds the events of a JimBot run as the intake stores them (game id assigned, offsets increasing). */
public final class RunEvents {

    private final String run;
    private final List<Event> events = new ArrayList<>();
    private long offset;
    private long clock = 1_000_000;

    public RunEvents(String run, long firstOffset) {
        this.run = run;
        this.offset = firstOffset;
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public long nextOffset() {
        return offset;
    }

    private Event.Builder base(String type, String topic) {
        return Event.newBuilder().setEventId(run + "-" + offset).setType(type).setTopic(topic).setGameId(run)
                .setDialect(Dialect.DIALECT_JIMBOT).setClient("jimbot@test").setSession("jimbot@test")
                .setReportedGameId("unknown").setOffset(offset).setReceivedAtMs(clock);
    }

    private RunEvents add(Event.Builder e) {
        events.add(e.build());
        offset++;
        clock += 250;
        return this;
    }

    public static Card card(String rank, String suit) {
        return Card.newBuilder().setRank(rank).setSuit(suit).setEnhancement("none").setEdition("none").setSeal("none").build();
    }

    public static JokerCard joker(String name, int position) {
        return JokerCard.newBuilder().setName(name).setPosition(position).setEdition("none").build();
    }

    /** A full state. */
    public RunEvents state(int ante, int round, String phase, double money, List<JokerCard> jokers, List<Card> hand,
                           String blind, boolean boss) {
        GameState.Builder gs = GameState.newBuilder().setInGame(true).setAnte(ante).setRound(round).setPhase(phase)
                .setMoney(money).addAllJokers(jokers).addAllHand(hand).setHandsRemaining(4).setDiscardsRemaining(3);
        if (!blind.isEmpty()) {
            gs.setBlind(Blind.newBuilder().setName(blind).setBoss(boss));
        }
        return add(base("GAME_STATE", "game.state.update").setGameState(gs));
    }

    public RunEvents scored(double delta, double roundTotal, int handNumber) {
        return add(base("SCORING", "game.scoring.hand_eval_complete").setSubtype("HAND_EVAL_COMPLETE")
                .setScoring(Scoring.newBuilder().setTotalDelta(delta).setFinalScore(roundTotal).setHandNumber(handNumber)));
    }

    public RunEvents roundComplete(int ante, int round, double score, double money) {
        return add(base("ROUND_COMPLETE", "game.round.complete").setRoundComplete(RoundComplete.newBuilder()
                .setAnte(ante).setRound(round).setScore(score).setMoney(money)));
    }

    public RunEvents money(double from, double to) {
        return add(base("MONEY_CHANGED", "game.money.changed").setMoneyChanged(MoneyChanged.newBuilder()
                .setOldValue(from).setNewValue(to).setDifference(to - from)));
    }

    /** A state out of a game (the menu): the intake gives it no game id. */
    public RunEvents outOfGame(String phase) {
        return add(base("GAME_STATE", "game.state.update").setGameId("")
                .setGameState(GameState.newBuilder().setInGame(false).setPhase(phase)));
    }

    /**
     * A won run: one round per ante (the boss blind), Joker bought at ante 1, ante 8's boss beaten, then the state the
     * game shows after the win (ante 9, the shop) and the menu, which ends the run.
     */
    public static RunEvents wonRun(String run, long firstOffset) {
        List<Card> hand = List.of(card("King", "Spades"), card("King", "Hearts"), card("7", "Clubs"), card("2", "Diamonds"));
        List<Card> after = List.of(card("7", "Clubs"), card("2", "Diamonds"), card("9", "Hearts"), card("3", "Spades"));
        RunEvents r = new RunEvents(run, firstOffset).state(1, 0, "BLIND_SELECT", 4, List.of(), List.of(), "Small Blind", false);
        List<JokerCard> held = List.of();
        for (int ante = 1; ante <= 8; ante++) {
            int round = 3 * ante;
            r.state(ante, round, "SELECTING_HAND", 10, held, hand, "The Wall", true)
                    .scored(1000.0 * ante, 1000.0 * ante, 1)
                    .state(ante, round, "SELECTING_HAND", 10, held, after, "The Wall", true)
                    .roundComplete(ante, round, 1000.0 * ante, 14);
            if (ante == 1) {
                held = List.of(joker("Joker", 0));
                r.state(ante, round, "SHOP", 12, held, List.of(), "", false);
            }
        }
        return r.state(9, 24, "SHOP", 14, held, List.of(), "", false).outOfGame("MENU");
    }

    /**
     * A short run: ante 1 with two rounds (a Pair of Kings scored), Joker then Cavendish bought, Joker sold, game
     * over at ante 2.
     */
    public static RunEvents shortRun(String run, long firstOffset) {
        List<Card> hand = List.of(card("King", "Spades"), card("King", "Hearts"), card("7", "Clubs"), card("2", "Diamonds"));
        List<Card> after = List.of(card("7", "Clubs"), card("2", "Diamonds"), card("9", "Hearts"), card("3", "Spades"));
        return new RunEvents(run, firstOffset)
                .state(1, 0, "BLIND_SELECT", 4, List.of(), List.of(), "Small Blind", false)
                .state(1, 1, "SELECTING_HAND", 4, List.of(), hand, "Small Blind", false)
                .scored(60, 60, 1)
                .state(1, 1, "SELECTING_HAND", 4, List.of(), after, "Small Blind", false)
                .roundComplete(1, 1, 360, 8)
                .state(1, 1, "SHOP", 6, List.of(joker("Joker", 0)), List.of(), "", false)
                .state(1, 2, "SELECTING_HAND", 6, List.of(joker("Joker", 0)), hand, "Big Blind", false)
                .scored(180, 180, 1)
                .roundComplete(1, 2, 900, 10)
                .state(1, 2, "SHOP", 6, List.of(joker("Joker", 0), joker("Cavendish", 1)), List.of(), "", false)
                .state(1, 2, "SHOP", 8, List.of(joker("Cavendish", 0)), List.of(), "", false)
                .state(2, 3, "SELECTING_HAND", 8, List.of(joker("Cavendish", 0)), hand, "The Wall", true)
                .scored(90, 90, 1)
                .state(2, 3, "GAME_OVER", 8, List.of(joker("Cavendish", 0)), List.of(), "The Wall", true);
    }
}
