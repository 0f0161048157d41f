/** The graph over HTTP: read-only Cypher for analysts, the named queries, and the procedures. */
package jimbot.api.graph;
