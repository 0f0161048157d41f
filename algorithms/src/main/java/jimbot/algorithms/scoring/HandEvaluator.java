package jimbot.algorithms.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jimbot.algorithms.catalog.Enhancement;
import jimbot.algorithms.catalog.PokerHand;
import jimbot.algorithms.catalog.Rank;
import jimbot.algorithms.catalog.Suit;

/**
 * Finds the poker hand of the played cards, the hands it contains, and which cards score (section 1.1, 1.3 step
 * 0): the cards forming the hand plus every Stone card, or all played cards with Splash. Four Fingers (4-card
 * flushes and straights), Shortcut (straights may skip one rank), Smeared Joker (♥=♦, ♠=♣) and Wild cards change
 * detection only. Debuffed cards still count towards the hand type.
 */
final class HandEvaluator {

    /** What the played cards make. */
    record Match(PokerHand hand, boolean royal, boolean[] contains, boolean[] scoring) {
        boolean contains(PokerHand h) {
            return contains[h.ordinal()];
        }

        String name() {
            return royal ? "Royal Flush" : hand.displayName();
        }
    }

    private HandEvaluator() {
    }

    static Match evaluate(List<PlayingCard> cards, boolean fourFingers, boolean shortcut, boolean smeared, boolean splash) {
        int n = cards.size();
        boolean[] contains = new boolean[PokerHand.values().length];
        boolean[] scoring = new boolean[n];
        if (n == 0) {
            return new Match(PokerHand.HIGH_CARD, false, contains, scoring);
        }
        contains[PokerHand.HIGH_CARD.ordinal()] = true;

        // rank groups among cards that have a rank (Stone cards have none)
        int[] count = new int[15];
        for (PlayingCard c : cards) {
            if (c.enhancement() != Enhancement.STONE) {
                count[c.rank().order()]++;
            }
        }
        int best = 0;
        int groupsOfTwo = 0;
        boolean three = false;
        for (int r = 2; r <= 14; r++) {
            best = Math.max(best, count[r]);
            if (count[r] >= 2) {
                groupsOfTwo++;
            }
            if (count[r] >= 3) {
                three = true;
            }
        }
        boolean fullHouse = false;
        for (int r = 2; r <= 14 && !fullHouse; r++) {
            if (count[r] >= 3) {
                for (int s = 2; s <= 14; s++) {
                    if (s != r && count[s] >= 2) {
                        fullHouse = true;
                        break;
                    }
                }
            }
        }
        int need = fourFingers ? 4 : 5;
        boolean[] flushCards = flush(cards, need, smeared);
        boolean[] straightCards = straight(cards, need, shortcut);
        boolean isFlush = flushCards != null;
        boolean isStraight = straightCards != null;

        if (best >= 2) {
            contains[PokerHand.PAIR.ordinal()] = true;
        }
        if (groupsOfTwo >= 2) {
            contains[PokerHand.TWO_PAIR.ordinal()] = true;
        }
        if (three) {
            contains[PokerHand.THREE_OF_A_KIND.ordinal()] = true;
        }
        if (best >= 4) {
            contains[PokerHand.FOUR_OF_A_KIND.ordinal()] = true;
        }
        if (best >= 5) {
            contains[PokerHand.FIVE_OF_A_KIND.ordinal()] = true;
        }
        if (fullHouse) {
            contains[PokerHand.FULL_HOUSE.ordinal()] = true;
        }
        if (isFlush) {
            contains[PokerHand.FLUSH.ordinal()] = true;
        }
        if (isStraight) {
            contains[PokerHand.STRAIGHT.ordinal()] = true;
        }
        if (isFlush && isStraight) {
            contains[PokerHand.STRAIGHT_FLUSH.ordinal()] = true;
        }
        if (isFlush && fullHouse) {
            contains[PokerHand.FLUSH_HOUSE.ordinal()] = true;
        }
        if (isFlush && best >= 5) {
            contains[PokerHand.FLUSH_FIVE.ordinal()] = true;
        }

        PokerHand hand;
        boolean[] formed;
        if (isFlush && best >= 5) {
            hand = PokerHand.FLUSH_FIVE;
            formed = union(ofRankCount(cards, 5), flushCards);
        } else if (isFlush && fullHouse) {
            hand = PokerHand.FLUSH_HOUSE;
            formed = union(ranked(cards), flushCards);
        } else if (best >= 5) {
            hand = PokerHand.FIVE_OF_A_KIND;
            formed = ofRankCount(cards, 5);
        } else if (isFlush && isStraight) {
            hand = PokerHand.STRAIGHT_FLUSH;
            formed = union(straightCards, flushCards);
        } else if (best >= 4) {
            hand = PokerHand.FOUR_OF_A_KIND;
            formed = ofRankCount(cards, 4);
        } else if (fullHouse) {
            hand = PokerHand.FULL_HOUSE;
            formed = ofRankCount(cards, 2);
        } else if (isFlush) {
            hand = PokerHand.FLUSH;
            formed = flushCards;
        } else if (isStraight) {
            hand = PokerHand.STRAIGHT;
            formed = straightCards;
        } else if (three) {
            hand = PokerHand.THREE_OF_A_KIND;
            formed = ofRankCount(cards, 3);
        } else if (groupsOfTwo >= 2) {
            hand = PokerHand.TWO_PAIR;
            formed = ofRankCount(cards, 2);
        } else if (best >= 2) {
            hand = PokerHand.PAIR;
            formed = ofRankCount(cards, 2);
        } else {
            hand = PokerHand.HIGH_CARD;
            formed = highest(cards);
        }
        for (int i = 0; i < n; i++) {
            scoring[i] = splash || formed[i] || cards.get(i).enhancement() == Enhancement.STONE;
        }
        boolean royal = hand == PokerHand.STRAIGHT_FLUSH && isRoyal(cards, straightCards);
        return new Match(hand, royal, contains, scoring);
    }

