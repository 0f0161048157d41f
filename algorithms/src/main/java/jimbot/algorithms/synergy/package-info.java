/**
 * Joker synergy: pair statistics over finished runs, kept incrementally as the projection changes and always equal
 * to a recompute from the projection; lift and uplift against independence with shrinkage and Wilson intervals.
 */
package jimbot.algorithms.synergy;
