package jimbot.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What a child process prints, kept for error messages, and the first line that says it is ready (what
 * {@code ready} maps to a value), for tests that start the engine or a database in a process of its own.
 */
final class ChildOutput<T> {

    private final StringBuilder output = new StringBuilder();
    private final CompletableFuture<T> ready = new CompletableFuture<>();

    /** Reads {@code process}'s output on a virtual thread until it ends. */
    ChildOutput(Process process, Function<String, T> ready) {
        Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    T value = ready.apply(line);
                    if (value != null) {
                        this.ready.complete(value);
                    }
                }
            } catch (IOException e) {
                // the process died; the future fails below
            }
            this.ready.completeExceptionally(new IllegalStateException("the process exited before it was ready:\n" + text()));
        });
    }

    CompletableFuture<T> ready() {
        return ready;
    }

    String text() {
        synchronized (output) {
            return output.toString();
        }
    }
}