    /** Cards whose rank occurs at least {@code min} times. */
    private static boolean[] ofRankCount(List<PlayingCard> cards, int min) {
        int[] count = new int[15];
        for (PlayingCard c : cards) {
            if (c.enhancement() != Enhancement.STONE) {
                count[c.rank().order()]++;
            }
        }
        boolean[] out = new boolean[cards.size()];
        for (int i = 0; i < cards.size(); i++) {
            PlayingCard c = cards.get(i);
            out[i] = c.enhancement() != Enhancement.STONE && count[c.rank().order()] >= min;
        }
        return out;
    }

    private static boolean[] ranked(List<PlayingCard> cards) {
        boolean[] out = new boolean[cards.size()];
        for (int i = 0; i < cards.size(); i++) {
            out[i] = cards.get(i).enhancement() != Enhancement.STONE;
        }
        return out;
    }

    /** The highest card (rank, then suit as the game breaks ties: ♠ > ♥ > ♣ > ♦). */
    private static boolean[] highest(List<PlayingCard> cards) {
        boolean[] out = new boolean[cards.size()];
        int best = -1;
        for (int i = 0; i < cards.size(); i++) {
            PlayingCard c = cards.get(i);
            if (c.enhancement() == Enhancement.STONE) {
                continue;
            }
            if (best < 0 || value(c) > value(cards.get(best))) {
                best = i;
            }
        }
        if (best >= 0) {
            out[best] = true;
        }
        return out;
    }

    private static int value(PlayingCard c) {
        int suit = switch (c.suit()) {
            case DIAMONDS -> 1;
            case CLUBS -> 2;
            case HEARTS -> 3;
            case SPADES -> 4;
        };
        return c.rank().order() * 10 + suit;
    }

    private static boolean[] union(boolean[] a, boolean[] b) {
        boolean[] out = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] || b[i];
        }
        return out;
    }

    /** The cards of a flush of at least {@code need} cards, or null. Wild cards count as every suit. */
    private static boolean[] flush(List<PlayingCard> cards, int need, boolean smeared) {
        boolean[] bestCards = null;
        int bestCount = 0;
        for (Suit s : Suit.values()) {
            boolean[] in = new boolean[cards.size()];
            int k = 0;
            for (int i = 0; i < cards.size(); i++) {
                if (SuitRules.is(cards.get(i), s, smeared)) {
                    in[i] = true;
                    k++;
                }
            }
            if (k >= need && k > bestCount) {
                bestCount = k;
                bestCards = in;
            }
        }
        return bestCards;
    }

    /**
     * The cards of a straight of at least {@code need} ranks, or null. An Ace is high or low, never both; with
     * Shortcut consecutive ranks may be two apart.
     */
    private static boolean[] straight(List<PlayingCard> cards, int need, boolean shortcut) {
        boolean[] present = new boolean[15];
        for (PlayingCard c : cards) {
            if (c.enhancement() != Enhancement.STONE) {
                present[c.rank().order()] = true;
                if (c.rank() == Rank.ACE) {
                    present[1] = true;
                }
            }
        }
        // longest chain of present ranks, 1 (ace low) .. 14 (ace high)
        int maxGap = shortcut ? 2 : 1;
        List<Integer> bestChain = List.of();
        for (int start = 1; start <= 14; start++) {
            if (!present[start]) {
                continue;
            }
            List<Integer> chain = new ArrayList<>();
            chain.add(start);
            int at = start;
            while (true) {
                int next = -1;
                for (int step = 1; step <= maxGap; step++) {
                    if (at + step <= 14 && present[at + step]) {
                        next = at + step;
                        break;
                    }
                }
                if (next < 0) {
                    break;
                }
                chain.add(next);
                at = next;
            }
            if (chain.size() > bestChain.size()) {
                bestChain = chain;
            }
        }
        if (bestChain.size() < need) {
            return null;
        }
        boolean[] in = new boolean[cards.size()];
        boolean aceLow = bestChain.contains(1);
        boolean aceHigh = bestChain.contains(14);
        for (int i = 0; i < cards.size(); i++) {
            PlayingCard c = cards.get(i);
            if (c.enhancement() == Enhancement.STONE) {
                continue;
            }
            int r = c.rank().order();
            in[i] = bestChain.contains(r) || (c.rank() == Rank.ACE && (aceLow || aceHigh));
        }
        return in;
    }

    private static boolean isRoyal(List<PlayingCard> cards, boolean[] straightCards) {
        if (straightCards == null) {
            return false;
        }
        int[] want = {10, 11, 12, 13, 14};
        boolean[] seen = new boolean[15];
        for (int i = 0; i < cards.size(); i++) {
            if (straightCards[i]) {
                seen[cards.get(i).rank().order()] = true;
            }
        }
        return Arrays.stream(want).allMatch(r -> seen[r]);
    }
}
