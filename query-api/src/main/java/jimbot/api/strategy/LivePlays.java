package jimbot.api.strategy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jimbot.algorithms.catalog.Blind;
import jimbot.algorithms.play.BestPlay;
import jimbot.algorithms.scoring.Joker;
import jimbot.algorithms.scoring.Luck;
import jimbot.algorithms.scoring.Play;
import jimbot.algorithms.scoring.PlayingCard;
import jimbot.errors.NotFoundException;
import jimbot.graph.procedures.Cancellation;
import jimbot.journal.Journal;
import jimbot.v1.Card;
import jimbot.v1.Event;
import jimbot.v1.GameState;
import jimbot.v1.JokerCard;

/** A game's latest in-game state read from the journal as a play, for the strategy answers that take a game id. */
final class LivePlays {

    private static final int STATES_SCANNED = 2000;

    private LivePlays() {
    }

    /** A game's latest full state as a play: its jokers, the cards in its hand, its money and hands and discards. */
    record Live(String gameId, long offset, Play play, List<String> ignored) {
    }

    /** The cards of the best play out of a live hand (indexes into it) and the play with them played. */
    record Chosen(Play play, int[] cards) {
    }

    static Live latest(Journal journal, String gameId) {
        Event e = latestState(journal, gameId);
        return of(gameId, e);
    }

    /** The game's latest in-game GAME_STATE event. */
    static Event latestState(Journal journal, String gameId) {
        long before = Long.MAX_VALUE;
        for (int scanned = 0; scanned < STATES_SCANNED; ) {
            List<Event> page = journal.readGameBackwards(gameId, before, 256);
            if (page.isEmpty()) {
                break;
            }
            for (Event e : page) {
                if (e.hasGameState() && e.getGameState().getInGame()) {
                    return e;
                }
            }
            scanned += page.size();
            before = page.get(page.size() - 1).getOffset();
        }
        throw new NotFoundException("game '" + gameId + "' has no in-game state in the journal");
    }

    /** The best play of the live hand, as the play whose jokers are to be ordered. */
    static Chosen bestCards(Live live, Cancellation cancellation) {
        List<BestPlay.Candidate> plays = BestPlay.best(live.play(), 1, cancellation);
        if (plays.isEmpty()) {
            throw new NotFoundException("game " + live.gameId() + " has no cards in hand in its latest state");
        }
        BestPlay.Candidate c = plays.get(0);
        List<PlayingCard> hand = live.play().held();
        List<PlayingCard> played = new ArrayList<>();
        boolean[] in = new boolean[hand.size()];
        for (int i : c.cards()) {
            played.add(hand.get(i));
            in[i] = true;
        }
        List<PlayingCard> held = new ArrayList<>();
        for (int i = 0; i < hand.size(); i++) {
            if (!in[i]) {
                held.add(hand.get(i));
            }
        }
        return new Chosen(live.play().withCards(played, held), c.cards());
    }

    static BigInteger floor(double score) {
        return BigDecimal.valueOf(score).setScale(0, RoundingMode.FLOOR).toBigInteger();
    }

    private static Live of(String gameId, Event e) {
        GameState gs = e.getGameState();
        List<String> ignored = new ArrayList<>();
        List<Joker> jokers = new ArrayList<>();
        for (JokerCard j : gs.getJokersList()) {
            GameCards.joker(j).ifPresentOrElse(jokers::add, () -> ignored.add("joker " + j.getName()));
        }
        List<PlayingCard> hand = new ArrayList<>();
        for (Card c : gs.getHandList()) {
            GameCards.card(c).ifPresentOrElse(hand::add, () -> ignored.add("card " + c.getRank() + " of " + c.getSuit()));
        }
        Optional<Blind> blind = gs.hasBlind() ? Blind.parse(gs.getBlind().getName()) : Optional.empty();
        Play play = Play.of(List.of(), hand, jokers)
                .withState(gs.getMoney(), Math.max(1, gs.getHandsRemaining()), Math.max(0, gs.getDiscardsRemaining()),
                        Play.JOKER_SLOTS_DEFAULT)
                .withBlind(blind)
                .withLuck(Luck.AVERAGE);
        return new Live(gameId, e.getOffset(), play, ignored);
    }
}
