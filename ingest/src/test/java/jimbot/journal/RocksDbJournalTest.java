package jimbot.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jimbot.v1.Event;
import org.junit.jupiter.api.Test;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

class RocksDbJournalTest extends JournalContract {

    @Override
    protected Journal open(Path dir, Sequencer sequencer) {
        return RocksDbJournal.open(JournalConfig.at(dir), sequencer, new SimpleMeterRegistry());
    }

    /** The write-ahead log's sync fails the next {@code n} times, as a failing disk's fsync does. */
    private static final class FailingSync implements RocksDbJournal.WalSync {
        final AtomicInteger failing = new AtomicInteger();

        @Override
        public void sync(RocksDB db) throws RocksDBException {
            if (failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new RocksDBException("fsync failed (injected)", new Status(Status.Code.IOError, Status.SubCode.None, "EIO"));
            }
            db.syncWal();
        }
    }

    private Journal failing(FailingSync sync, Sequencer sequencer) {
        Journal j = RocksDbJournal.open(JournalConfig.at(dir), sequencer, new SimpleMeterRegistry(), sync);
        return j;
    }

    @Test
    void aFailedSyncIsNeverAnsweredAsADuplicateNorItsOffsetsReused() throws Exception {
        FailingSync sync = new FailingSync();
        Journal j = failing(sync, Sequencer.NONE);
        try {
            append(j, entry("a", "g", "ka"));
            sync.failing.set(1);
            assertThatThrownBy(() -> j.append(List.of(entry("b", "g", "kb"), entry("c", "h", "kc"))).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(JournalUnavailableException.class);
            assertThat(j.end()).as("nothing of the failed group is readable").isEqualTo(1);
            assertThat(j.read(0, 10)).extracting(Event::getEventId).containsExactly("a");

            // the game resends: not durable before, so it is stored now, at the offsets the failed group did not keep
            List<Journal.Appended> resent = append(j, entry("b", "g", "kb"), entry("d", "h", "kd"));
            assertThat(resent).allSatisfy(a -> assertThat(a).isInstanceOf(Journal.Appended.Stored.class));
            assertThat(resent).extracting(a -> ((Journal.Appended.Stored) a).offset()).containsExactly(1L, 2L);
            assertThat(append(j, entry("c", "h", "kc"))).extracting(a -> ((Journal.Appended.Stored) a).offset())
                    .containsExactly(3L);
            assertThat(j.read(0, 10)).extracting(Event::getEventId).containsExactly("a", "b", "d", "c");
            assertThat(j.readGame("h", 0, 10)).extracting(Event::getEventId).containsExactly("d", "c");
            assertThat(j.readGame("g", 0, 10)).extracting(Event::getEventId).containsExactly("a", "b");
        } finally {
            j.close();
        }
        Journal reopened = journal(Sequencer.NONE);
        assertThat(reopened.read(0, 10)).extracting(Event::getEventId).containsExactly("a", "b", "d", "c");
        assertThat(append(reopened, entry("b", "g", "kb"))).containsExactly(new Journal.Appended.Duplicate(1));
    }

    @Test
    void refusesAppendsWhileTheDiskFailsAndRecoversByItselfWhenItWorksAgain() throws Exception {
        FailingSync sync = new FailingSync();
        CountingSequencer counting = new CountingSequencer();
        Journal j = failing(sync, counting);
        try {
            append(j, entry("a", "g", "ka"), entry("b", "g", "kb"));
            sync.failing.set(5);
            for (int i = 0; i < 4; i++) {
                int n = i;
                assertThatThrownBy(() -> j.append(List.of(entry("x" + n, "g", "kx" + n))).get(10, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(JournalUnavailableException.class);
            }
            assertThat(counting.committed).isEqualTo(2);
            // the game keeps resending, as the mods do; the journal recovers by itself once the disk works
            List<Journal.Appended> after = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (after == null && System.nanoTime() < deadline) {
                try {
                    after = append(j, entry("x0", "g", "kx0"), entry("a", "g", "ka"));
                } catch (ExecutionException e) {
                    assertThat(e).hasCauseInstanceOf(JournalUnavailableException.class);
                    assertThat(j.writeError()).isPresent();
                    Thread.sleep(50);
                }
            }
            assertThat(after).as("recovered within 10 s").isNotNull();
            assertThat(j.writeError()).isEmpty();
            assertThat(after.get(1)).isEqualTo(new Journal.Appended.Duplicate(0));
            assertThat(j.read(0, 10)).extracting(Event::getEventId).doesNotHaveDuplicates().contains("a", "b", "x0")
                    .doesNotContain("x1", "x2", "x3");
        } finally {
            j.close();
        }
        CountingSequencer restored = new CountingSequencer();
        Journal reopened = journal(restored);
        assertThat(restored.committed).as("the sequencer's stored state is that of the durable events")
                .isEqualTo((int) reopened.end());
    }
}
