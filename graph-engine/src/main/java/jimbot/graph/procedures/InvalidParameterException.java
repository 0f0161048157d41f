package jimbot.graph.procedures;

/** A call named a parameter that does not exist, or gave one of the wrong type or out of range. */
public final class InvalidParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String expected;

    public InvalidParameterException(String parameter, String expected, String message) {
        super(message);
        this.parameter = parameter;
        this.expected = expected;
    }

    public String parameter() {
        return parameter;
    }

    public String expected() {
        return expected;
    }
}
