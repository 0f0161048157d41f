package jimbot.journal;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
import java.util.concurrent.locks.ReentrantLock;
import jimbot.v1.Event;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.Env;
import org.rocksdb.Priority;
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
 * <p>Column families: {@code events} (offset → Event), {@code games} (game id, offset → nothing),
 * {@code dedupe} (dedupe key → offset), {@code state} (sequencer state), {@code checkpoints} (consumer → offset).
 */
public final class RocksDbJournal implements Journal {

    private static final System.Logger LOG = System.getLogger(RocksDbJournal.class.getName());
    private static final byte[] EMPTY = new byte[0];
    private static final Pending CLOSE = new Pending(List.of(), new byte[0][], new CompletableFuture<>());

    static {
        RocksDB.loadLibrary();
    }

    private final JournalConfig config;
    private final Sequencer sequencer;
    private final DBOptions dbOptions;
    private final List<ColumnFamilyOptions> cfOptions = new ArrayList<>();
    private final RocksDB db;
    private final ColumnFamilyHandle defaultCf;
    private final ColumnFamilyHandle eventsCf;
    private final ColumnFamilyHandle gamesCf;
    private final ColumnFamilyHandle dedupeCf;
    private final ColumnFamilyHandle stateCf;
    private final ColumnFamilyHandle checkpointsCf;
    private final WriteOptions groupWrite;
    private final WriteOptions plainWrite;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final ReentrantLock endLock = new ReentrantLock();
    private final Condition endMoved = endLock.newCondition();
    private volatile long end;
    private volatile boolean closed;

    private final Timer appendTimer;
    private final Timer syncTimer;
    private final DistributionSummary groupSize;

    private RocksDbJournal(JournalConfig config, Sequencer sequencer, MeterRegistry meters) throws RocksDBException {
        this.config = config;
        this.sequencer = sequencer;
        try {
            Files.createDirectories(config.directory());
        } catch (IOException e) {
            throw new JournalUnavailableException("cannot create journal directory " + config.directory(), e);
        }
        this.dbOptions = new DBOptions()
                .setCreateIfMissing(true)
                .setCreateMissingColumnFamilies(true)
                .setKeepLogFileNum(4)
                .setMaxTotalWalSize(256L << 20)
                .setMaxBackgroundJobs(2);
        // flushes and compactions must not take the CPU the request threads need: run them at low priority
        Env.getDefault().lowerThreadPoolCPUPriority(Priority.LOW).lowerThreadPoolCPUPriority(Priority.HIGH);
        List<ColumnFamilyDescriptor> descriptors = List.of(
                new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, options(false, false)),
                new ColumnFamilyDescriptor(bytes("events"), options(true, false)),
                new ColumnFamilyDescriptor(bytes("games"), options(false, false)),
                new ColumnFamilyDescriptor(bytes("dedupe"), options(false, true)),
                new ColumnFamilyDescriptor(bytes("state"), options(false, false)),
                new ColumnFamilyDescriptor(bytes("checkpoints"), options(false, false)));
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        this.db = RocksDB.open(dbOptions, config.directory().toString(), descriptors, handles);
        this.defaultCf = handles.get(0);
        this.eventsCf = handles.get(1);
        this.gamesCf = handles.get(2);
        this.dedupeCf = handles.get(3);
        this.stateCf = handles.get(4);
        this.checkpointsCf = handles.get(5);
        // The group is written without sync and then the WAL is synced once, so append and sync
        // latency can be measured apart; durability is the same as a synced write.
        this.groupWrite = new WriteOptions().setSync(false);
        this.plainWrite = new WriteOptions().setSync(false);
        this.end = lastOffset() + 1;

        this.appendTimer = Timer.builder("jimbot.journal.append")
                .description("Time to write one group of events to the journal, before sync")
                .publishPercentileHistogram().register(meters);
        this.syncTimer = Timer.builder("jimbot.journal.sync")
                .description("Time to sync the journal's write-ahead log for one group")
                .publishPercentileHistogram().register(meters);
        this.groupSize = DistributionSummary.builder("jimbot.journal.group.events")
                .description("Events offered per group commit").register(meters);
        Gauge.builder("jimbot.journal.events", this, j -> j.end).description("Events stored in the journal")
                .register(meters);
        Gauge.builder("jimbot.journal.size", this, j -> j.stats().approximateBytes()).baseUnit("bytes")
                .description("Approximate size of the journal on disk").register(meters);

