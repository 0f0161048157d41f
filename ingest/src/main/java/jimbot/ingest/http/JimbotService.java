package jimbot.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jimbot.errors.InvalidArgumentException;
import jimbot.ingest.Intake;
import jimbot.ingest.normalize.Arrival;
import jimbot.ingest.normalize.JsonContent;
import jimbot.v1.Command;
import jimbot.v1.Dialect;

/**
 * The JimBot mod's routes under {@code /api/v1}: events, batches, the command poll, and command submission.
 */
final class JimbotService implements HttpService {

    private final Intake intake;

    JimbotService(Intake intake) {
        this.intake = intake;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/events/batch", this::batch)
                .post("/events", this::event)
                .get("/commands/poll", this::poll)
                .post("/commands", this::submit)
                .get("/commands", this::waiting);
    }

    private Arrival arrival(ServerRequest req) {
        return new Arrival(Dialect.DIALECT_JIMBOT, Clients.key(req, Dialect.DIALECT_JIMBOT), intake.nowMs(), "");
    }

    private void batch(ServerRequest req, ServerResponse res) {
        JsonNode body = HttpJson.body(req, intake.config().maxBodyBytes());
        Intake.BatchReceipt receipt = intake.acceptJimbotBatch(body, arrival(req));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("status", "ok");
        out.put("accepted", receipt.accepted());
        out.put("duplicates", receipt.duplicates());
        ArrayNode rejected = out.putArray("rejected");
        for (Intake.RejectedEvent r : receipt.rejected()) {
            rejected.addObject().put("index", r.index()).put("field", r.field()).put("error", r.error());
        }
        HttpJson.send(res, Status.OK_200, out);
    }

    private void event(ServerRequest req, ServerResponse res) {
        JsonNode body = HttpJson.body(req, intake.config().maxBodyBytes());
        HttpJson.send(res, Status.OK_200, receiptJson(intake.acceptJimbotEvent(body, arrival(req))));
    }

    private void poll(ServerRequest req, ServerResponse res) {
        List<String> lines = intake.pollJimbot(Clients.key(req, Dialect.DIALECT_JIMBOT));
        res.status(Status.OK_200);
        res.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        res.send(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    private void submit(ServerRequest req, ServerResponse res) {
        JsonNode body = HttpJson.body(req, intake.config().maxBodyBytes());
        Intake.QueuedCommand queued = intake.submit(Intake.commandRequest(body));
        ObjectNode out = commandJson(queued.command());
        out.put("status", queued.duplicate() ? "already_queued" : "queued");
        HttpJson.send(res, queued.duplicate() ? Status.OK_200 : Status.CREATED_201, out);
    }

    private void waiting(ServerRequest req, ServerResponse res) {
        String game = req.query().first("game_id").orElse("");
        if (game.isBlank()) {
            throw new InvalidArgumentException("game_id", "a game id", "game_id: query parameter is required");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("game_id", game);
        ArrayNode list = out.putArray("waiting");
        intake.waiting(game).forEach(c -> list.add(commandJson(c)));
        HttpJson.send(res, Status.OK_200, out);
    }

    static ObjectNode commandJson(Command c) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("command_id", c.getSequence());
        o.put("game_id", c.getGameId());
        o.put("type", c.getType());
        o.set("payload", JsonContent.toJson(c.getPayload()));
        o.put("queued_at_ms", c.getQueuedAtMs());
        if (!c.getClientRef().isEmpty()) {
            o.put("client_ref", c.getClientRef());
        }
        return o;
    }

    static ObjectNode receiptJson(Intake.EventReceipt receipt) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("status", "ok");
        o.put("event_id", receipt.eventId());
        o.put("offset", receipt.offset());
        o.put("duplicate", receipt.duplicate());
        o.put("game_id", receipt.gameId());
        o.put("topic", receipt.topic());
        return o;
    }
}
