package jimbot.algorithms.scoring;

/**
 * One step of the score log: what changed, by how much, from what source, and the running totals after it.
 *
 * @param phase base, card, held, joker, consumable, deck
 * @param source the card or joker that acted ("Greedy Joker", "King of Hearts")
 * @param op +chips, +mult, xmult, $, or set (Flint, Plasma)
 * @param amount the amount added or the factor
 */
public record Step(String phase, String source, String op, double amount, double chips, double mult) {
}
