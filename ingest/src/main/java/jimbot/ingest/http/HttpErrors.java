package jimbot.ingest.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerResponse;
import jimbot.errors.CancelledException;
import jimbot.errors.InvalidArgumentException;
import jimbot.errors.NotFoundException;
import jimbot.errors.UnavailableException;

/**
 * Maps every failure to a JSON body {@code {"error","field","expected"}} in one place: a client mistake is a 4xx
 * naming the field, never a 500; a bug is a 500 that leaks nothing.
 */
public final class HttpErrors {

    private static final System.Logger LOG = System.getLogger(HttpErrors.class.getName());

    private HttpErrors() {
    }

    /** Registers the error handlers on a routing. */
    public static void register(HttpRouting.Builder routing) {
        routing.error(InvalidArgumentException.class, (req, res, e) ->
                        send(res, Status.BAD_REQUEST_400, e.getMessage(), e.field(), e.expected()))
                .error(HttpProblem.class, (req, res, e) -> send(res, e.status(), e.getMessage(), e.field(), e.expected()))
                .error(NotFoundException.class, (req, res, e) -> send(res, Status.NOT_FOUND_404, e.getMessage(), "", ""))
                .error(UnavailableException.class, (req, res, e) -> {
                    LOG.log(System.Logger.Level.WARNING, "unavailable path={0} reason={1}", req.path().path(), e.getMessage());
                    send(res, Status.SERVICE_UNAVAILABLE_503, e.getMessage(), "", "");
                })
                .error(CancelledException.class, (req, res, e) ->
                        send(res, Status.SERVICE_UNAVAILABLE_503, e.getMessage(), "", ""))
                .error(java.util.concurrent.CancellationException.class, (req, res, e) ->
                        send(res, Status.SERVICE_UNAVAILABLE_503, "gave up: " + e.getMessage(), "", ""))
                .error(Throwable.class, (req, res, e) -> {
                    LOG.log(System.Logger.Level.ERROR, "internal error path=" + req.path().path(), e);
                    send(res, Status.INTERNAL_SERVER_ERROR_500, "internal error; the engine logged it", "", "");
                });
    }

    static void send(ServerResponse res, Status status, String message, String field, String expected) {
        if (res.isSent()) {
            return;
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("error", message == null ? status.reasonPhrase() : message);
        if (!field.isEmpty()) {
            body.put("field", field);
        }
        if (!expected.isEmpty()) {
            body.put("expected", expected);
        }
        HttpJson.send(res, status, body);
    }
}
