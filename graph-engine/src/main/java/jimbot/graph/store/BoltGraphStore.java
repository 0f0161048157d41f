package jimbot.graph.store;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import jimbot.errors.UnavailableException;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;

/** A {@link GraphStore} over Bolt with the Neo4j Java driver: the same code for the embedded database and Memgraph. */
public final class BoltGraphStore implements GraphStore {

    private static final System.Logger LOG = System.getLogger(BoltGraphStore.class.getName());

    private final Driver driver;
    private final Dialect dialect;
    private final String agent;
    private final Duration writeTimeout;

    private BoltGraphStore(Driver driver, Duration writeTimeout) {
        this.driver = driver;
        this.writeTimeout = writeTimeout;
        try (Session session = driver.session()) {
            this.agent = session.run("RETURN 1").consume().server().agent();
        }
        this.dialect = Dialect.fromAgent(agent);
    }

    /**
     * Connects to {@code uri} (bolt://host:port) and learns the dialect from the server agent.
     *
     * @param password empty: no authentication
     */
    public static BoltGraphStore connect(URI uri, Optional<String> user, Optional<String> password, Duration writeTimeout) {
        AuthToken auth = password.map(p -> AuthTokens.basic(user.orElse("neo4j"), p)).orElse(AuthTokens.none());
        Driver driver = GraphDatabase.driver(uri, auth, Config.builder()
                .withLogging(Logging.javaUtilLogging(Level.WARNING))
                .withConnectionTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                .withMaxConnectionPoolSize(16)
                .withMaxTransactionRetryTime(30, java.util.concurrent.TimeUnit.SECONDS)
                .withUserAgent("jimbot-engine")
                .build());
        try {
            driver.verifyConnectivity();
        } catch (RuntimeException e) {
            driver.close();
            throw e;
        }
        BoltGraphStore store = new BoltGraphStore(driver, writeTimeout);
        LOG.log(System.Logger.Level.INFO, "graph store connected uri={0} agent={1} dialect={2}", uri, store.agent, store.dialect);
        return store;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public String agent() {
        return agent;
    }

    @Override
    public void schema(String statement) {
        try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.WRITE).build())) {
            session.run(statement).consume();
        } catch (Neo4jException e) {
            String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (!m.contains("already exists") && !m.contains("equivalent")) {
                throw e;
            }
        }
    }

    @Override
    public void write(List<Statement> statements) {
        if (statements.isEmpty()) {
            return;
        }
        try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.WRITE).build())) {
            session.executeWriteWithoutResult(tx -> {
                for (Statement s : statements) {
                    tx.run(s.cypher(), s.params()).consume();
                }
            }, TransactionConfig.builder().withTimeout(writeTimeout).build());
        } catch (ServiceUnavailableException | SessionExpiredException | TransientException e) {
            // still failing after the driver's own retries: the database is down or overloaded, not the statements
            throw new UnavailableException("graph database unavailable: " + e.getMessage(), e);
        } catch (ClientException e) {
            if (String.valueOf(e.code()).startsWith("Neo.ClientError.Transaction.TransactionTimedOut")) {
                throw new UnavailableException("graph write timed out after " + writeTimeout + ": " + e.getMessage(), e);
            }
            throw e;
        }
    }

    @Override
    public Rows read(String query, Map<String, Object> params, Duration timeout, int maxRows) {
        try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build());
             Transaction tx = session.beginTransaction(TransactionConfig.builder().withTimeout(timeout).build())) {
            Result result = tx.run(query, params);
            List<String> columns = result.keys();
            List<Map<String, Object>> rows = new ArrayList<>();
            boolean truncated = false;
            while (result.hasNext()) {
                if (rows.size() == maxRows) {
                    truncated = true;
                    break;
                }
                rows.add(row(result.next()));
            }
            ResultSummary summary = truncated ? null : result.consume();
            if (summary != null && summary.queryType() != QueryType.READ_ONLY && summary.queryType() != null) {
                tx.rollback();
                throw new ReadOnlyViolation("the query writes (" + summary.queryType() + "); analyst queries are read-only");
            }
            tx.rollback(); // nothing to keep: a read never commits
            return new Rows(columns, rows, truncated);
        }
    }

    /** Whether a query would only read, from the planner's verdict on EXPLAIN (run nothing). */
    public QueryType queryType(String query, Map<String, Object> params) {
        try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            return session.run("EXPLAIN " + query, params).consume().queryType();
        }
    }

    private static Map<String, Object> row(Record record) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : record.keys()) {
            out.put(key, plain(record.get(key)));
        }
        return out;
    }

    /** Driver values as plain Java: nodes and relationships become maps of their properties plus identity. */
    static Object plain(Value v) {
        if (v == null || v.isNull()) {
            return null;
        }
        String type = v.type().name();
        if (type.startsWith("LIST")) {
            return v.asList(BoltGraphStore::plain);
        }
        return switch (type) {
            case "NODE" -> {
                Map<String, Object> m = new LinkedHashMap<>();
                List<String> labels = new ArrayList<>();
                v.asNode().labels().forEach(labels::add);
                m.put("_labels", labels);
                v.asNode().asMap(BoltGraphStore::plain).forEach(m::put);
                yield m;
            }
            case "RELATIONSHIP" -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("_type", v.asRelationship().type());
                v.asRelationship().asMap(BoltGraphStore::plain).forEach(m::put);
                yield m;
            }
            case "PATH" -> {
                List<Object> nodes = new ArrayList<>();
                v.asPath().nodes().forEach(n -> nodes.add(n.asMap(BoltGraphStore::plain)));
                yield nodes;
            }
            case "MAP" -> v.asMap(BoltGraphStore::plain);
            case "INTEGER" -> v.asLong();
            case "FLOAT" -> v.asDouble();
            case "BOOLEAN" -> v.asBoolean();
            case "STRING" -> v.asString();
            default -> v.asObject() == null ? null : v.asObject().toString();
        };
    }

    @Override
    public void close() {
        driver.close();
    }

    /** A query that would write was sent down the read-only path. */
    public static final class ReadOnlyViolation extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReadOnlyViolation(String message) {
            super(message);
        }
    }

    /** Whether an exception from the database means the query was wrong (vs. the database failing). */
    public static boolean isClientError(RuntimeException e) {
        return e instanceof Neo4jException n && n.code() != null && n.code().startsWith("Neo.ClientError");
    }
}
