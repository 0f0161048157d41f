/** The graph store: the engine reaches any graph database (embedded Neo4j, Memgraph) only through Bolt. */
package jimbot.graph.store;
