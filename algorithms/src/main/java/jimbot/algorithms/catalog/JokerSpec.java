package jimbot.algorithms.catalog;

import java.util.Objects;
import java.util.Set;

/**
 * One row of {@code jokers.tsv}: a vanilla joker as the catalog knows it.
 *
 * @param order its number in the collection (1..150)
 * @param key the game's save id without {@code j_} ("greedy_joker")
 * @param name the name the game shows ("Greedy Joker")
 * @param rarity common .. legendary
 * @param cost base shop cost in $
 * @param type the wiki's type: +c, +m, Xm, ++, !!, ..., +$
 * @param timing when it acts (section 2 legend: SCORED, HELD, INDEP, RETRIG-P, …)
 * @param flags grow, decay, state, hand, suit, rank/face, prob, JPOS, CPOS
 * @param blueprintCompatible whether Blueprint and Brainstorm can copy it
 * @param effect the effect in a few words
 */
public record JokerSpec(int order, String key, String name, Rarity rarity, int cost, String type, String timing,
                        Set<String> flags, boolean blueprintCompatible, String effect) {
    public JokerSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rarity, "rarity");
        flags = Set.copyOf(flags);
    }
}
