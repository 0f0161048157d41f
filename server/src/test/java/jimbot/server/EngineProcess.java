package jimbot.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The engine as a separate operating-system process, started the way {@code ./jimbot serve} starts it. */
final class EngineProcess implements AutoCloseable {

    private static final Pattern HTTP = Pattern.compile("HTTP\\s+http://127\\.0\\.0\\.1:(\\d+)");
    private final Process process;
    private final int httpPort;
    private final ChildOutput<Integer> output;

    private EngineProcess(Path workingDir, List<String> extraArgs) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Jimbot.class.getName(),
                "serve", "--http-port", "0", "--grpc-port", "0", "--bolt-port", "0"));
        cmd.addAll(extraArgs);
        process = new ProcessBuilder(cmd).directory(workingDir.toFile()).redirectErrorStream(true).start();
        output = new ChildOutput<>(process, line -> {
            Matcher m = HTTP.matcher(line);
            return m.find() ? Integer.parseInt(m.group(1)) : null;
        });
        CompletableFuture<Integer> port = output.ready();
        try {
            httpPort = port.get(180, TimeUnit.SECONDS); // generous: a loaded 2-core machine has taken 60 s to start Neo4j
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("engine did not start:\n" + output(), e);
        }
    }

    static EngineProcess start(Path dataDir) throws IOException, InterruptedException {
        return new EngineProcess(dataDir, List.of("--data-dir", dataDir.toString()));
    }

    /** Started in {@code workingDir} with the default data directory ({@code ./data}), as a newcomer starts it. */
    static EngineProcess startWithDefaultDataDir(Path workingDir) throws IOException, InterruptedException {
        return new EngineProcess(workingDir, List.of());
    }

    int httpPort() {
        return httpPort;
    }

    String output() {
        return output.text();
    }

    /** SIGKILL: no shutdown hook, no flush, nothing graceful. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as an operator's Ctrl-C or a container stop would send; returns the exit code. */
    int stop() throws InterruptedException {
        return stop(java.time.Duration.ofSeconds(60));
    }

    /** SIGTERM; the exit code, or -1 (after a SIGKILL) when the engine did not exit within {@code within}. */
    int stop(java.time.Duration within) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
