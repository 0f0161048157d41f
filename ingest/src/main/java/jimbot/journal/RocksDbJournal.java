package jimbot.journal;

import com.google.protobuf.ByteString;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import jimbot.v1.Event;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The embedded journal: RocksDB under the data directory. One writer thread takes every waiting append, writes
 * them as one atomic batch and syncs the write-ahead log once for all of them (group commit), so concurrent
 * requests share one fsync and nothing is acknowledged before it is on disk.
 *
 * <p>A group whose write or sync fails is undone before anything else is written: until its compensating batch
 * (deleting what it put, restoring the sequencer state it changed) is durable, appends fail at once, so a resend is
 * never answered "duplicate" against an event that is not on disk and no offset of it is reused while it could
 * still be read. RocksDB keeps reporting a write error until the database is opened again, so recovery reopens it,
 * by itself, on the first append once the disk has room again. Readers hold a shared guard; reopening and closing
 * take it exclusively, so the native database is never freed under a reader.
 */
public final class RocksDbJournal implements Journal {

    private static final System.Logger LOG = System.getLogger(RocksDbJournal.class.getName());
    private static final byte[] EMPTY = new byte[0];
    private static final Pending CLOSE = new Pending(List.of(), new byte[0][], new CompletableFuture<>());
    /** How often a failed journal tries to recover while appends keep arriving. */
    private static final long RECOVERY_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(500);
    /** Reopening needs room for a new manifest and log: below this, wait rather than close a readable database. */
    private static final long REOPEN_MIN_FREE_BYTES = 8L << 20;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    /** Syncs the write-ahead log; a test replaces it to fail as a failing disk's fsync does. */
    @FunctionalInterface
    interface WalSync {
        void sync(RocksDB db) throws RocksDBException;
    }

    private final JournalConfig config;
    private final Sequencer sequencer;
    private final WalSync walSync;
    private final WriteOptions groupWrite;
    private final WriteOptions plainWrite;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final ReentrantLock endLock = new ReentrantLock();
    private final Condition endMoved = endLock.newCondition();
    /** Shared by every use of {@link #store}; exclusive to replace or free it. */
    private final ReentrantReadWriteLock guard = new ReentrantReadWriteLock();
    /** Replaced only by the writer thread, under the exclusive guard; absent while a reopen failed. */
    private volatile RocksStore store;
    private volatile long end;
    private volatile boolean closed;
    /** Writer thread only: the compensating batch of a group whose write or sync failed, not yet durable. */
    private WriteBatch undo;
    private long nextRecoveryNs;
    /** Why appends are refused now; empty while the journal writes. */
    private volatile String writeError = "";

    private final Timer appendTimer;
    private final Timer syncTimer;
    private final DistributionSummary groupSize;
    private final Counter writeFailures;

    private RocksDbJournal(JournalConfig config, Sequencer sequencer, MeterRegistry meters, WalSync walSync)
            throws RocksDBException {
        this.config = config;
        this.sequencer = sequencer;
        this.walSync = walSync;
        try {
            Files.createDirectories(config.directory());
        } catch (IOException e) {
            throw new JournalUnavailableException("cannot create journal directory " + config.directory(), e);
        }
        this.store = RocksStore.open(config.directory().toString());
        // The group is written without sync and then the WAL is synced once, so append and sync
        // latency can be measured apart; durability is the same as a synced write.
        this.groupWrite = new WriteOptions().setSync(false);
        this.plainWrite = new WriteOptions().setSync(false);
        this.end = lastOffset(store) + 1;

        this.appendTimer = Timer.builder("jimbot.journal.append")
                .description("Time to write one group of events to the journal, before sync")
                .publishPercentileHistogram().register(meters);
        this.syncTimer = Timer.builder("jimbot.journal.sync")
                .description("Time to sync the journal's write-ahead log for one group")
                .publishPercentileHistogram().register(meters);
        this.groupSize = DistributionSummary.builder("jimbot.journal.group.events")
                .description("Events offered per group commit").register(meters);
        this.writeFailures = Counter.builder("jimbot.journal.write.failures")
                .description("Groups whose write or sync failed and were undone").register(meters);
        Gauge.builder("jimbot.journal.events", this, j -> j.end).description("Events stored in the journal")
                .register(meters);
        Gauge.builder("jimbot.journal.size", this, j -> j.closed ? 0 : j.stats().approximateBytes()).baseUnit("bytes")
                .description("Approximate size of the journal on disk").register(meters);
        Gauge.builder("jimbot.journal.writable", this, j -> j.writeError.isEmpty() ? 1 : 0)
                .description("1 while the journal accepts appends, 0 while a write error is being recovered").register(meters);

        sequencer.restore(this::state);
        this.writer = Thread.ofPlatform().name("journal-writer").daemon(false).unstarted(this::writeLoop);
        writer.start();
        LOG.log(System.Logger.Level.INFO, "journal open dir={0} events={1} durability={2}",
                config.directory(), end, config.durability());
    }

