package jimbot.errors;

/** A failure the caller can act on; anything that is not one of these is a bug. */
public abstract sealed class EngineException extends RuntimeException
        permits InvalidArgumentException, NotFoundException, UnavailableException, CancelledException {
    private static final long serialVersionUID = 1L;

    EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
