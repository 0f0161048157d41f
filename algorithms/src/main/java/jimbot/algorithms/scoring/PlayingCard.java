package jimbot.algorithms.scoring;

import java.util.Objects;
import jimbot.algorithms.catalog.Edition;
import jimbot.algorithms.catalog.Enhancement;
import jimbot.algorithms.catalog.Rank;
import jimbot.algorithms.catalog.Seal;
import jimbot.algorithms.catalog.Suit;

/**
 * A playing card as scored.
 *
 * @param permaChips chips Hiker has added to it so far
 * @param debuffed debuffed by something the engine cannot see (The Pillar, Verdant Leaf); suit and face bosses
 *     are applied by the engine itself
 */
public record PlayingCard(Rank rank, Suit suit, Enhancement enhancement, Edition edition, Seal seal, int permaChips,
                          boolean debuffed) {
    public PlayingCard {
        Objects.requireNonNull(rank, "rank");
        Objects.requireNonNull(suit, "suit");
        Objects.requireNonNull(enhancement, "enhancement");
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(seal, "seal");
    }

    /** A plain card. */
    public static PlayingCard of(Rank rank, Suit suit) {
        return new PlayingCard(rank, suit, Enhancement.NONE, Edition.NONE, Seal.NONE, 0, false);
    }

    public PlayingCard with(Enhancement e) {
        return new PlayingCard(rank, suit, e, edition, seal, permaChips, debuffed);
    }

    public PlayingCard with(Edition e) {
        return new PlayingCard(rank, suit, enhancement, e, seal, permaChips, debuffed);
    }

    public PlayingCard with(Seal s) {
        return new PlayingCard(rank, suit, enhancement, edition, s, permaChips, debuffed);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder().append(rank).append(" of ").append(suit);
        if (enhancement != Enhancement.NONE) {
            b.append(' ').append(enhancement);
        }
        if (edition != Edition.NONE) {
            b.append(' ').append(edition);
        }
        if (seal != Seal.NONE) {
            b.append(' ').append(seal).append(" seal");
        }
        return b.toString();
    }
}
