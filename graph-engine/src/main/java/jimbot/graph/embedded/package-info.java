/** The embedded default graph database: Neo4j Community in the process, reached over its Bolt connector on loopback. */
package jimbot.graph.embedded;
