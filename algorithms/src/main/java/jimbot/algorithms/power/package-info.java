/** Joker power (weighted PageRank over the synergy graph) and archetypes (weighted label propagation). */
package jimbot.algorithms.power;
