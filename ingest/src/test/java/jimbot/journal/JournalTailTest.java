package jimbot.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jimbot.routing.TopicPattern;
import jimbot.v1.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTailTest {

    @TempDir
    Path dir;
    private RocksDbJournal journal;

    @BeforeEach
    void open() {
        journal = RocksDbJournal.open(JournalConfig.at(dir), Sequencer.NONE, new SimpleMeterRegistry());
    }

    @AfterEach
    void close() {
        journal.close();
    }

    private void append(String id, String topic) throws Exception {
        journal.append(List.of(Journal.Entry.of(Event.newBuilder().setEventId(id).setTopic(topic).build(),
                ByteString.EMPTY))).get(10, TimeUnit.SECONDS);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void readsThePastThenTailsLiveEventsOfItsTopicsInOrder() throws Exception {
        append("a", "game.state.update");
        append("b", "system.heartbeat");
        List<String> seen = new CopyOnWriteArrayList<>();
        try (JournalTail tail = JournalTail.start(journal, new JournalTail.Spec("graph", TopicPattern.parse("game.>"),
                new JournalTail.Start.At(0), 10), events -> events.forEach(e -> seen.add(e.getEventId())))) {
            append("c", "game.hand.played");
            append("d", "system.heartbeat");
            append("e", "game.money.changed");
            waitFor(() -> seen.size() == 3);
            waitFor(() -> tail.position() == 5);
            assertThat(tail.position()).isEqualTo(5);
        }
        assertThat(seen).containsExactly("a", "c", "e");
        assertThat(journal.checkpoint("graph")).hasValue(5);
    }

    @Test
    void resumesFromItsCheckpoint() throws Exception {
        append("a", "game.x");
        List<String> first = new CopyOnWriteArrayList<>();
        try (JournalTail tail = JournalTail.start(journal, new JournalTail.Spec("c", TopicPattern.ALL,
                new JournalTail.Start.At(0), 10), events -> events.forEach(e -> first.add(e.getEventId())))) {
            waitFor(() -> tail.position() == 1);
        }
        append("b", "game.x");
        List<String> second = new CopyOnWriteArrayList<>();
        try (JournalTail tail = JournalTail.start(journal, new JournalTail.Spec("c", TopicPattern.ALL,
                new JournalTail.Start.At(0), 10), events -> events.forEach(e -> second.add(e.getEventId())))) {
            waitFor(() -> tail.position() == 2);
        }
        assertThat(first).containsExactly("a");
        assertThat(second).containsExactly("b");
    }

    @Test
    void retriesAFailingHandlerWithoutSkipping() throws Exception {
        append("a", "game.x");
        append("b", "game.x");
        AtomicInteger calls = new AtomicInteger();
        List<String> seen = new CopyOnWriteArrayList<>();
        try (JournalTail tail = JournalTail.start(journal, new JournalTail.Spec("flaky", TopicPattern.ALL,
                new JournalTail.Start.At(0), 1), events -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("graph database down");
                    }
                    events.forEach(e -> seen.add(e.getEventId()));
                })) {
            waitFor(() -> seen.size() == 2);
        }
        assertThat(seen).containsExactly("a", "b");
    }

    @Test
    void startsAtTheEndWhenAskedForLiveEventsOnly() throws Exception {
        append("old", "game.x");
        List<String> seen = new CopyOnWriteArrayList<>();
        try (JournalTail tail = JournalTail.start(journal, new JournalTail.Spec("live", TopicPattern.ALL,
                new JournalTail.Start.Live(), 10), events -> events.forEach(e -> seen.add(e.getEventId())))) {
            append("new", "game.x");
            waitFor(() -> seen.size() == 1);
        }
        assertThat(seen).containsExactly("new");
    }

    @Test
    void quarantinesAnEventThatKeepsFailingAndMovesOn() throws Exception {
        for (String id : List.of("a", "b", "poison", "c", "d")) {
            append(id, "game.x");
        }
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicInteger poisonTries = new AtomicInteger();
        JournalTail.Handler handler = events -> {
            for (Event e : events) {
                if (e.getEventId().equals("poison")) {
                    poisonTries.incrementAndGet();
                    throw new IllegalArgumentException("cannot apply " + e.getEventId());
                }
            }
            events.forEach(e -> seen.add(e.getEventId())); // a batch applies whole or not at all
        };
        try (JournalTail tail = JournalTail.start(journal, new JournalTail.Spec("graph", TopicPattern.ALL,
                new JournalTail.Start.At(0), 10, 3), handler)) {
            waitFor(() -> tail.position() == 5);
            assertThat(tail.status().quarantined()).isEqualTo(1);
            assertThat(tail.status().failing()).isEmpty();
            append("e", "game.x");
            waitFor(() -> seen.contains("e"));
        }
        assertThat(seen).containsExactly("a", "b", "c", "d", "e");
        assertThat(poisonTries.get()).as("3 tries in its batch, then 3 on its own").isEqualTo(6);
        assertThat(journal.quarantined(10)).singleElement().satisfies(q -> {
            assertThat(q.consumer()).isEqualTo("graph");
            assertThat(q.offset()).isEqualTo(2);
            assertThat(q.error()).contains("IllegalArgumentException").contains("cannot apply poison");
        });
        assertThat(journal.checkpoint("graph")).hasValue(6);
        try (JournalTail again = JournalTail.start(journal, new JournalTail.Spec("graph", TopicPattern.ALL,
                new JournalTail.Start.At(0), 10, 3), handler)) {
            assertThat(again.status().quarantined()).as("kept across restarts").isEqualTo(1);
        }
    }

    @Test
    void neverQuarantinesWhileWhatItNeedsIsUnavailable() throws Exception {
        append("a", "game.x");
        append("b", "game.x");
        AtomicInteger failures = new AtomicInteger();
        List<String> seen = new CopyOnWriteArrayList<>();
        try (JournalTail tail = JournalTail.start(journal, new JournalTail.Spec("graph", TopicPattern.ALL,
                new JournalTail.Start.At(0), 10, 2), events -> {
                    if (failures.incrementAndGet() <= 6) {
                        throw new jimbot.errors.UnavailableException("graph database unavailable");
                    }
                    events.forEach(e -> seen.add(e.getEventId()));
                })) {
            waitFor(() -> failures.get() >= 3);
            assertThat(tail.status().failing()).hasValueSatisfying(f -> assertThat(f).contains("graph database unavailable"));
            waitFor(() -> seen.size() == 2);
            assertThat(tail.status().failing()).isEmpty();
            assertThat(tail.status().quarantined()).isZero();
        }
        assertThat(seen).containsExactly("a", "b");
        assertThat(journal.quarantined(10)).isEmpty();
    }
}
