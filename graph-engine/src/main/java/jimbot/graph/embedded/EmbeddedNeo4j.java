package jimbot.graph.embedded;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Starts and stops Neo4j Community inside the engine's process, with its Bolt connector on {@code host:port}, its
 * files under one directory. The engine talks to it only over Bolt, like any other client. (GPL-3.0: a Memgraph-only
 * build can leave this package out.)
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EmbeddedNeo4j.class.getName());

    private final DatabaseManagementService dbms;
    private final URI boltUri;

    private EmbeddedNeo4j(Path given, String host, int port, long pageCacheBytes) {
        long t0 = System.nanoTime();
        // Neo4j validates its home as an absolute, normalized path and fails to start on "./data/graph".
        Path directory = given.toAbsolutePath().normalize();
        this.dbms = new DatabaseManagementServiceBuilder(directory)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(100))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(100))
                .build();
        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        HostnamePort bound = ((GraphDatabaseAPI) db).getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        String h = host.contains(":") ? "[" + host + "]" : host;
        this.boltUri = URI.create("bolt://" + h + ":" + bound.getPort());
        LOG.log(System.Logger.Level.INFO, "embedded graph database started bolt={0} dir={1} ms={2}", boltUri, directory,
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** Starts the database in {@code directory} with Bolt on {@code host:port} (0: any free port). */
    public static EmbeddedNeo4j start(Path directory, String host, int port) {
        return new EmbeddedNeo4j(directory, host, port, ByteUnit.mebiBytes(64));
    }

    /** Where Bolt clients (the engine, cypher-shell, Memgraph Lab, drivers) connect. */
    public URI boltUri() {
        return boltUri;
    }

    @Override
    public void close() {
        dbms.shutdown();
        LOG.log(System.Logger.Level.INFO, "embedded graph database stopped");
    }
}
