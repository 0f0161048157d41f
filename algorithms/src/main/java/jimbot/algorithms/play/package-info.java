/** Best play: which cards to play from a hand, in which order, with which joker order. */
package jimbot.algorithms.play;
