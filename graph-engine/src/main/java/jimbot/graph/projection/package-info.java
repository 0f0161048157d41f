/** The in-memory projection algorithms read (jokers, runs, co-occurrence, in JGraphT) and the change feed that keeps it live. */
package jimbot.graph.projection;
