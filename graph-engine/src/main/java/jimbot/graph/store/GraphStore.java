package jimbot.graph.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The small interface the engine needs from a graph database: write statements in managed transactions (retried on
 * transient errors such as Memgraph's write conflicts), read-only queries with a timeout and a row cap, and which
 * dialect it speaks. {@link BoltGraphStore} implements it for any Bolt server.
 */
public interface GraphStore extends AutoCloseable {

    Dialect dialect();

    /** The server agent string the database reported. */
    String agent();

    /**
     * Runs one schema statement in its own auto-commit transaction (Memgraph allows index and constraint changes
     * only there); an "already exists" answer counts as done.
     */
    void schema(String statement);

    /**
     * Runs write statements in one transaction, in order, retrying the whole transaction on transient errors; throws
     * {@link jimbot.errors.UnavailableException} when the database stays unreachable, overloaded or too slow.
     */
    void write(List<Statement> statements);

    /**
     * Runs a read-only query (the database refuses writes) and returns at most {@code maxRows} rows, each a map of
     * column to plain Java value (String, Long, Double, Boolean, List, Map, null for absent).
     */
    Rows read(String query, Map<String, Object> params, Duration timeout, int maxRows);

    @Override
    void close();

    /** One parameterised statement. */
    record Statement(String cypher, Map<String, Object> params) {
        public Statement {
            // values may be null (Cypher removes a property set to null): no Map.copyOf
            params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        }
    }

    /** Query results: columns in order, rows, and whether more rows were cut off by the cap. */
    record Rows(List<String> columns, List<Map<String, Object>> rows, boolean truncated) {
        public Rows {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }
}
