package jimbot.coordinator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds the machine's GPUs and their memory with {@code nvidia-smi}, when it is installed. */
public final class Gpus {

    private Gpus() {
    }

    /** Memory of each GPU in MB; empty when nvidia-smi is missing or fails. */
    public static Optional<List<Integer>> discover() {
        try {
            Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=memory.total", "--format=csv,noheader,nounits")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return Optional.empty();
            }
            List<Integer> mb = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    mb.add(Integer.parseInt(line.trim()));
                }
            }
            return mb.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(mb));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
