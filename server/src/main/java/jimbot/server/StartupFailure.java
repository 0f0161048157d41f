package jimbot.server;

import java.net.BindException;
import java.util.Locale;

/**
 * Why the engine could not start, in one line with the fix ("port 7687 in use (Bolt): pass --bolt-port 0 or another
 * port"), instead of a forty-line stack trace; the trace goes to the log at DEBUG.
 */
final class StartupFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The part of the engine that failed to start, with the option that configures it. */
    enum Part {
        JOURNAL("the journal", "--data-dir"),
        GRAPH("the embedded graph database (Bolt)", "--bolt-port"),
        EXTERNAL_GRAPH("the graph database", "--graph-uri"),
        HTTP("HTTP", "--http-port"),
        GRPC("gRPC", "--grpc-port");

        final String what;
        final String option;

        Part(String what, String option) {
            this.what = what;
            this.option = option;
        }
    }

    private StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** The one-line explanation of {@code e}, raised while {@code part} started. */
    static StartupFailure of(Part part, int port, String where, RuntimeException e) {
        if (e instanceof StartupFailure s) {
            return s;
        }
        if (bindFailure(e)) {
            String option = part == Part.EXTERNAL_GRAPH ? Part.GRAPH.option : part.option;
            return new StartupFailure("port " + port + " on " + where + " is in use (" + part.what + "): pass " + option
                    + " 0 (any free port) or another port, or stop what holds it", e);
        }
        String cause = root(e);
        return switch (part) {
            case JOURNAL -> new StartupFailure(cause + " (" + part.option + " " + where + ": is another engine running on"
                    + " this data directory, or is it not writable?)", e);
            case GRAPH -> new StartupFailure(part.what + " did not start in " + where + ": " + cause, e);
            case EXTERNAL_GRAPH -> new StartupFailure("cannot reach the graph database at " + where + ": " + cause
                    + " (is it running? " + part.option + ")", e);
            case HTTP, GRPC -> new StartupFailure(part.what + " did not start on " + where + ":" + port + ": " + cause, e);
        };
    }

    private static boolean bindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof BindException || t.getClass().getSimpleName().equals("PortBindException")
                    || m.contains("address already in use")) {
                return true;
            }
        }
        return false;
    }

    private static String root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
