package jimbot.errors;

import java.util.Objects;

/** The request is wrong: fix it. Names the field, what was expected and what was given. */
public final class InvalidArgumentException extends EngineException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String expected;

    public InvalidArgumentException(String field, String expected, String message) {
        super(message, null);
        this.field = Objects.requireNonNull(field, "field");
        this.expected = Objects.requireNonNull(expected, "expected");
    }

    /** The offending field as a path ({@code events[3].type}, {@code query.limit}). */
    public String field() {
        return field;
    }

    /** What would have been accepted. */
    public String expected() {
        return expected;
    }
}
