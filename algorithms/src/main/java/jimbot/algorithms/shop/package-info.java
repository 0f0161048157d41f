/** Shop advice: which offered joker adds most to the jokers owned, by synergy and by score. */
package jimbot.algorithms.shop;
