package jimbot.errors;

/** The engine cannot do it right now (storage unavailable, shutting down): retry later. */
public final class UnavailableException extends EngineException {
    private static final long serialVersionUID = 1L;

    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public UnavailableException(String message) {
        super(message, null);
    }
}
