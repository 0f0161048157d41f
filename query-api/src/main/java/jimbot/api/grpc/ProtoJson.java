package jimbot.api.grpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jimbot.ingest.http.HttpJson;

/**
 * Converts between {@code google.protobuf.Struct}/{@code Value} and the JSON trees and plain Java values the engine's
 * HTTP paths already read, so that a gRPC request goes through exactly the parser its HTTP twin does.
 */
public final class ProtoJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Doubles up to 2^53 are exact integers; beyond it a number stays a double. */
    private static final double EXACT = 9_007_199_254_740_992d;

    private ProtoJson() {
    }

    /** A Struct as a JSON object; whole numbers become JSON integers (a Struct has only doubles). */
    public static ObjectNode json(Struct struct) {
        ObjectNode out = NODES.objectNode();
        struct.getFieldsMap().forEach((k, v) -> out.set(k, json(v)));
        return out;
    }

    /** A Value as JSON. */
    public static JsonNode json(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> NODES.nullNode();
            case BOOL_VALUE -> NODES.booleanNode(value.getBoolValue());
            case STRING_VALUE -> NODES.textNode(value.getStringValue());
            case NUMBER_VALUE -> number(value.getNumberValue());
            case STRUCT_VALUE -> json(value.getStructValue());
            case LIST_VALUE -> {
                ArrayNode a = NODES.arrayNode();
                value.getListValue().getValuesList().forEach(v -> a.add(json(v)));
                yield a;
            }
        };
    }

    private static JsonNode number(double d) {
        if (d == Math.rint(d) && Math.abs(d) <= EXACT) {
            return NODES.numberNode((long) d);
        }
        return NODES.numberNode(d);
    }

    /** A Struct as the plain values (maps, lists, longs, doubles, strings, booleans, nulls) procedures take. */
    public static Map<String, Object> values(Struct struct) {
        Map<String, Object> out = new LinkedHashMap<>();
        struct.getFieldsMap().forEach((k, v) -> out.put(k, value(v)));
        return out;
    }

    private static Object value(Value v) {
        return switch (v.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case BOOL_VALUE -> v.getBoolValue();
            case STRING_VALUE -> v.getStringValue();
            case NUMBER_VALUE -> {
                double d = v.getNumberValue();
                yield d == Math.rint(d) && Math.abs(d) <= EXACT ? (Object) (long) d : (Object) d;
            }
            case STRUCT_VALUE -> values(v.getStructValue());
            case LIST_VALUE -> {
                List<Object> list = new ArrayList<>();
                v.getListValue().getValuesList().forEach(x -> list.add(value(x)));
                yield list;
            }
        };
    }

    /** A row of plain values (or anything Jackson can render) as a Struct. */
    public static Struct struct(Map<String, ?> row) {
        Struct.Builder b = Struct.newBuilder();
        row.forEach((k, v) -> b.putFields(k, toValue(v)));
        return b.build();
    }

    /** Any value Jackson can render, as a protobuf Value. Integers past 2^53 become decimal text, never rounded. */
    public static Value toValue(Object v) {
        return fromJson(v instanceof JsonNode n ? n : HttpJson.MAPPER.valueToTree(v));
    }

    /** JSON as a protobuf Value. */
    public static Value fromJson(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (n.isBoolean()) {
            return Value.newBuilder().setBoolValue(n.booleanValue()).build();
        }
        if (n.isIntegralNumber()) {
            BigInteger big = n.bigIntegerValue();
            return big.abs().compareTo(BigInteger.valueOf((long) EXACT)) <= 0
                    ? Value.newBuilder().setNumberValue(big.doubleValue()).build()
                    : Value.newBuilder().setStringValue(big.toString()).build();
        }
        if (n.isNumber()) {
            return Value.newBuilder().setNumberValue(n.doubleValue()).build();
        }
        if (n.isTextual()) {
            return Value.newBuilder().setStringValue(n.textValue()).build();
        }
        if (n.isArray()) {
            ListValue.Builder l = ListValue.newBuilder();
            n.forEach(x -> l.addValues(fromJson(x)));
            return Value.newBuilder().setListValue(l).build();
        }
        if (n.isObject()) {
            Struct.Builder s = Struct.newBuilder();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                s.putFields(f.getKey(), fromJson(f.getValue()));
            }
            return Value.newBuilder().setStructValue(s).build();
        }
        // binary and POJO nodes: their text
        return Value.newBuilder().setStringValue(n.asText()).build();
    }

    /** An exact decimal text for a number that may exceed a long. */
    public static String exact(Object number) {
        return number instanceof BigDecimal d ? d.toPlainString() : String.valueOf(number);
    }
}
