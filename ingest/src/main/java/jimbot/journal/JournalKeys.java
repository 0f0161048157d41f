package jimbot.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** How the embedded journal lays out its keys: big-endian offsets, and game id + 0 + offset for a game's index. */
final class JournalKeys {

    private JournalKeys() {
    }

    static byte[] offsetKey(long offset) {
        return ByteBuffer.allocate(Long.BYTES).putLong(offset).array();
    }

    static long offsetOf(byte[] key) {
        return ByteBuffer.wrap(key).getLong();
    }

    /** Game id bytes, a 0 separator, then the big-endian offset: a game's keys sort by offset. */
    static byte[] gameKey(String gameId, long offset) {
        byte[] id = bytes(gameId);
        return ByteBuffer.allocate(id.length + 1 + Long.BYTES).put(id).put((byte) 0).putLong(offset).array();
    }

    /** The offset in a key of {@code gameId}'s index, or -1 when the key belongs to another game. */
    static long gameOffset(byte[] key, byte[] prefix) {
        int length = prefix.length - Long.BYTES;
        if (key.length != prefix.length) {
            return -1;
        }
        for (int i = 0; i < length; i++) {
            if (key[i] != prefix[i]) {
                return -1;
            }
        }
        return ByteBuffer.wrap(key, length, Long.BYTES).getLong();
    }

    /** Quarantine records sit beside the checkpoints, after a byte no consumer name starts with. */
    static final byte[] QUARANTINE = {1};

    /** 1, the consumer's name, 0, the big-endian offset: a consumer's records sort by offset. */
    static byte[] quarantineKey(String consumer, long offset) {
        byte[] name = bytes(consumer);
        return ByteBuffer.allocate(1 + name.length + 1 + Long.BYTES).put(QUARANTINE).put(name).put((byte) 0)
                .putLong(offset).array();
    }

    static String quarantineConsumer(byte[] key) {
        return new String(key, 1, key.length - 2 - Long.BYTES, StandardCharsets.UTF_8);
    }

    static long quarantineOffset(byte[] key) {
        return ByteBuffer.wrap(key, key.length - Long.BYTES, Long.BYTES).getLong();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
