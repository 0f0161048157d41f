package jimbot.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.util.Locale;
import jimbot.ingest.normalize.JsonContent;
import jimbot.v1.Event;

/** Renders a journaled event as a JSON object for the read API (docs/api.md shows the fields). */
public final class EventJson {

    private static final JsonFormat.Printer PAYLOAD = JsonFormat.printer().preservingProtoFieldNames()
            .omittingInsignificantWhitespace();

    private static final Descriptors.OneofDescriptor PAYLOAD_ONEOF = Event.getDescriptor().getOneofs().stream()
            .filter(o -> o.getName().equals("payload")).findFirst().orElseThrow();

    private EventJson() {
    }

    public static ObjectNode render(Event e) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("offset", e.getOffset());
        o.put("event_id", e.getEventId());
        o.put("topic", e.getTopic());
        o.put("type", e.getType());
        if (!e.getSubtype().isEmpty()) {
            o.put("subtype", e.getSubtype());
        }
        o.put("game_id", e.getGameId());
        o.put("session", e.getSession());
        o.put("client", e.getClient());
        o.put("dialect", word(e.getDialect().name(), "DIALECT_"));
        o.put("source", e.getSource());
        o.put("priority", word(e.getPriority().name(), "PRIORITY_"));
        o.put("client_timestamp", e.getClientTimestamp());
        if (e.hasClientSequence()) {
            o.put("client_sequence", e.getClientSequence());
        }
        o.put("received_at_ms", e.getReceivedAtMs());
        if (!e.getReportedGameId().isEmpty()) {
            o.put("reported_game_id", e.getReportedGameId());
        }
        if (!e.getBatchId().isEmpty()) {
            o.put("batch_id", e.getBatchId());
        }
        // Through the descriptor rather than a switch over the payload cases: C2 in Temurin 25.0.3 crashed the JVM
        // (SIGSEGV in PhiNode::Ideal) compiling the switch version of this method under load.
        Descriptors.FieldDescriptor payload = e.getOneofFieldDescriptor(PAYLOAD_ONEOF);
        if (payload != null) {
            o.set(payload.getName(), typed((Message) e.getField(payload)));
        }
        o.set("raw", JsonContent.toJson(e.getRaw()));
        return o;
    }

    private static com.fasterxml.jackson.databind.JsonNode typed(Message m) {
        try {
            return HttpJson.MAPPER.readTree(PAYLOAD.print(m));
        } catch (InvalidProtocolBufferException | JsonProcessingException ex) {
            // NaN or infinity in a typed field: JSON cannot carry it, the raw copy still does
            return JsonNodeFactory.instance.textNode("unprintable: " + ex.getMessage());
        }
    }

    private static String word(String enumName, String prefix) {
        return enumName.startsWith(prefix) ? enumName.substring(prefix.length()).toLowerCase(Locale.ROOT)
                : enumName.toLowerCase(Locale.ROOT);
    }
}
