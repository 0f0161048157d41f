package jimbot.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
    private final StringBuilder output = new StringBuilder();

    private EngineProcess(Path workingDir, List<String> extraArgs) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Jimbot.class.getName(),
                "serve", "--http-port", "0", "--grpc-port", "0", "--bolt-port", "0"));
        cmd.addAll(extraArgs);
        process = new ProcessBuilder(cmd).directory(workingDir.toFile()).redirectErrorStream(true).start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    Matcher m = HTTP.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                // the process died; the port future fails below
            }
            port.completeExceptionally(new IllegalStateException("engine exited before listening:\n" + output()));
        });
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
        synchronized (output) {
            return output.toString();
        }
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
