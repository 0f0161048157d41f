package jimbot.ingest.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * One walk over an event's JSON that yields what the intake needs from all of it: the content digest for dedupe
 * and the wire form of {@code google.protobuf.Struct} for {@code raw}, written without building the Struct
 * (building one allocates a map, an entry and a Value per JSON node, which was the intake's largest cost).
 *
 * <p>The first pass computes the digest and the size of every value (pre-order, plus the inner size of each
 * container); the second writes, reading those sizes in the same order for the length prefixes.
 *
 * <p>The digest is a 128-bit structural hash: objects combine their members with a sum, so key order does not
 * matter; arrays combine their items in order; numbers hash by value ({@code 7} and {@code 7.0} alike), and a
 * string never hashes like a number. It is built to tell apart different events that share an event_id by
 * accident (the mod's ids come from a reseeded {@code math.random}), not to resist forgery: the game is a
 * trusted client.
 */
final class StructWire {

    // google/protobuf/struct.proto field numbers
    private static final int STRUCT_FIELDS = 1;
    private static final int ENTRY_KEY = 1;
    private static final int ENTRY_VALUE = 2;
    private static final int VALUE_NULL = 1;
    private static final int VALUE_NUMBER = 2;
    private static final int VALUE_STRING = 3;
    private static final int VALUE_BOOL = 4;
    private static final int VALUE_STRUCT = 5;
    private static final int VALUE_LIST = 6;
    private static final int LIST_VALUES = 1;

    // distinct starting points per kind of value, per lane
    private static final long NULL_A = 0x6a09e667f3bcc908L;
    private static final long NULL_B = 0xbb67ae8584caa73bL;
    private static final long TRUE_A = 0x3c6ef372fe94f82bL;
    private static final long TRUE_B = 0xa54ff53a5f1d36f1L;
    private static final long FALSE_A = 0x510e527fade682d1L;
    private static final long FALSE_B = 0x9b05688c2b3e6c1fL;
    private static final long INTEGER_A = 0x1f83d9abfb41bd6bL;
    private static final long INTEGER_B = 0x5be0cd19137e2179L;
    private static final long DECIMAL_A = 0x428a2f98d728ae22L;
    private static final long DECIMAL_B = 0x7137449123ef65cdL;
    private static final long STRING_A = 0xb5c0fbcfec4d3b2fL;
    private static final long STRING_B = 0xe9b5dba58189dbbcL;
    private static final long ARRAY_A = 0x3956c25bf348b538L;
    private static final long ARRAY_B = 0x59f111f1b605d019L;
    private static final long OBJECT_A = 0x923f82a4af194f9bL;
    private static final long OBJECT_B = 0xab1c5ed5da6d8118L;

    /** What one encoding produced. */
    record Encoded(byte[] struct, byte[] digest) {
    }

    private int[] sizes = new int[64];
    private int count;
    private int cursor;
    // the hash of the value last visited, two independent 64-bit lanes
    private long hashA;
    private long hashB;

    private StructWire() {
    }

    /**
     * The digest of all of {@code root} and the encoded Struct of its members minus {@code skip} (an empty Struct
     * when the root is not an object).
     */
    static Encoded encode(JsonNode root, Set<String> skip) {
        StructWire w = new StructWire();
        if (root == null || !root.isObject()) {
            w.valueSize(root == null ? MissingNode.getInstance() : root);
            return new Encoded(new byte[0], w.digest());
        }
        int size = w.structSize(root, skip);
        byte[] digest = w.digest();
        byte[] out = new byte[size];
        CodedOutputStream cos = CodedOutputStream.newInstance(out);
        try {
            w.writeStruct(cos, root, skip);
            cos.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException("Struct size computed wrong", e);
        }
        return new Encoded(out, digest);
    }

    /** The content digest alone. */
    static byte[] digestOf(JsonNode node) {
        StructWire w = new StructWire();
        w.valueSize(node);
        return w.digest();
    }

    private byte[] digest() {
        return ByteBuffer.allocate(16).putLong(hashA).putLong(hashB).array();
    }

    private int reserve() {
        if (count == sizes.length) {
            sizes = Arrays.copyOf(sizes, count * 2);
        }
        return count++;
    }

    /**
     * Size of the Struct message holding the object's members minus {@code skip}; leaves the object's hash (over
     * every member, skipped ones included) in the hash lanes. Each encoded member's value takes size slots.
     */
    private int structSize(JsonNode object, Set<String> skip) {
        int total = 0;
        long sumA = 0;
        long sumB = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String key = f.getKey();
            boolean skipped = !skip.isEmpty() && skip.contains(key);
            int valueSize;
            if (skipped) {
                int before = count;
                valueSize(f.getValue());
                count = before; // the write pass never visits a skipped value: drop its slots
            } else {
                valueSize = valueSize(f.getValue());
                int entry = CodedOutputStream.computeStringSize(ENTRY_KEY, key) + lengthDelimited(ENTRY_VALUE, valueSize);
                total += lengthDelimited(STRUCT_FIELDS, entry);
            }
            long valueA = hashA;
            long valueB = hashB;
            hashString(key);
            sumA += mix(hashA * 0x9e3779b97f4a7c15L + valueA);
            sumB += mix(hashB * 0xc2b2ae3d27d4eb4fL + valueB);
        }
        hashA = mix(OBJECT_A ^ sumA ^ object.size());
        hashB = mix(OBJECT_B + sumB + object.size());
        return total;
    }

    /**
     * Size of the Value message for a node, kept in a slot (pre-order), plus a slot with the inner size for a
     * container; leaves the node's hash in the hash lanes.
     */
    private int valueSize(JsonNode node) {
        int slot = reserve();
        int size;
        switch (node.getNodeType()) {
            case NULL, MISSING -> {
                hashA = NULL_A;
                hashB = NULL_B;
                size = CodedOutputStream.computeEnumSize(VALUE_NULL, 0);
            }
            case BOOLEAN -> {
                hashA = node.booleanValue() ? TRUE_A : FALSE_A;
                hashB = node.booleanValue() ? TRUE_B : FALSE_B;
                size = CodedOutputStream.computeBoolSize(VALUE_BOOL, true);
            }
            case NUMBER -> {
                hashNumber(node);
                size = CodedOutputStream.computeDoubleSize(VALUE_NUMBER, 0);
            }
            case STRING -> {
                String text = node.textValue();
                hashString(text);
                hashA = mix(hashA ^ STRING_A);
                hashB = mix(hashB + STRING_B);
                size = CodedOutputStream.computeStringSize(VALUE_STRING, text);
            }
            case OBJECT -> {
                int inner = reserve();
                int total = structSize(node, Set.of());
                sizes[inner] = total;
                size = lengthDelimited(VALUE_STRUCT, total);
            }
            case ARRAY -> {
                int inner = reserve();
                int total = 0;
                long a = ARRAY_A;
                long b = ARRAY_B;
                for (JsonNode item : node) {
                    total += lengthDelimited(LIST_VALUES, valueSize(item));
                    a = mix(a * 0xff51afd7ed558ccdL + hashA);
                    b = mix((b ^ hashB) * 0xc4ceb9fe1a85ec53L);
                }
                hashA = mix(a ^ node.size());
                hashB = mix(b + node.size());
                sizes[inner] = total;
                size = lengthDelimited(VALUE_LIST, total);
            }
            case BINARY, POJO -> {
                String text = node.toString();
                hashString(text);
                size = CodedOutputStream.computeStringSize(VALUE_STRING, text);
            }
            default -> throw new IllegalStateException("unknown JSON node type " + node.getNodeType());
        }
        sizes[slot] = size;
        return size;
    }

    private void hashNumber(JsonNode node) {
        double d = node.doubleValue();
        long bits;
        boolean whole;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            bits = node.longValue();
            whole = true;
        } else if (!Double.isNaN(d) && !Double.isInfinite(d) && d == Math.rint(d) && Math.abs(d) < 0x1p62) {
            bits = (long) d;
            whole = true;
        } else if (node.isBigInteger()) {
            hashString(node.bigIntegerValue().toString());
            hashA = mix(hashA ^ DECIMAL_A);
            hashB = mix(hashB + DECIMAL_B);
            return;
        } else {
            bits = Double.doubleToLongBits(d);
            whole = false;
        }
        hashA = mix((whole ? INTEGER_A : DECIMAL_A) ^ bits);
        hashB = mix((whole ? INTEGER_B : DECIMAL_B) + bits * 0x9e3779b97f4a7c15L);
    }

    /** Two independent hashes of the characters, into the lanes. */
    private void hashString(String s) {
        long a = 0xcbf29ce484222325L;
        long b = 0x84222325cbf29ce4L;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            a = (a ^ c) * 0x100000001b3L;
            b = (b + c) * 0x9e3779b97f4a7c15L;
        }
        hashA = mix(a ^ n);
        hashB = mix(b + n);
    }

    /** The SplitMix64 finaliser: every input bit affects every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static int lengthDelimited(int field, int length) {
        return CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt32SizeNoTag(length) + length;
    }

    private void writeStruct(CodedOutputStream out, JsonNode object, Set<String> skip) throws IOException {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!skip.isEmpty() && skip.contains(f.getKey())) {
                continue;
            }
            int valueSize = sizes[cursor];
            int entry = CodedOutputStream.computeStringSize(ENTRY_KEY, f.getKey()) + lengthDelimited(ENTRY_VALUE, valueSize);
            out.writeTag(STRUCT_FIELDS, 2);
            out.writeUInt32NoTag(entry);
            out.writeString(ENTRY_KEY, f.getKey());
            out.writeTag(ENTRY_VALUE, 2);
            out.writeUInt32NoTag(valueSize);
            writeValue(out, f.getValue());
        }
    }

    /** Writes a Value, consuming its slots in the order the size pass filled them. */
    private void writeValue(CodedOutputStream out, JsonNode node) throws IOException {
        cursor++; // this value's own size was written by the caller
        switch (node.getNodeType()) {
            case NULL, MISSING -> out.writeEnum(VALUE_NULL, 0);
            case BOOLEAN -> out.writeBool(VALUE_BOOL, node.booleanValue());
            case NUMBER -> out.writeDouble(VALUE_NUMBER, node.doubleValue());
            case STRING -> out.writeString(VALUE_STRING, node.textValue());
            case OBJECT -> {
                out.writeTag(VALUE_STRUCT, 2);
                out.writeUInt32NoTag(sizes[cursor++]);
                writeStruct(out, node, Set.of());
            }
            case ARRAY -> {
                out.writeTag(VALUE_LIST, 2);
                out.writeUInt32NoTag(sizes[cursor++]);
                for (JsonNode item : node) {
                    out.writeTag(LIST_VALUES, 2);
                    out.writeUInt32NoTag(sizes[cursor]);
                    writeValue(out, item);
                }
            }
            case BINARY, POJO -> out.writeString(VALUE_STRING, node.toString());
        }
    }
}
