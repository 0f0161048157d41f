package jimbot.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jimbot.graph.embedded.EmbeddedNeo4j;

/**
 * A graph database in a process of its own (the embedded Neo4j with its Bolt port), standing in for the Memgraph an
 * engine reaches with {@code --graph-uri}, so a test can kill it and start it again on the same files and port.
 */
final class GraphDatabaseProcess implements AutoCloseable {

    private final Process process;
    private final URI boltUri;

    private GraphDatabaseProcess(Path dir, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx384m",
                "-cp", System.getProperty("java.class.path"), GraphDatabaseProcess.class.getName(), dir.toString(),
                Integer.toString(port)));
        process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        CompletableFuture<URI> bolt = new ChildOutput<>(process,
                line -> line.startsWith("BOLT ") ? URI.create(line.substring(5).trim()) : null).ready();
        try {
            boltUri = bolt.get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("graph database did not start", e);
        }
    }

    /** Starts the database on {@code dir} with Bolt on {@code 127.0.0.1:port}. */
    static GraphDatabaseProcess start(Path dir, int port) throws IOException {
        return new GraphDatabaseProcess(dir, port);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    URI boltUri() {
        return boltUri;
    }

    /** SIGKILL, as a crashed database host. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** The child's main: runs the database until killed. */
    public static void main(String[] args) throws InterruptedException {
        EmbeddedNeo4j db = EmbeddedNeo4j.start(Path.of(args[0]), "127.0.0.1", Integer.parseInt(args[1]));
        System.out.println("BOLT " + db.boltUri());
        System.out.flush();
        Thread.currentThread().join();
    }
}
