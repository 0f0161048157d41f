package jimbot.errors;

/** The caller's deadline passed or it cancelled. */
public final class CancelledException extends EngineException {
    private static final long serialVersionUID = 1L;

    public CancelledException(String message) {
        super(message, null);
    }
}
