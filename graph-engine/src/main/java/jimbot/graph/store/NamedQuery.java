package jimbot.graph.store;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An analyst query shipped as a {@code .cypher} file: its name, what it answers, its parameters with types and
 * defaults, and the Cypher.
 */
public record NamedQuery(String name, String answers, List<Param> params, String cypher) {

    public NamedQuery {
        params = List.copyOf(params);
    }

    /** A parameter: {@code $name} in the query. */
    public record Param(String name, Type type, Optional<Object> fallback, String description) {
    }

    /** Parameter types a query may declare. */
    public enum Type {
        INTEGER, FLOAT, STRING, BOOLEAN;

        Object parse(String text) {
            return switch (this) {
                case INTEGER -> Long.parseLong(text);
                case FLOAT -> Double.parseDouble(text);
                case STRING -> text;
                case BOOLEAN -> Boolean.parseBoolean(text);
            };
        }

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
