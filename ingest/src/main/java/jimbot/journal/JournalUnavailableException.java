package jimbot.journal;

/** The journal could not make events durable (disk full, I/O error, closed): the caller should retry later. */
public final class JournalUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public JournalUnavailableException(String message) {
        super(message);
    }
}
