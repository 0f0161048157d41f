package jimbot.journal;

import java.util.ArrayList;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.Env;
import org.rocksdb.Priority;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * One open RocksDB instance of the journal with its column families: {@code events} (offset → Event), {@code games}
 * (game id, offset → nothing), {@code dedupe} (dedupe key → offset), {@code state} (sequencer state),
 * {@code checkpoints} (consumer → offset). The journal replaces it with a fresh one to recover from a write error,
 * which RocksDB keeps reporting until the database is opened again.
 */
final class RocksStore implements AutoCloseable {

    static {
        RocksDB.loadLibrary();
    }

    final RocksDB db;
    final ColumnFamilyHandle events;
    final ColumnFamilyHandle games;
    final ColumnFamilyHandle dedupe;
    final ColumnFamilyHandle state;
    final ColumnFamilyHandle checkpoints;
    private final ColumnFamilyHandle defaultCf;
    private final DBOptions dbOptions;
    private final List<ColumnFamilyOptions> cfOptions;

    private RocksStore(String directory) throws RocksDBException {
        this.dbOptions = new DBOptions()
                .setCreateIfMissing(true)
                .setCreateMissingColumnFamilies(true)
                .setKeepLogFileNum(4)
                .setMaxTotalWalSize(256L << 20)
                .setMaxBackgroundJobs(2);
        // flushes and compactions must not take the CPU the request threads need: run them at low priority
        Env.getDefault().lowerThreadPoolCPUPriority(Priority.LOW).lowerThreadPoolCPUPriority(Priority.HIGH);
        this.cfOptions = new ArrayList<>();
        List<ColumnFamilyDescriptor> descriptors = List.of(
                new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, options(false, false)),
                new ColumnFamilyDescriptor(JournalKeys.bytes("events"), options(true, false)),
                new ColumnFamilyDescriptor(JournalKeys.bytes("games"), options(false, false)),
                new ColumnFamilyDescriptor(JournalKeys.bytes("dedupe"), options(false, true)),
                new ColumnFamilyDescriptor(JournalKeys.bytes("state"), options(false, false)),
                new ColumnFamilyDescriptor(JournalKeys.bytes("checkpoints"), options(false, false)));
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try {
            this.db = RocksDB.open(dbOptions, directory, descriptors, handles);
        } catch (RocksDBException e) {
            dbOptions.close();
            cfOptions.forEach(ColumnFamilyOptions::close);
            throw e;
        }
        this.defaultCf = handles.get(0);
        this.events = handles.get(1);
        this.games = handles.get(2);
        this.dedupe = handles.get(3);
        this.state = handles.get(4);
        this.checkpoints = handles.get(5);
    }

    /** Opens (or creates) the journal's database in {@code directory}. */
    static RocksStore open(String directory) throws RocksDBException {
        return new RocksStore(directory);
    }

    private ColumnFamilyOptions options(boolean compress, boolean pointLookups) {
        ColumnFamilyOptions o = new ColumnFamilyOptions();
        o.setCompressionType(compress ? CompressionType.LZ4_COMPRESSION : CompressionType.NO_COMPRESSION);
        if (pointLookups) {
            o.setTableFormatConfig(new BlockBasedTableConfig().setFilterPolicy(new BloomFilter(10, false)));
        }
        cfOptions.add(o);
        return o;
    }

    /** The column families whose sizes make the journal's size. */
    List<ColumnFamilyHandle> sized() {
        return List.of(events, games, dedupe, state, checkpoints);
    }

    /** Frees the native database: no thread may touch it afterwards (the journal's guard makes sure). */
    @Override
    public void close() {
        for (ColumnFamilyHandle h : List.of(events, games, dedupe, state, checkpoints, defaultCf)) {
            h.close();
        }
        db.close();
        dbOptions.close();
        cfOptions.forEach(ColumnFamilyOptions::close);
    }
}