        sequencer.restore(this::state);
        this.writer = Thread.ofPlatform().name("journal-writer").daemon(false).unstarted(this::writeLoop);
        writer.start();
        LOG.log(System.Logger.Level.INFO, "journal open dir={0} events={1} durability={2}",
                config.directory(), end, config.durability());
    }

    /** Opens (or creates) the journal in {@code config.directory()}. */
    public static RocksDbJournal open(JournalConfig config, Sequencer sequencer, MeterRegistry meters) {
        try {
            return new RocksDbJournal(config, sequencer, meters);
        } catch (RocksDBException e) {
            throw new JournalUnavailableException("cannot open journal in " + config.directory() + ": " + e.getMessage(), e);
        }
    }

    private ColumnFamilyOptions options(boolean compress, boolean pointLookups) {
        ColumnFamilyOptions o = new ColumnFamilyOptions();
        o.setCompressionType(compress ? CompressionType.valueOf(System.getProperty("jb.comp","LZ4_COMPRESSION")) : CompressionType.NO_COMPRESSION);
        if (pointLookups) {
            o.setTableFormatConfig(new BlockBasedTableConfig().setFilterPolicy(new BloomFilter(10, false)));
        }
        cfOptions.add(o);
        return o;
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
            encoded[i] = encode(entries.get(i).event(), entries.get(i).raw());
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
                for (Pending p : group) {
                    p.done().completeExceptionally(new JournalUnavailableException("journal write failed", e));
                }
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
        Map<ByteString, Long> known = knownDedupeKeys(group);
        Sequencer.Group sequencing = sequencer.begin();
        List<List<Appended>> results = new ArrayList<>(group.size());
        long next = end;
        try (WriteBatch batch = new WriteBatch()) {
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
                    batch.put(eventsCf, offsetKey(offset), withPatch(p.encoded()[i], patch, offset));
                    if (!key.isEmpty()) {
                        batch.put(dedupeCf, key.toByteArray(), offsetKey(offset));
                        known.put(key, offset);
                    }
                    String gameId = patch.getGameId().isEmpty() ? entry.event().getGameId() : patch.getGameId();
                    if (!gameId.isEmpty()) {
                        batch.put(gamesCf, gameKey(gameId, offset), EMPTY);
                    }
                    outcome.add(new Appended.Stored(offset, entry.event(), patch));
                }
                results.add(outcome);
            }
            for (Map.Entry<String, Optional<ByteString>> change : sequencing.changes().entrySet()) {
                byte[] stateKey = bytes(change.getKey());
                if (change.getValue().isPresent()) {
                    batch.put(stateCf, stateKey, change.getValue().get().toByteArray());
                } else {
                    batch.delete(stateCf, stateKey);
                }
            }
            if (next != end || batch.count() > 0) {
                long t0 = System.nanoTime();
                db.write(groupWrite, batch);
                long t1 = System.nanoTime();
                if (config.durability() == JournalConfig.Durability.SYNC) {
                    db.syncWal();
                }
                long t2 = System.nanoTime();
                appendTimer.record(t1 - t0, TimeUnit.NANOSECONDS);
                syncTimer.record(t2 - t1, TimeUnit.NANOSECONDS);
            }
        } catch (RocksDBException | RuntimeException e) {
            sequencing.abort();
            LOG.log(System.Logger.Level.ERROR, "journal write of {0} events failed: {1}", count, e.getMessage());
            for (Pending p : group) {
                p.done().completeExceptionally(new JournalUnavailableException("journal write failed: " + e.getMessage(), e));
            }
            return;
        }
        sequencing.commit();
        publishEnd(next);
        for (int i = 0; i < group.size(); i++) {
            group.get(i).done().complete(List.copyOf(results.get(i)));
        }
    }

    /** Offsets already stored for the group's dedupe keys, read in one multi-get. */
    private Map<ByteString, Long> knownDedupeKeys(List<Pending> group) throws JournalUnavailableException {
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
        List<ColumnFamilyHandle> cfs = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            cfs.add(dedupeCf);
        }
        try {
            List<byte[]> values = db.multiGetAsList(cfs, keys);
            for (int i = 0; i < keys.size(); i++) {
                byte[] v = values.get(i);
                if (v != null) {
                    known.put(ByteString.copyFrom(keys.get(i)), ByteBuffer.wrap(v).getLong());
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

    private void failRemaining() {
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        for (Pending p : left) {
            p.done().completeExceptionally(new JournalUnavailableException("journal is closed"));
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
        try (ReadOptions ro = new ReadOptions(); RocksIterator it = db.newIterator(eventsCf, ro)) {
            for (it.seek(offsetKey(Math.max(0, from))); it.isValid() && out.size() < limit; it.next()) {
                long offset = ByteBuffer.wrap(it.key()).getLong();
                if (offset >= stop) {
                    break;
                }
                out.add(parse(it.value()));
            }
        }
        return out;
    }

    @Override
    public List<Event> readGame(String gameId, long from, int limit) {
        long stop = end;
        List<Event> out = new ArrayList<>();
        if (limit <= 0 || gameId.isEmpty()) {
            return out;
        }
        byte[] prefix = gameKey(gameId, 0);
        int prefixLength = prefix.length - Long.BYTES;
        List<byte[]> offsets = new ArrayList<>();
        try (ReadOptions ro = new ReadOptions(); RocksIterator it = db.newIterator(gamesCf, ro)) {
            for (it.seek(gameKey(gameId, Math.max(0, from))); it.isValid() && offsets.size() < limit; it.next()) {
                byte[] key = it.key();
                if (key.length != prefix.length || !samePrefix(key, prefix, prefixLength)) {
                    break;
                }
                long offset = ByteBuffer.wrap(key, prefixLength, Long.BYTES).getLong();
                if (offset >= stop) {
                    break;
                }
                offsets.add(offsetKey(offset));
            }
        }
        if (offsets.isEmpty()) {
            return out;
        }
        List<ColumnFamilyHandle> cfs = new ArrayList<>(offsets.size());
        for (int i = 0; i < offsets.size(); i++) {
            cfs.add(eventsCf);
        }
        try {
            for (byte[] value : db.multiGetAsList(cfs, offsets)) {
                if (value != null) {
                    out.add(parse(value));
                }
            }
        } catch (RocksDBException e) {
            throw new JournalUnavailableException("journal read failed: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public List<Event> readGameBackwards(String gameId, long before, int limit) {
        List<Event> out = new ArrayList<>();
        long stop = Math.min(before, end);
        if (limit <= 0 || gameId.isEmpty() || stop <= 0) {
            return out;
        }
        byte[] prefix = gameKey(gameId, 0);
        int prefixLength = prefix.length - Long.BYTES;
        List<byte[]> offsets = new ArrayList<>();
        try (ReadOptions ro = new ReadOptions(); RocksIterator it = db.newIterator(gamesCf, ro)) {
            for (it.seekForPrev(gameKey(gameId, stop - 1)); it.isValid() && offsets.size() < limit; it.prev()) {
                byte[] key = it.key();
                if (key.length != prefix.length || !samePrefix(key, prefix, prefixLength)) {
                    break;
                }
                offsets.add(offsetKey(ByteBuffer.wrap(key, prefixLength, Long.BYTES).getLong()));
            }
        }
        if (offsets.isEmpty()) {
            return out;
        }
        List<ColumnFamilyHandle> cfs = new ArrayList<>(offsets.size());
        for (int i = 0; i < offsets.size(); i++) {
            cfs.add(eventsCf);
        }
        try {
            for (byte[] value : db.multiGetAsList(cfs, offsets)) {
                if (value != null) {
                    out.add(parse(value));
                }
            }
        } catch (RocksDBException e) {
            throw new JournalUnavailableException("journal read failed: " + e.getMessage(), e);
        }
        return out;
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
        try {
            byte[] v = db.get(checkpointsCf, bytes(consumer));
            return v == null ? OptionalLong.empty() : OptionalLong.of(ByteBuffer.wrap(v).getLong());
        } catch (RocksDBException e) {
            throw new JournalUnavailableException("checkpoint read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void saveCheckpoint(String consumer, long nextOffset) {
        try {
            db.put(checkpointsCf, plainWrite, bytes(consumer), offsetKey(nextOffset));
        } catch (RocksDBException e) {
            throw new JournalUnavailableException("checkpoint write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, ByteString> state(String prefix) {
        Map<String, ByteString> out = new LinkedHashMap<>();
        try (ReadOptions ro = new ReadOptions(); RocksIterator it = db.newIterator(stateCf, ro)) {
            for (it.seek(bytes(prefix)); it.isValid(); it.next()) {
                String key = new String(it.key(), StandardCharsets.UTF_8);
                if (!key.startsWith(prefix)) {
                    break;
                }
                out.put(key, ByteString.copyFrom(it.value()));
            }
        }
        return out;
    }

    @Override
    public JournalStats stats() {
        long bytes = 0;
        try {
            for (ColumnFamilyHandle cf : List.of(eventsCf, gamesCf, dedupeCf, stateCf, checkpointsCf)) {
                bytes += db.getLongProperty(cf, "rocksdb.total-sst-files-size");
                bytes += db.getLongProperty(cf, "rocksdb.cur-size-all-mem-tables");
            }
        } catch (RocksDBException e) {
            LOG.log(System.Logger.Level.WARNING, "journal size unavailable: {0}", e.getMessage());
        }
        return new JournalStats(end, bytes);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(CLOSE);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failRemaining();
        publishEnd(end);
        try {
            db.syncWal();
        } catch (RocksDBException e) {
            LOG.log(System.Logger.Level.WARNING, "final journal sync failed: {0}", e.getMessage());
        }
        for (ColumnFamilyHandle h : List.of(eventsCf, gamesCf, dedupeCf, stateCf, checkpointsCf, defaultCf)) {
            h.close();
        }
        db.close();
        groupWrite.close();
        plainWrite.close();
        dbOptions.close();
        cfOptions.forEach(ColumnFamilyOptions::close);
        LOG.log(System.Logger.Level.INFO, "journal closed dir={0} events={1}", config.directory(), end);
    }

    private long lastOffset() {
        try (RocksIterator it = db.newIterator(eventsCf)) {
            it.seekToLast();
            return it.isValid() ? ByteBuffer.wrap(it.key()).getLong() : -1;
        }
    }

    private static Event parse(byte[] value) {
        try {
            return Event.parseFrom(value);
        } catch (InvalidProtocolBufferException e) {
            throw new JournalUnavailableException("journal holds an unreadable event: " + e.getMessage(), e);
        }
    }

    /** The event's bytes followed by its raw field: protobuf merges the two into one message when read. */
    private static byte[] encode(Event event, ByteString raw) {
        if (raw.isEmpty()) {
            return event.toByteArray();
        }
        int size = event.getSerializedSize() + CodedOutputStream.computeBytesSize(Event.RAW_FIELD_NUMBER, raw);
        byte[] out = new byte[size];
        CodedOutputStream cos = CodedOutputStream.newInstance(out);
        try {
            event.writeTo(cos);
            cos.writeBytes(Event.RAW_FIELD_NUMBER, raw);
            cos.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The encoded event followed by the patch and the offset: protobuf keeps the last value of a scalar field and
     * merges message fields, so the bytes read back as the event with the patch applied and the offset set.
     */
    private static byte[] withPatch(byte[] encoded, Event patch, long offset) {
        int patchSize = patch.getSerializedSize();
        int size = encoded.length + patchSize + CodedOutputStream.computeUInt64Size(Event.OFFSET_FIELD_NUMBER, offset);
        byte[] out = Arrays.copyOf(encoded, size);
        CodedOutputStream cos = CodedOutputStream.newInstance(out, encoded.length, size - encoded.length);
        try {
            patch.writeTo(cos);
            cos.writeUInt64(Event.OFFSET_FIELD_NUMBER, offset);
            cos.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static byte[] offsetKey(long offset) {
        return ByteBuffer.allocate(Long.BYTES).putLong(offset).array();
    }

    /** Game id bytes, a 0 separator, then the big-endian offset: a game's keys sort by offset. */
    static byte[] gameKey(String gameId, long offset) {
        byte[] id = bytes(gameId);
        return ByteBuffer.allocate(id.length + 1 + Long.BYTES).put(id).put((byte) 0).putLong(offset).array();
    }

    private static boolean samePrefix(byte[] key, byte[] prefix, int length) {
        for (int i = 0; i < length; i++) {
            if (key[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private record Pending(List<Entry> entries, byte[][] encoded, CompletableFuture<List<Appended>> done) {
    }
}
