package jimbot.graph.store;

import java.util.Locale;

/** Which database answers on Bolt: it picks the schema DDL and how procedures are discovered. */
public enum Dialect {
    NEO4J, MEMGRAPH;

    /** From the server agent the database reports at connect time ("Neo4j/5.26.30", "Memgraph/3.5.2"). */
    public static Dialect fromAgent(String agent) {
        return agent.toLowerCase(Locale.ROOT).startsWith("memgraph") ? MEMGRAPH : NEO4J;
    }

    /** The folder of schema files under jimbot/cypher/schema/. */
    public String schemaFile() {
        return "schema/" + name().toLowerCase(Locale.ROOT) + ".cypher";
    }
}
