package jimbot.ingest.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads values the way the mods really send them: numbers as strings, booleans as strings, an empty list as
 * {@code {}}, ids as numbers or strings. Every reader is total: a value of the wrong kind reads as the default.
 */
final class Lenient {

    private Lenient() {
    }

    /** The node's text: strings as they are, numbers and booleans as written; "" for anything else. */
    static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull() || node.isContainerNode()) {
            return "";
        }
        return node.asText("");
    }

    static String text(JsonNode parent, String field) {
        return text(parent.path(field));
    }

    /** Upper snake case of the node's text ("hand_selection" → "HAND_SELECTION"). */
    static String upper(JsonNode node) {
        return text(node).trim().toUpperCase(Locale.ROOT);
    }

    /** A whole number: ints, floats (truncated), numeric strings, booleans (1/0); 0 otherwise. */
    static long integer(JsonNode node) {
        if (node == null) {
            return 0;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? node.asLong() : (node.bigIntegerValue().signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE);
        }
        if (node.isNumber()) {
            return saturate(node.asDouble());
        }
        if (node.isBoolean()) {
            return node.asBoolean() ? 1 : 0;
        }
        if (node.isTextual()) {
            String s = node.asText().trim();
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException notLong) {
                return saturate(parseDouble(s));
            }
        }
        return 0;
    }

    static int int32(JsonNode node) {
        long v = integer(node);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    static int int32(JsonNode parent, String field) {
        return int32(parent.path(field));
    }

    /** A number: numbers, numeric strings ("1e12", "inf"), booleans (1/0); 0 otherwise. */
    static double number(JsonNode node) {
        if (node == null) {
            return 0;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean() ? 1 : 0;
        }
        if (node.isTextual()) {
            return parseDouble(node.asText().trim());
        }
        return 0;
    }

    static double number(JsonNode parent, String field) {
        return number(parent.path(field));
    }

    /** A boolean: true, "true", "yes", "1", non-zero numbers. */
    static boolean bool(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isNumber()) {
            return node.asDouble() != 0;
        }
        if (node.isTextual()) {
            String s = node.asText().trim().toLowerCase(Locale.ROOT);
            return s.equals("true") || s.equals("yes") || s.equals("1");
        }
        return false;
    }

    static boolean bool(JsonNode parent, String field) {
        return bool(parent.path(field));
    }

    /** The elements of a list: an array's items, an object's values ({@code {}} is an empty list); else none. */
    static List<JsonNode> list(JsonNode node) {
        if (node == null || !node.isContainerNode()) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>(node.size());
        node.elements().forEachRemaining(out::add);
        return out;
    }

    /** An object's entries in order; an array's items keyed by index; else none. */
    static List<Map.Entry<String, JsonNode>> entries(JsonNode node) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                out.add(it.next());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(Map.entry(Integer.toString(i), node.get(i)));
            }
        }
        return out;
    }

    /** The node when it is an object, else an empty (missing) node whose every path reads as the default. */
    static JsonNode object(JsonNode node) {
        return node != null && node.isObject() ? node : MissingNode.getInstance();
    }

    private static double parseDouble(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        switch (s.toLowerCase(Locale.ROOT)) {
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case "nan", "-nan" -> {
                return Double.NaN;
            }
            default -> {
                // fall through to the parser below
            }
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long saturate(double d) {
        if (Double.isNaN(d)) {
            return 0;
        }
        return (long) d; // Java saturates at Long.MIN_VALUE / MAX_VALUE
    }
}
