package jimbot.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jimbot.v1.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link Journal} must do; each implementation's test extends this with its own {@link #open}. */
public abstract class JournalContract {

    @TempDir
    protected Path dir;
    private final List<Journal> opened = new ArrayList<>();

    /** Opens (or reopens) the journal stored under {@code dir}. */
    protected abstract Journal open(Path dir, Sequencer sequencer);

    protected Journal journal(Sequencer sequencer) {
        Journal j = open(dir, sequencer);
        opened.add(j);
        return j;
    }

    @AfterEach
    void closeAll() {
        opened.forEach(Journal::close);
    }

    static Event event(String id, String game) {
        return Event.newBuilder().setEventId(id).setType("HEARTBEAT").setTopic("system.heartbeat").setGameId(game).build();
    }

    static Journal.Entry entry(String id, String game, String key) {
        return Journal.Entry.of(event(id, game), ByteString.copyFrom(key, StandardCharsets.UTF_8));
    }

    static List<Journal.Appended> append(Journal j, Journal.Entry... entries) throws Exception {
        return j.append(List.of(entries)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void assignsStrictlyIncreasingOffsetsFromZero() throws Exception {
        Journal j = journal(Sequencer.NONE);
        List<Journal.Appended> first = append(j, entry("a", "g", "ka"), entry("b", "g", "kb"));
        List<Journal.Appended> second = append(j, entry("c", "g", "kc"));
        assertThat(first).extracting(a -> ((Journal.Appended.Stored) a).offset()).containsExactly(0L, 1L);
        assertThat(second).extracting(a -> ((Journal.Appended.Stored) a).offset()).containsExactly(2L);
        assertThat(j.end()).isEqualTo(3);
        assertThat(j.read(0, 10)).extracting(Event::getEventId).containsExactly("a", "b", "c");
        assertThat(j.read(1, 1)).extracting(Event::getOffset).containsExactly(1L);
    }

    @Test
    void storesADedupeKeyOnceAcrossAndWithinCalls() throws Exception {
        Journal j = journal(Sequencer.NONE);
        append(j, entry("a", "g", "k1"));
        List<Journal.Appended> again = append(j, entry("a", "g", "k1"), entry("b", "g", "k2"), entry("b", "g", "k2"));
        assertThat(again.get(0)).isEqualTo(new Journal.Appended.Duplicate(0));
        assertThat(again.get(1)).isInstanceOf(Journal.Appended.Stored.class);
        assertThat(again.get(2)).isEqualTo(new Journal.Appended.Duplicate(1));
        assertThat(j.end()).isEqualTo(2);
    }

    @Test
    void neverDeduplicatesAnEmptyKey() throws Exception {
        Journal j = journal(Sequencer.NONE);
        Journal.Entry e = Journal.Entry.of(event("same", "g"), ByteString.EMPTY);
        append(j, e, e);
        append(j, e);
        assertThat(j.end()).isEqualTo(3);
    }

    @Test
    void keepsEverythingAcknowledgedAfterReopen() throws Exception {
        Journal j = open(dir, Sequencer.NONE);
        for (int i = 0; i < 50; i++) {
            append(j, entry("e" + i, "g" + (i % 3), "k" + i));
        }
        j.close();
        Journal reopened = journal(Sequencer.NONE);
        assertThat(reopened.end()).isEqualTo(50);
        assertThat(reopened.read(0, 100)).extracting(Event::getEventId).hasSize(50).startsWith("e0").endsWith("e49");
        assertThat(append(reopened, entry("e7", "g1", "k7"))).containsExactly(new Journal.Appended.Duplicate(7));
        Journal.Appended stored = append(reopened, entry("new", "g1", "k-new")).get(0);
        assertThat(stored).isInstanceOfSatisfying(Journal.Appended.Stored.class, s -> {
            assertThat(s.offset()).isEqualTo(50);
            assertThat(s.event()).isEqualTo(event("new", "g1").toBuilder().setOffset(50).build());
        });
        assertThat(reopened.read(50, 1)).containsExactly(event("new", "g1").toBuilder().setOffset(50).build());
    }

    @Test
    void readsEachGamesStreamInOrder() throws Exception {
        Journal j = journal(Sequencer.NONE);
        for (int i = 0; i < 30; i++) {
            append(j, entry("e" + i, i % 2 == 0 ? "run-1" : "run-10", "k" + i));
        }
        append(j, entry("nogame", "", "kx"));
        List<Event> even = j.readGame("run-1", 0, 100);
        assertThat(even).extracting(Event::getOffset).containsExactlyElementsOf(
                java.util.stream.LongStream.range(0, 30).filter(i -> i % 2 == 0).boxed().toList());
        assertThat(j.readGame("run-10", 0, 3)).extracting(Event::getOffset).containsExactly(1L, 3L, 5L);
        assertThat(j.readGame("run-10", 6, 2)).extracting(Event::getOffset).containsExactly(7L, 9L);
        assertThat(j.readGame("run", 0, 10)).isEmpty();
        assertThat(j.readGameBackwards("run-10", Long.MAX_VALUE, 2)).extracting(Event::getOffset).containsExactly(29L, 27L);
        assertThat(j.readGameBackwards("run-1", 10, 3)).extracting(Event::getOffset).containsExactly(8L, 6L, 4L);
        assertThat(j.readGameBackwards("run-1", 0, 3)).isEmpty();
        assertThat(j.readGame("", 0, 10)).isEmpty();
    }

    @Test
    void storesEveryConcurrentAppendOnceWithDistinctOffsets() throws Exception {
        Journal j = journal(Sequencer.NONE);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<List<Journal.Appended>>> futures = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                List<Journal.Appended> all = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    // every thread also resends a shared key: exactly one of them may store it
                    all.addAll(append(j, entry("t" + thread + "-" + i, "g", "t" + thread + "-" + i),
                            entry("shared" + i, "g", "shared" + i)));
                }
                return all;
            }));
        }
        List<Long> offsets = new ArrayList<>();
        int duplicates = 0;
        for (Future<List<Journal.Appended>> f : futures) {
            for (Journal.Appended a : f.get(60, TimeUnit.SECONDS)) {
                if (a instanceof Journal.Appended.Stored s) {
                    offsets.add(s.offset());
                } else {
                    duplicates++;
                }
            }
        }
        pool.shutdown();
        assertThat(offsets).doesNotHaveDuplicates().hasSize(16 * 50 + 50);
        assertThat(duplicates).isEqualTo(15 * 50);
        assertThat(j.end()).isEqualTo(16 * 50 + 50);
    }

    @Test
    void persistsSequencerStateWithTheEventsThatChangedIt() throws Exception {
        CountingSequencer counting = new CountingSequencer();
        Journal j = open(dir, counting);
        append(j, entry("a", "g", "a"), entry("b", "g", "b"));
        append(j, entry("a", "g", "a")); // a duplicate is not sequenced
        assertThat(counting.committed).isEqualTo(2);
        assertThat(j.read(0, 2)).extracting(Event::getSubtype).containsExactly("seen-1", "seen-2");
        j.close();
        CountingSequencer restored = new CountingSequencer();
        journal(restored);
        assertThat(restored.committed).isEqualTo(2);
    }

    @Test
    void keepsCheckpointsAcrossReopen() {
        Journal j = open(dir, Sequencer.NONE);
        assertThat(j.checkpoint("graph")).isEmpty();
        j.saveCheckpoint("graph", 42);
        j.close();
        assertThat(journal(Sequencer.NONE).checkpoint("graph")).hasValue(42);
    }

    @Test
    void keepsQuarantineRecordsByConsumerAndOffsetAcrossReopen() {
        Journal j = open(dir, Sequencer.NONE);
        j.saveCheckpoint("graph", 7);
        j.quarantine(new Journal.Quarantined("graph", 12, 1000, "IllegalArgumentException: bad"));
        j.quarantine(new Journal.Quarantined("analytics", 3, 2000, "é: unicode kept"));
        j.quarantine(new Journal.Quarantined("graph", 4, 3000, "second"));
        j.close();
        Journal reopened = journal(Sequencer.NONE);
        assertThat(reopened.quarantined(10)).containsExactly(
                new Journal.Quarantined("analytics", 3, 2000, "é: unicode kept"),
                new Journal.Quarantined("graph", 4, 3000, "second"),
                new Journal.Quarantined("graph", 12, 1000, "IllegalArgumentException: bad"));
        assertThat(reopened.quarantined(1)).hasSize(1);
        assertThat(reopened.checkpoint("graph")).hasValue(7);
    }

    @Test
    void wakesAWaitingReaderWhenTheEndMoves() throws Exception {
        Journal j = journal(Sequencer.NONE);
        CompletableFuture<Long> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return j.awaitEnd(0, Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        assertThat(waiter).isNotDone();
        append(j, entry("a", "g", "a"));
        assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(j.awaitEnd(5, Duration.ofMillis(1))).isEqualTo(1);
    }

    @Test
    void refusesAppendsOnceClosed() {
        Journal j = open(dir, Sequencer.NONE);
        j.close();
        assertThatThrownBy(() -> j.append(List.of(entry("a", "g", "a"))).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(JournalUnavailableException.class);
    }

    @Test
    void readsAndAppendsRacingCloseEitherWorkOrSayUnavailable() throws Exception {
        Journal j = open(dir, Sequencer.NONE);
        for (int i = 0; i < 200; i++) {
            append(j, entry("e" + i, "g" + (i % 4), "k" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        List<Future<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            int kind = t;
            workers.add(pool.submit(() -> {
                int unavailable = 0;
                for (int i = 0; !stop.get(); i++) {
                    try {
                        switch (kind % 3) {
                            case 0 -> j.read(i % 150, 50);
                            case 1 -> {
                                j.readGame("g" + (i % 4), 0, 40);
                                j.readGameBackwards("g" + (i % 4), Long.MAX_VALUE, 10);
                                j.stats();
                                j.checkpoint("c");
                            }
                            default -> j.append(List.of(entry("n" + kind + "-" + i, "g1", "n" + kind + "-" + i)))
                                    .get(10, TimeUnit.SECONDS);
                        }
                    } catch (JournalUnavailableException e) {
                        unavailable++;
                    } catch (ExecutionException e) {
                        assertThat(e).hasCauseInstanceOf(JournalUnavailableException.class);
                        unavailable++;
                    }
                }
                return unavailable;
            }));
        }
        Thread.sleep(200);
        j.close(); // a native store freed under a reader would crash the JVM, not fail a test
        Thread.sleep(100);
        stop.set(true);
        for (Future<Integer> w : workers) {
            assertThat(w.get(30, TimeUnit.SECONDS)).isPositive();
        }
        pool.shutdown();
        assertThatThrownBy(() -> j.read(0, 1)).isInstanceOf(JournalUnavailableException.class);
        Journal reopened = journal(Sequencer.NONE);
        assertThat(reopened.read(0, 300)).extracting(Event::getEventId).startsWith("e0").doesNotHaveDuplicates();
    }

    /** Marks each event with its rank and persists the count, to check atomic state. */
    static final class CountingSequencer implements Sequencer {
        int committed;

        @Override
        public void restore(Journal.StateView state) {
            ByteString v = state.state("count").get("count");
            committed = v == null ? 0 : Integer.parseInt(v.toStringUtf8());
        }

        @Override
        public Group begin() {
            return new Group() {
                int seen = committed;

                @Override
                public Event sequence(Event event, long offset) {
                    seen++;
                    return Event.newBuilder().setSubtype("seen-" + seen).build();
                }

                @Override
                public Map<String, Optional<ByteString>> changes() {
                    Map<String, Optional<ByteString>> out = new HashMap<>();
                    out.put("count", Optional.of(ByteString.copyFromUtf8(Integer.toString(seen))));
                    return out;
                }

                @Override
                public void commit() {
                    committed = seen;
                }

                @Override
                public void abort() {
                }
            };
        }
    }
}
