package jimbot.graph.procedures;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a procedure module is: its dotted name ({@code family.what}), version, what it does, its parameters with
 * types, defaults and ranges, its output columns, the modes it supports, whether the same input always gives the
 * same output, and what it costs in memory.
 */
public record Descriptor(String name, String version, String description, List<Parameter> parameters,
                         List<Column> columns, Set<Mode> modes, boolean deterministic, String memoryEstimate) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

    public Descriptor {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("procedure name '" + name + "' is not lower-case and dotted (family.what)");
        }
        parameters = List.copyOf(parameters);
        columns = List.copyOf(columns);
        modes = Set.copyOf(modes);
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("procedure " + name + " supports no mode");
        }
    }

    /**
     * A parameter.
     *
     * @param fallback the default; empty: required
     * @param min smallest allowed (numbers), if any
     * @param max largest allowed (numbers), if any
     */
    public record Parameter(String name, ValueType type, Optional<Object> fallback, Optional<Double> min,
                            Optional<Double> max, String description) {
        public static Parameter required(String name, ValueType type, String description) {
            return new Parameter(name, type, Optional.empty(), Optional.empty(), Optional.empty(), description);
        }

        public static Parameter optional(String name, ValueType type, Object fallback, String description) {
            return new Parameter(name, type, Optional.of(fallback), Optional.empty(), Optional.empty(), description);
        }

        public Parameter between(double lo, double hi) {
            return new Parameter(name, type, fallback, Optional.of(lo), Optional.of(hi), description);
        }
    }

    /** An output column. */
    public record Column(String name, ValueType type, String description) {
    }
}
