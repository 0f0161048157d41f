package jimbot.graph.procedures;

import java.util.List;
import java.util.Locale;

/** Types of procedure parameters and output columns. */
public enum ValueType {
    INTEGER, FLOAT, STRING, BOOLEAN, STRING_LIST, MAP, LIST;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a JSON-ish value (Long, Integer, Double, String, Boolean, List) fits this type. */
    boolean accepts(Object v) {
        return switch (this) {
            case INTEGER -> v instanceof Long || v instanceof Integer
                    || (v instanceof Double d && d == Math.rint(d) && !d.isInfinite());
            case FLOAT -> v instanceof Number;
            case STRING -> v instanceof String;
            case BOOLEAN -> v instanceof Boolean;
            case STRING_LIST -> v instanceof List<?> l && l.stream().allMatch(x -> x instanceof String);
            case MAP -> v instanceof java.util.Map<?, ?>;
            case LIST -> v instanceof List<?>;
        };
    }

    /** The value in this type's Java form (integers as Long, floats as Double). */
    Object normalise(Object v) {
        return switch (this) {
            case INTEGER -> ((Number) v).longValue();
            case FLOAT -> ((Number) v).doubleValue();
            default -> v;
        };
    }
}
