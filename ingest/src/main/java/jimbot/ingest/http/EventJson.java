package jimbot.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        Message payload = switch (e.getPayloadCase()) {
            case GAME_STATE -> e.getGameState();
            case MONEY_CHANGED -> e.getMoneyChanged();
            case SCORE_CHANGED -> e.getScoreChanged();
            case HAND_PLAYED -> e.getHandPlayed();
            case CARDS_DISCARDED -> e.getCardsDiscarded();
            case JOKERS_CHANGED -> e.getJokersChanged();
            case ROUND_CHANGED -> e.getRoundChanged();
            case PHASE_CHANGED -> e.getPhaseChanged();
            case ROUND_COMPLETE -> e.getRoundComplete();
            case JOKER_TRIGGER -> e.getJokerTrigger();
            case SCORING -> e.getScoring();
            case STATUS_UPDATE -> e.getStatusUpdate();
            case ACTION_RESULT -> e.getActionResult();
            case COMMAND -> e.getCommand();
            case PAYLOAD_NOT_SET -> null;
        };
        if (payload != null) {
            o.set(e.getPayloadCase().name().toLowerCase(Locale.ROOT), typed(payload));
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