    /** Opens (or creates) the journal in {@code config.directory()}. */
    public static RocksDbJournal open(JournalConfig config, Sequencer sequencer, MeterRegistry meters) {
        return open(config, sequencer, meters, RocksDB::syncWal);
    }

    static RocksDbJournal open(JournalConfig config, Sequencer sequencer, MeterRegistry meters, WalSync walSync) {
        try {
            return new RocksDbJournal(config, sequencer, meters, walSync);
        } catch (RocksDBException e) {
            throw new JournalUnavailableException("cannot open journal in " + config.directory() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public CompletableFuture<List<Appended>> append(List<Entry> entries) {
        CompletableFuture<List<Appended>> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new JournalUnavailableException("journal is closed"));
            return done;
        }
        if (entries.isEmpty()) {
            done.complete(List.of());
            return done;
        }
        // encode here, on the caller's thread: the writer only appends each sequencer patch and offset
        byte[][] encoded = new byte[entries.size()][];
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = EventCodec.encode(entries.get(i).event(), entries.get(i).raw());
        }
        queue.add(new Pending(List.copyOf(entries), encoded, done));
        if (closed) {
            // close() may have drained the queue before our add; fail rather than wait forever
            failRemaining();
        }
        return done;
    }

    private void writeLoop() {
        List<Pending> group = new ArrayList<>();
        while (true) {
            try {
                Pending first = queue.take();
                if (first == CLOSE) {
                    break;
                }
                group.add(first);
                queue.drainTo(group, config.maxGroupRequests() - 1);
                boolean stop = group.remove(CLOSE);
                writeGroup(group);
                group.clear();
                if (stop) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "journal writer failed a group", e);
                fail(group, new JournalUnavailableException("journal write failed", e));
                group.clear();
            }
        }
        failRemaining();
    }

    private void writeGroup(List<Pending> group) {
        int count = 0;
        for (Pending p : group) {
            count += p.entries().size();
        }
        groupSize.record(count);
        if (undo != null && !recover()) {
            fail(group, new JournalUnavailableException("journal cannot write: " + writeError + "; resend later"));
            return;
        }
        RocksStore s = store;
        Map<ByteString, Long> known = knownDedupeKeys(s, group);
        Sequencer.Group sequencing = sequencer.begin();
        List<List<Appended>> results = new ArrayList<>(group.size());
        long next = end;
        WriteBatch compensation = new WriteBatch();
        try (WriteBatch batch = new WriteBatch()) {
            try {
                for (Pending p : group) {
                    List<Appended> outcome = new ArrayList<>(p.entries().size());
                    for (int i = 0; i < p.entries().size(); i++) {
                        Entry entry = p.entries().get(i);
                        ByteString key = entry.dedupeKey();
                        Long prior = key.isEmpty() ? null : known.get(key);
                        if (prior != null) {
                            outcome.add(new Appended.Duplicate(prior));
                            continue;
                        }
                        long offset = next++;
                        Event patch = sequencing.sequence(entry.event(), offset);
                        byte[] offsetKey = JournalKeys.offsetKey(offset);
                        batch.put(s.events, offsetKey, EventCodec.withPatch(p.encoded()[i], patch, offset));
                        compensation.delete(s.events, offsetKey);
                        if (!key.isEmpty()) {
                            byte[] k = key.toByteArray();
                            batch.put(s.dedupe, k, offsetKey);
                            compensation.delete(s.dedupe, k);
                            known.put(key, offset);
                        }
                        String gameId = patch.getGameId().isEmpty() ? entry.event().getGameId() : patch.getGameId();
                        if (!gameId.isEmpty()) {
                            byte[] g = JournalKeys.gameKey(gameId, offset);
                            batch.put(s.games, g, EMPTY);
                            compensation.delete(s.games, g);
                        }
                        outcome.add(new Appended.Stored(offset, entry.event(), patch));
                    }
                    results.add(outcome);
                }
                for (Map.Entry<String, Optional<ByteString>> change : sequencing.changes().entrySet()) {
                    byte[] stateKey = JournalKeys.bytes(change.getKey());
                    byte[] before = s.db.get(s.state, stateKey);
                    if (before == null) {
                        compensation.delete(s.state, stateKey);
                    } else {
                        compensation.put(s.state, stateKey, before);
                    }
                    if (change.getValue().isPresent()) {
                        batch.put(s.state, stateKey, change.getValue().get().toByteArray());
                    } else {
                        batch.delete(s.state, stateKey);
                    }
                }
            } catch (RocksDBException | RuntimeException e) {
                // nothing was written: forget the group
                sequencing.abort();
                compensation.close();
                LOG.log(System.Logger.Level.ERROR, "journal group of {0} events not written: {1}", count, e.toString());
                fail(group, new JournalUnavailableException("journal write failed: " + e.getMessage(), e));
                return;
            }
            if (batch.count() > 0) {
                try {
                    long t0 = System.nanoTime();
                    s.db.write(groupWrite, batch);
                    long t1 = System.nanoTime();
                    if (config.durability() == JournalConfig.Durability.SYNC) {
                        walSync.sync(s.db);
                    }
                    long t2 = System.nanoTime();
                    appendTimer.record(t1 - t0, TimeUnit.NANOSECONDS);
                    syncTimer.record(t2 - t1, TimeUnit.NANOSECONDS);
                } catch (RocksDBException e) {
                    // Written perhaps, durable not: readable in memory and in the dedupe index until undone.
                    sequencing.abort();
                    undo = compensation;
                    writeError = e.getMessage();
                    nextRecoveryNs = System.nanoTime();
                    writeFailures.increment();
                    LOG.log(System.Logger.Level.ERROR, "journal write of {0} events failed, undoing it before the next: {1}",
                            count, e.getMessage());
                    fail(group, new JournalUnavailableException("events not durable: " + e.getMessage(), e));
                    return;
                }
            }
        }
        compensation.close();
        sequencing.commit();
        publishEnd(next);
        for (int i = 0; i < group.size(); i++) {
            group.get(i).done().complete(List.copyOf(results.get(i)));
        }
    }

    /**
     * Makes the failed group's undo durable: on the open database when it still writes (a passing sync error),
     * else on a freshly opened one once the disk has room. True when the journal writes again.
     */
    private boolean recover() {
        long now = System.nanoTime();
        if (now < nextRecoveryNs) {
            return false;
        }
        nextRecoveryNs = now + RECOVERY_INTERVAL_NS;
        RocksStore s = store;
        if (s != null && writeUndo(s)) {
            return recovered();
        }
        if (!roomToReopen()) {
            return false;
        }
        Lock exclusive = guard.writeLock();
        exclusive.lock();
        try {
            if (store != null) {
                store.close();
                store = null;
            }
            store = RocksStore.open(config.directory().toString());
            LOG.log(System.Logger.Level.INFO, "journal reopened to clear a write error");
        } catch (RocksDBException e) {
            writeError = "cannot reopen the journal: " + e.getMessage();
            LOG.log(System.Logger.Level.WARNING, "journal reopen failed, retrying: {0}", e.getMessage());
            return false;
        } finally {
            exclusive.unlock();
        }
        if (!writeUndo(store)) {
            return false;
        }
        long last = lastOffset(store) + 1;
        if (last != end) {
            LOG.log(System.Logger.Level.ERROR, "journal reopened with end={0}, expected {1}", last, end);
        }
        return recovered();
    }

    private boolean writeUndo(RocksStore s) {
        try {
            s.db.write(plainWrite, undo);
            if (config.durability() == JournalConfig.Durability.SYNC) {
                walSync.sync(s.db);
            }
            return true;
        } catch (RocksDBException e) {
            writeError = e.getMessage();
            return false;
        }
    }

    private boolean recovered() {
        undo.close();
        undo = null;
        writeError = "";
        LOG.log(System.Logger.Level.INFO, "journal writes again events={0}", end);
        return true;
    }

    private boolean roomToReopen() {
        try {
            return Files.getFileStore(config.directory()).getUsableSpace() >= REOPEN_MIN_FREE_BYTES;
        } catch (IOException e) {
            return false;
        }
    }

    /** Offsets already stored for the group's dedupe keys, read in one multi-get. */
    private static Map<ByteString, Long> knownDedupeKeys(RocksStore s, List<Pending> group) {
        List<byte[]> keys = new ArrayList<>();
        for (Pending p : group) {
            for (Entry e : p.entries()) {
                if (!e.dedupeKey().isEmpty()) {
                    keys.add(e.dedupeKey().toByteArray());
                }
            }
        }
        Map<ByteString, Long> known = new HashMap<>();
        if (keys.isEmpty()) {
            return known;
        }
        try {
            List<byte[]> values = s.db.multiGetAsList(repeat(s.dedupe, keys.size()), keys);
            for (int i = 0; i < keys.size(); i++) {
                byte[] v = values.get(i);
                if (v != null) {
                    known.put(ByteString.copyFrom(keys.get(i)), JournalKeys.offsetOf(v));
                }
            }
        } catch (RocksDBException e) {
            throw new JournalUnavailableException("journal dedupe lookup failed: " + e.getMessage(), e);
        }
        return known;
    }

    private void publishEnd(long next) {
        endLock.lock();
        try {
            end = next;
            endMoved.signalAll();
        } finally {
            endLock.unlock();
        }
    }

    private static void fail(List<Pending> group, JournalUnavailableException e) {
        for (Pending p : group) {
            p.done().completeExceptionally(e);
        }
    }

    private void failRemaining() {
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        fail(left, new JournalUnavailableException("journal is closed"));
    }

    /** Something done with the open database, under the shared guard. */
    @FunctionalInterface
    private interface Use<T> {
        T apply(RocksStore s) throws RocksDBException;
    }

    private <T> T use(String what, Use<T> use) {
        Lock shared = guard.readLock();
        shared.lock();
        try {
            RocksStore s = store;
            if (closed) {
                throw new JournalUnavailableException("journal is closed");
            }
            if (s == null) {
                throw new JournalUnavailableException("journal is reopening after a write error: " + writeError);
            }
            return use.apply(s);
        } catch (RocksDBException e) {
            throw new JournalUnavailableException(what + " failed: " + e.getMessage(), e);
        } finally {
            shared.unlock();
        }
    }

    @Override
    public long end() {
        return end;
    }

    @Override
    public List<Event> read(long from, int limit) {
        long stop = end;
        List<Event> out = new ArrayList<>(Math.min(Math.max(limit, 0), 1024));
        if (limit <= 0 || from >= stop) {
            return out;
        }
        return use("journal read", s -> {
            try (ReadOptions ro = new ReadOptions(); RocksIterator it = s.db.newIterator(s.events, ro)) {
                for (it.seek(JournalKeys.offsetKey(Math.max(0, from))); it.isValid() && out.size() < limit; it.next()) {
                    if (JournalKeys.offsetOf(it.key()) >= stop) {
                        break;
                    }
                    out.add(EventCodec.parse(it.value()));
                }
            }
            return out;
        });
    }

    @Override
    public List<Event> readGame(String gameId, long from, int limit) {
        return readGame(gameId, Math.max(0, from), end, limit, true);
    }

    @Override
    public List<Event> readGameBackwards(String gameId, long before, int limit) {
        return readGame(gameId, 0, Math.min(before, end), limit, false);
    }

    /** Up to {@code limit} events of one game with offsets in [from, stop), oldest or newest first. */
    private List<Event> readGame(String gameId, long from, long stop, int limit, boolean forward) {
        if (limit <= 0 || gameId.isEmpty() || stop <= from) {
            return new ArrayList<>();
        }
        byte[] prefix = JournalKeys.gameKey(gameId, 0);
        return use("journal read", s -> {
            List<byte[]> offsets = new ArrayList<>();
            try (ReadOptions ro = new ReadOptions(); RocksIterator it = s.db.newIterator(s.games, ro)) {
                if (forward) {
                    it.seek(JournalKeys.gameKey(gameId, from));
                } else {
                    it.seekForPrev(JournalKeys.gameKey(gameId, stop - 1));
                }
                while (it.isValid() && offsets.size() < limit) {
                    long offset = JournalKeys.gameOffset(it.key(), prefix);
                    if (offset < from || offset >= stop) {
                        break;
                    }
                    offsets.add(JournalKeys.offsetKey(offset));
                    if (forward) {
                        it.next();
                    } else {
                        it.prev();
                    }
                }
            }
            List<Event> out = new ArrayList<>(offsets.size());
            if (!offsets.isEmpty()) {
                for (byte[] value : s.db.multiGetAsList(repeat(s.events, offsets.size()), offsets)) {
                    if (value != null) {
                        out.add(EventCodec.parse(value));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public long awaitEnd(long offset, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        endLock.lock();
        try {
            while (end <= offset && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                endMoved.awaitNanos(left);
            }
            return end;
        } finally {
            endLock.unlock();
        }
    }

    @Override
    public OptionalLong checkpoint(String consumer) {
        return use("checkpoint read", s -> {
            byte[] v = s.db.get(s.checkpoints, JournalKeys.bytes(consumer));
            return v == null ? OptionalLong.empty() : OptionalLong.of(JournalKeys.offsetOf(v));
        });
    }

    @Override
    public void saveCheckpoint(String consumer, long nextOffset) {
        use("checkpoint write", s -> {
            s.db.put(s.checkpoints, plainWrite, JournalKeys.bytes(consumer), JournalKeys.offsetKey(nextOffset));
            return null;
        });
    }

    @Override
    public void quarantine(Quarantined record) {
        byte[] error = JournalKeys.bytes(record.error());
        byte[] value = java.nio.ByteBuffer.allocate(Long.BYTES + error.length).putLong(record.atMs()).put(error).array();
        use("quarantine write", s -> {
            s.db.put(s.checkpoints, plainWrite, JournalKeys.quarantineKey(record.consumer(), record.offset()), value);
            return null;
        });
    }

    @Override
    public List<Quarantined> quarantined(int limit) {
        return use("quarantine read", s -> {
            List<Quarantined> out = new ArrayList<>();
            try (ReadOptions ro = new ReadOptions(); RocksIterator it = s.db.newIterator(s.checkpoints, ro)) {
                for (it.seek(JournalKeys.QUARANTINE); it.isValid() && out.size() < limit; it.next()) {
                    byte[] key = it.key();
                    if (key.length == 0 || key[0] != JournalKeys.QUARANTINE[0]) {
                        break;
                    }
                    java.nio.ByteBuffer v = java.nio.ByteBuffer.wrap(it.value());
                    long at = v.getLong();
                    out.add(new Quarantined(JournalKeys.quarantineConsumer(key), JournalKeys.quarantineOffset(key), at,
                            new String(it.value(), Long.BYTES, it.value().length - Long.BYTES, StandardCharsets.UTF_8)));
                }
            }
            return out;
        });
    }

    @Override
    public Map<String, ByteString> state(String prefix) {
        return use("state read", s -> {
            Map<String, ByteString> out = new LinkedHashMap<>();
            try (ReadOptions ro = new ReadOptions(); RocksIterator it = s.db.newIterator(s.state, ro)) {
                for (it.seek(JournalKeys.bytes(prefix)); it.isValid(); it.next()) {
                    String key = new String(it.key(), StandardCharsets.UTF_8);
                    if (!key.startsWith(prefix)) {
                        break;
                    }
                    out.put(key, ByteString.copyFrom(it.value()));
                }
            }
            return out;
        });
    }

    @Override
    public JournalStats stats() {
        long bytes = use("journal size", s -> {
            long sum = 0;
            for (ColumnFamilyHandle cf : s.sized()) {
                sum += s.db.getLongProperty(cf, "rocksdb.total-sst-files-size");
                sum += s.db.getLongProperty(cf, "rocksdb.cur-size-all-mem-tables");
            }
            return sum;
        });
        return new JournalStats(end, bytes);
    }

    @Override
    public Optional<String> writeError() {
        String e = writeError;
        return e.isEmpty() ? Optional.empty() : Optional.of(e);
    }

    /**
     * Stops the writer (appends still queued fail), then frees the database once no reader holds it. If the writer
     * or a reader does not let go within 30 s, the native database is left open rather than freed under it.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(CLOSE);
        try {
            writer.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failRemaining();
        publishEnd(end);
        if (writer.isAlive()) {
            LOG.log(System.Logger.Level.ERROR, "journal writer did not stop within {0}; the database is left open", CLOSE_WAIT);
            return;
        }
        Lock exclusive = guard.writeLock();
        try {
            if (!exclusive.tryLock(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.ERROR, "journal readers did not finish within {0}; the database is left open",
                        CLOSE_WAIT);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.log(System.Logger.Level.ERROR, "journal close interrupted; the database is left open");
            return;
        }
        try {
            RocksStore s = store;
            if (s != null) {
                if (undo != null) {
                    writeUndo(s); // last try; otherwise the failed group may or may not come back at the next open
                }
                try {
                    s.db.syncWal();
                } catch (RocksDBException e) {
                    LOG.log(System.Logger.Level.WARNING, "final journal sync failed: {0}", e.getMessage());
                }
                s.close();
                store = null;
            }
            if (undo != null) {
                undo.close();
                undo = null;
            }
            groupWrite.close();
            plainWrite.close();
        } finally {
            exclusive.unlock();
        }
        LOG.log(System.Logger.Level.INFO, "journal closed dir={0} events={1}", config.directory(), end);
    }

    private static long lastOffset(RocksStore s) {
        try (RocksIterator it = s.db.newIterator(s.events)) {
            it.seekToLast();
            return it.isValid() ? JournalKeys.offsetOf(it.key()) : -1;
        }
    }

    private static List<ColumnFamilyHandle> repeat(ColumnFamilyHandle cf, int n) {
        List<ColumnFamilyHandle> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(cf);
        }
        return out;
    }

    private record Pending(List<Entry> entries, byte[][] encoded, CompletableFuture<List<Appended>> done) {
    }
}
