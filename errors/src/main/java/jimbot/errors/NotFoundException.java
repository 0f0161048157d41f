package jimbot.errors;

/** The thing asked for does not exist (yet). */
public final class NotFoundException extends EngineException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message, null);
    }
}
