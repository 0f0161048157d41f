package jimbot.ingest.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Canonical digests of parsed JSON (key order ignored) and its conversion to {@code google.protobuf.Struct}. */
public final class JsonContent {

    /** Bytes of the digest kept in dedupe keys: 128 bits. */
    public static final int DIGEST_BYTES = 16;

    private JsonContent() {
    }

    /**
     * A 128-bit digest of the node's content: objects with the same members in any key order digest alike;
     * numbers digest by value ({@code 7} and {@code 7.0} alike); a string never digests like a number.
     */
    public static byte[] digest(JsonNode node) {
        return StructWire.digestOf(node);
    }

    /**
     * The members of an object, minus {@code skip}, as encoded {@code google.protobuf.Struct} bytes: the same
     * Struct {@link #toStruct} builds, at a fraction of the cost.
     */
    public static byte[] toStructBytes(JsonNode node, Set<String> skip) {
        return StructWire.encode(node, skip).struct();
    }

    /** The members of an object, minus {@code skip}, as a Struct. A non-object gives an empty Struct. */
    public static Struct toStruct(JsonNode node, Set<String> skip) {
        Struct.Builder b = Struct.newBuilder();
        if (node == null || !node.isObject()) {
            return b.build();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!skip.contains(f.getKey())) {
                b.putFields(f.getKey(), toValue(f.getValue()));
            }
        }
        return b.build();
    }

    /** A protobuf Value as JSON: whole numbers print without a fraction, NaN and infinities as strings. */
    public static JsonNode toJson(Value value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> f.nullNode();
            case BOOL_VALUE -> f.booleanNode(value.getBoolValue());
            case NUMBER_VALUE -> {
                double d = value.getNumberValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    yield f.textNode(Double.toString(d));
                }
                if (d == Math.rint(d) && Math.abs(d) < 0x1p53) {
                    long whole = (long) d;
                    yield whole == (int) whole ? f.numberNode((int) whole) : f.numberNode(whole);
                }
                yield f.numberNode(d);
            }
            case STRING_VALUE -> f.textNode(value.getStringValue());
            case LIST_VALUE -> {
                ArrayNode a = f.arrayNode(value.getListValue().getValuesCount());
                value.getListValue().getValuesList().forEach(v -> a.add(toJson(v)));
                yield a;
            }
            case STRUCT_VALUE -> toJson(value.getStructValue());
        };
    }

    /** A Struct as a JSON object (see {@link #toJson(Value)}). */
    public static ObjectNode toJson(Struct struct) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        struct.getFieldsMap().forEach((k, v) -> o.set(k, toJson(v)));
        return o;
    }

    /** A JSON value as a protobuf Value. Numbers become doubles (exact up to 2^53). */
    public static Value toValue(JsonNode node) {
        return switch (node.getNodeType()) {
            case NULL, MISSING -> Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
            case BOOLEAN -> Value.newBuilder().setBoolValue(node.booleanValue()).build();
            case NUMBER -> Value.newBuilder().setNumberValue(node.doubleValue()).build();
            case STRING -> Value.newBuilder().setStringValue(node.textValue()).build();
            case ARRAY -> {
                ListValue.Builder list = ListValue.newBuilder();
                for (JsonNode item : node) {
                    list.addValues(toValue(item));
                }
                yield Value.newBuilder().setListValue(list).build();
            }
            case OBJECT -> Value.newBuilder().setStructValue(toStruct(node, Set.of())).build();
            case BINARY, POJO -> Value.newBuilder().setStringValue(node.toString()).build();
        };
    }
}
