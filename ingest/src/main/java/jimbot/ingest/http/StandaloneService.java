package jimbot.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import jimbot.ingest.Intake;
import jimbot.ingest.normalize.Arrival;
import jimbot.v1.Dialect;

/**
 * The standalone BalatroMCP mod's routes: {@code GET /health}, {@code POST /game-data}, {@code GET /actions},
 * {@code GET /state}, answering as the Python server it was written against did.
 */
final class StandaloneService implements HttpService {

    private final Intake intake;
    private final AtomicReference<JsonNode> lastBody = new AtomicReference<>();

    StandaloneService(Intake intake) {
        this.intake = intake;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/game-data", this::gameData)
                .get("/actions", this::actions)
                .get("/state", this::state);
    }

    private void gameData(ServerRequest req, ServerResponse res) {
        JsonNode body = HttpJson.body(req, intake.config().maxBodyBytes());
        Intake.EventReceipt receipt = intake.acceptStandalone(body,
                new Arrival(Dialect.DIALECT_STANDALONE, Clients.key(req, Dialect.DIALECT_STANDALONE), intake.nowMs(), ""));
        lastBody.set(body);
        HttpJson.send(res, Status.OK_200, JimbotService.receiptJson(receipt));
    }

    private void actions(ServerRequest req, ServerResponse res) {
        Optional<String> action = intake.pollStandalone(Clients.key(req, Dialect.DIALECT_STANDALONE));
        if (action.isPresent()) {
            HttpJson.send(res, Status.OK_200, action.get());
            return;
        }
        ObjectNode none = JsonNodeFactory.instance.objectNode();
        none.put("status", "no_action");
        none.put("message", "no action is waiting");
        HttpJson.send(res, Status.NOT_FOUND_404, none);
    }

    private void state(ServerRequest req, ServerResponse res) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        JsonNode body = lastBody.get();
        if (body == null) {
            out.put("status", "no_data");
            out.put("message", "no game data received since the engine started");
        } else {
            out.put("status", "success");
            out.set("data", body);
        }
        HttpJson.send(res, Status.OK_200, out);
    }
}
