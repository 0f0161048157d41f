/** Algorithms that answer strategy questions; they see data, never a database or a transport. */
package jimbot.algorithms;
