/** The live knowledge graph: store over Bolt, embedded database, projector, projection, procedures. */
package jimbot.graph;
