package jimbot.ingest.http;

import io.helidon.http.Status;

/** An HTTP-level refusal that has no engine meaning (413, 415), with the same body as any other error. */
final class HttpProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Status status;
    private final String field;
    private final String expected;

    HttpProblem(Status status, String field, String expected, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
        this.expected = expected;
    }

    Status status() {
        return status;
    }

    String field() {
        return field;
    }

    String expected() {
        return expected;
    }
}
