package jimbot.algorithms.scoring;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import jimbot.algorithms.catalog.Blind;
import jimbot.algorithms.catalog.Deck;
import jimbot.algorithms.catalog.PokerHand;
import jimbot.algorithms.catalog.Voucher;

/**
 * Everything that decides the score of one played hand.
 *
 * @param played the played cards in play order (1 to 5)
 * @param held the cards left in hand, in hand order
 * @param jokers the jokers left to right
 * @param levels poker hand levels; a hand not listed is level 1
 * @param blind the blind being played, if known
 * @param deck the run's deck, if known (only Plasma changes the formula)
 * @param money $ before this hand
 * @param handsLeft hands left including this one (1 = the round's final hand; default 4)
 * @param discardsLeft discards left (default 3)
 * @param jokerSlots joker slots before Negative editions add theirs (default 5)
 * @param vouchers redeemed vouchers (only Observatory changes a score)
 * @param consumables consumable names held (Planet cards matter with Observatory)
 * @param handCounts times each hand type was played this run before this hand (Supernova, Obelisk, The Ox)
 * @param playedThisRound hand types already played this round (Card Sharp, The Eye, The Mouth)
 * @param luck how random effects count
 */
public record Play(List<PlayingCard> played, List<PlayingCard> held, List<Joker> jokers, Map<PokerHand, Integer> levels,
                   Optional<Blind> blind, Optional<Deck> deck, double money, int handsLeft, int discardsLeft,
                   int jokerSlots, Set<Voucher> vouchers, List<String> consumables, Map<PokerHand, Integer> handCounts,
                   Set<PokerHand> playedThisRound, Luck luck) {

    public static final int HANDS_LEFT_DEFAULT = 4;
    public static final int DISCARDS_LEFT_DEFAULT = 3;
    public static final int JOKER_SLOTS_DEFAULT = 5;
    public static final int MAX_PLAYED = 5;

    public Play {
        played = List.copyOf(played);
        held = List.copyOf(held);
        jokers = List.copyOf(jokers);
        levels = Map.copyOf(levels);
        Objects.requireNonNull(blind, "blind");
        Objects.requireNonNull(deck, "deck");
        vouchers = Set.copyOf(vouchers);
        consumables = List.copyOf(consumables);
        handCounts = Map.copyOf(handCounts);
        playedThisRound = Set.copyOf(playedThisRound);
        Objects.requireNonNull(luck, "luck");
        if (played.size() > MAX_PLAYED) {
            throw new IllegalArgumentException("played has " + played.size() + " cards; at most " + MAX_PLAYED + " can be played");
        }
        for (Map.Entry<PokerHand, Integer> e : levels.entrySet()) {
            if (e.getValue() < 1) {
                throw new IllegalArgumentException("hand_levels." + e.getKey().displayName() + " is " + e.getValue()
                        + "; levels start at 1");
            }
        }
        if (jokerSlots < 0) {
            throw new IllegalArgumentException("joker_slots is " + jokerSlots + "; expected 0 or more");
        }
    }

    /** A play with the game's defaults for everything but the cards and jokers. */
    public static Play of(List<PlayingCard> played, List<PlayingCard> held, List<Joker> jokers) {
        return new Play(played, held, jokers, Map.of(), Optional.empty(), Optional.empty(), 0, HANDS_LEFT_DEFAULT,
                DISCARDS_LEFT_DEFAULT, JOKER_SLOTS_DEFAULT, Set.of(), List.of(), Map.of(), Set.of(), Luck.AVERAGE);
    }

    public int level(PokerHand hand) {
        return levels.getOrDefault(hand, 1);
    }

    public Play withJokers(List<Joker> newJokers) {
        return new Play(played, held, newJokers, levels, blind, deck, money, handsLeft, discardsLeft, jokerSlots, vouchers,
                consumables, handCounts, playedThisRound, luck);
    }

    public Play withCards(List<PlayingCard> newPlayed, List<PlayingCard> newHeld) {
        return new Play(newPlayed, newHeld, jokers, levels, blind, deck, money, handsLeft, discardsLeft, jokerSlots,
                vouchers, consumables, handCounts, playedThisRound, luck);
    }

    public Play withLuck(Luck newLuck) {
        return new Play(played, held, jokers, levels, blind, deck, money, handsLeft, discardsLeft, jokerSlots, vouchers,
                consumables, handCounts, playedThisRound, newLuck);
    }

    public Play withBlind(Optional<Blind> newBlind) {
        return new Play(played, held, jokers, levels, newBlind, deck, money, handsLeft, discardsLeft, jokerSlots, vouchers,
                consumables, handCounts, playedThisRound, luck);
    }

    public Play withDeck(Optional<Deck> newDeck) {
        return new Play(played, held, jokers, levels, blind, newDeck, money, handsLeft, discardsLeft, jokerSlots, vouchers,
                consumables, handCounts, playedThisRound, luck);
    }

    public Play withLevels(Map<PokerHand, Integer> newLevels) {
        return new Play(played, held, jokers, newLevels, blind, deck, money, handsLeft, discardsLeft, jokerSlots, vouchers,
                consumables, handCounts, playedThisRound, luck);
    }

    public Play withState(double newMoney, int newHandsLeft, int newDiscardsLeft, int newJokerSlots) {
        return new Play(played, held, jokers, levels, blind, deck, newMoney, newHandsLeft, newDiscardsLeft, newJokerSlots,
                vouchers, consumables, handCounts, playedThisRound, luck);
    }

    public Play withConsumables(Set<Voucher> newVouchers, List<String> newConsumables) {
        return new Play(played, held, jokers, levels, blind, deck, money, handsLeft, discardsLeft, jokerSlots, newVouchers,
                newConsumables, handCounts, playedThisRound, luck);
    }

    public Play withHistory(Map<PokerHand, Integer> newHandCounts, Set<PokerHand> newPlayedThisRound) {
        return new Play(played, held, jokers, levels, blind, deck, money, handsLeft, discardsLeft, jokerSlots, vouchers,
                consumables, newHandCounts, newPlayedThisRound, luck);
    }
}
