/** Joker ordering: the best left-to-right order of the current jokers for a play, exactly. */
package jimbot.algorithms.ordering;
