/** Pattern mining over finished runs: frequent joker sets (FP-Growth) with their win rates and lift. */
package jimbot.algorithms.patterns;
