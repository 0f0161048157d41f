package jimbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jimbot.graph.SharedGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A start that cannot succeed says why in one line, with the fix, and exits 1. */
class StartupErrorsIT {

    @TempDir
    Path dir;

    /** Runs {@code jimbot serve args} in this JVM; returns its exit code and what it wrote to stderr. */
    private static Result serve(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream capture = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            String[] all = new String[args.length + 1];
            all[0] = "serve";
            System.arraycopy(args, 0, all, 1, args.length);
            code = new CommandLine(new Jimbot()).execute(all);
        } finally {
            System.setErr(old);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        String mine = text.lines().filter(l -> l.startsWith("jimbot serve:")).reduce("", (a, b) -> a + b + "\n");
        return new Result(code, mine);
    }

    record Result(int code, String line) {
    }

    private static String graphUri() {
        SharedGraph.fresh();
        return SharedGraph.boltUri().toString();
    }

    @Test
    void aPortInUseNamesTheOptionToChange() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Result r = serve("--http-port", Integer.toString(taken.getLocalPort()), "--grpc-port", "0",
                    "--graph-uri", graphUri(), "--data-dir", dir.resolve("d").toString());
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.line()).hasLineCount(1).contains("port " + taken.getLocalPort()).contains("in use")
                    .contains("--http-port 0");
        }
    }

    @Test
    void anUnreachableGraphDatabaseNamesTheUri() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        Result r = serve("--http-port", "0", "--grpc-port", "0", "--graph-uri", "bolt://127.0.0.1:" + free,
                "--data-dir", dir.resolve("d").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.line()).hasLineCount(1).contains("cannot reach the graph database at bolt://127.0.0.1:" + free)
                .contains("--graph-uri");
    }

    @Test
    void aDataDirectoryThatIsAFileSaysSo() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        Result r = serve("--http-port", "0", "--grpc-port", "0", "--bolt-port", "0", "--data-dir", file.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.line()).hasLineCount(1).contains("--data-dir").contains(file.toString());
    }
}
