package jimbot.journal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * How the embedded journal stores events.
 *
 * @param directory where RocksDB keeps its files (default {@code <data-dir>/journal})
 * @param durability whether an append waits for fsync (default {@link Durability#SYNC}; only benchmarks of the
 *     journal itself should ever turn it off)
 * @param maxGroupRequests how many waiting append calls one write (and one fsync) may carry (default 512)
 */
public record JournalConfig(Path directory, Durability durability, int maxGroupRequests) {

    public static final int MAX_GROUP_REQUESTS_DEFAULT = 512;

    /** When an append counts as done. */
    public enum Durability {
        /** After the write-ahead log is synced to disk: survives a power cut. */
        SYNC,
        /** After the write reached the operating system: survives a process crash, not a power cut. */
        OS_BUFFERED
    }

    public JournalConfig {
        Objects.requireNonNull(directory, "directory");
        directory = directory.toAbsolutePath().normalize();
        Objects.requireNonNull(durability, "durability");
        if (maxGroupRequests < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "journal.max-group-requests is %d; expected at least 1", maxGroupRequests));
        }
    }

    /** Defaults for a journal under {@code directory}. */
    public static JournalConfig at(Path directory) {
        return new JournalConfig(directory, Durability.SYNC, MAX_GROUP_REQUESTS_DEFAULT);
    }
}
