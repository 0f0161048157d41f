/**
 * Joker synergy: pair statistics over finished runs and scored hands, kept incrementally as the projection changes and
 * always equal to a recompute from the projection; lift and uplift against independence with shrinkage and Wilson or
 * normal intervals.
 */
package jimbot.algorithms.synergy;
