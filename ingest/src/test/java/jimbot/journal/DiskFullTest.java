package jimbot.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import jimbot.v1.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real full disk: the journal on a small tmpfs (mounting one needs root; skipped where the machine does not allow
 * it). Appends are refused while it is full, nothing acknowledged is lost, and the journal writes again by itself
 * once space returns.
 */
class DiskFullTest {

    @TempDir
    Path dir;
    private Path mount;

    static boolean run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @AfterEach
    void unmount() {
        if (mount != null) {
            run("umount", "-l", mount.toString());
        }
    }

    /** Fills the file system until fewer than {@code leaveBytes} are free. */
    static void fill(Path filler, long leaveBytes) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (Files.getFileStore(filler.getParent()).getUsableSpace() > leaveBytes) {
                out.write(chunk);
            }
        } catch (IOException e) {
            // ENOSPC before the target: full enough
        }
    }

    private static Journal.Entry entry(int i) {
        Event e = Event.newBuilder().setEventId("e" + i).setType("GAME_STATE").setTopic("game.state.update")
                .setGameId("g" + (i % 3)).setSubtype("x".repeat(4000)).build();
        return Journal.Entry.of(e, ByteString.copyFromUtf8("k" + i));
    }

    @Test
    void refusesWhileFullLosesNothingAndRecoversWhenSpaceReturns() throws Exception {
        mount = dir.resolve("tmpfs");
        Files.createDirectories(mount);
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", mount.toString()),
                "this machine does not allow mounting a tmpfs (needs root)");
        Path journalDir = mount.resolve("journal");
        Path filler = mount.resolve("filler");
        List<String> acked = new ArrayList<>();
        Journal j = RocksDbJournal.open(JournalConfig.at(journalDir), Sequencer.NONE, new SimpleMeterRegistry());
        try {
            int i = 0;
            for (; i < 20; i++) {
                j.append(List.of(entry(i))).get(10, TimeUnit.SECONDS);
                acked.add("e" + i);
            }
            fill(filler, 256 * 1024);
            int refused = 0;
            for (; i < 2_000 && refused < 5; i++) {
                try {
                    j.append(List.of(entry(i))).get(10, TimeUnit.SECONDS);
                    acked.add("e" + i);
                } catch (ExecutionException e) {
                    assertThat(e).hasCauseInstanceOf(JournalUnavailableException.class);
                    refused++;
                }
            }
            assertThat(refused).as("appends refused on a full disk").isEqualTo(5);
            assertThat(j.writeError()).isPresent();
            assertThat(j.read(0, 10_000)).extracting(Event::getEventId).containsExactlyElementsOf(acked);

            Files.delete(filler);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            boolean writes = false;
            while (!writes && System.nanoTime() < deadline) {
                try {
                    j.append(List.of(entry(i))).get(10, TimeUnit.SECONDS);
                    acked.add("e" + i);
                    i++;
                    writes = true;
                } catch (ExecutionException e) {
                    Thread.sleep(100);
                }
            }
            assertThat(writes).as("writes again within 15 s of space returning").isTrue();
            assertThat(j.writeError()).isEmpty();
            for (int k = 0; k < 10; k++, i++) {
                j.append(List.of(entry(i))).get(10, TimeUnit.SECONDS);
                acked.add("e" + i);
            }
            assertThat(j.read(0, 10_000)).extracting(Event::getEventId).containsExactlyElementsOf(acked);
        } finally {
            j.close();
        }
        Journal reopened = RocksDbJournal.open(JournalConfig.at(journalDir), Sequencer.NONE, new SimpleMeterRegistry());
        try {
            assertThat(reopened.read(0, 10_000)).extracting(Event::getEventId).containsExactlyElementsOf(acked);
        } finally {
            reopened.close();
        }
        assertThatThrownBy(() -> reopened.read(0, 1)).isInstanceOf(JournalUnavailableException.class);
    }
}
