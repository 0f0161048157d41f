/** The exact Balatro score engine: one played hand, evaluated in the game's order (balatro-scoring.md section 1.3). */
package jimbot.algorithms.scoring;
