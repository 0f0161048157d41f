package jimbot.ingest.normalize;

import static jimbot.ingest.normalize.Lenient.object;
import static jimbot.ingest.normalize.Lenient.text;
import static jimbot.ingest.normalize.Lenient.upper;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import jimbot.journal.Journal;
import jimbot.routing.Topics;
import jimbot.v1.Event;
import jimbot.v1.Priority;

/**
 * Maps each dialect's JSON to {@link Event}, as {@code shared/contracts/balatromcp.md} describes the wire. Total:
 * for any JSON value it returns {@link Normalized.Accepted} or {@link Normalized.Rejected}, and never throws.
 * Fields lifted into the envelope leave {@code raw} only when the envelope keeps them exactly; everything else
 * the client sent stays in {@code raw}.
 */
public final class Normalizer {

    /** Source written when a client names none. */
    public static final String DEFAULT_SOURCE = "BalatroMCP";

    private static final byte JIMBOT_KEY = 'j';
    private static final byte STANDALONE_KEY = 's';
    private static final byte CONTENT_KEY = 'n';
    private static final Set<String> NO_SEED = Set.of("", "unknown", "nil", "none", "null");

    private Normalizer() {
    }

    /**
     * One JimBot event (an element of a batch's {@code events}, or the body of {@code POST /api/v1/events}).
     *
     * @param field how to name the event in a rejection ({@code events[3]}, or "" for a single event)
     */
    public static Normalized jimbotEvent(JsonNode node, Arrival arrival, String field) {
        if (node == null || !node.isObject()) {
            return new Normalized.Rejected(field.isEmpty() ? "body" : field, "a JSON object (an event)",
                    "expected an event object, got " + describe(node));
        }
        JsonNode typeNode = node.path("type");
        String type = upper(typeNode);
        if (type.isEmpty()) {
            return new Normalized.Rejected(path(field, "type"), "a non-empty string such as GAME_STATE",
                    "event has no type" + (typeNode.isMissingNode() ? "" : " (got " + describe(typeNode) + ")"));
        }
        Set<String> lifted = new HashSet<>();
        Event.Builder e = Event.newBuilder().setDialect(arrival.dialect()).setClient(arrival.client())
                .setSession(arrival.client()).setReceivedAtMs(arrival.receivedAtMs()).setBatchId(arrival.batchId());

        e.setType(type);
        liftIfExact(lifted, "type", typeNode, type);
        String subtype = upper(node.path("subtype"));
        e.setSubtype(subtype);
        liftIfExact(lifted, "subtype", node.path("subtype"), subtype);
        JsonNode sourceNode = node.path("source");
        String source = text(sourceNode);
        e.setSource(source.isEmpty() ? DEFAULT_SOURCE : source);
        liftIfExact(lifted, "source", sourceNode, source);
        e.setPriority(priority(node.path("priority")));
        if (e.getPriority() != Priority.PRIORITY_NORMAL) {
            liftIfExact(lifted, "priority", node.path("priority"), text(node.path("priority")).toLowerCase(Locale.ROOT));
        }
        e.setClientTimestamp(timestamp(node.path("timestamp"), lifted, "timestamp"));

        JsonNode payload = node.has("payload") ? node.get("payload") : node.path("data");
        String seed = text(object(payload).path("game_id"));
        e.setReportedGameId(seed);
        Payloads.jimbot(e, type, payload);
        e.setTopic(Topics.of(type, subtype));

        JsonNode idNode = node.path("event_id");
        String eventId = text(idNode);
        liftIfExact(lifted, "event_id", idNode, eventId);
        StructWire.Encoded content = StructWire.encode(node, lifted);
        ByteString key = eventId.isEmpty()
                ? key(CONTENT_KEY, content.digest())
                : key(JIMBOT_KEY, content.digest(), eventId);
        e.setEventId(eventId.isEmpty() ? stableId(key) : eventId);
        return accepted(e, content, key);
    }

    /** One standalone message: the body of {@code POST /game-data}. */
    public static Normalized standaloneMessage(JsonNode node, Arrival arrival) {
        if (node == null || !node.isObject()) {
            return new Normalized.Rejected("body", "a JSON object with message_type, timestamp, sequence_id and data",
                    "expected a message object, got " + describe(node));
        }
        JsonNode typeNode = node.path("message_type");
        String type = upper(typeNode);
        if (type.isEmpty()) {
            return new Normalized.Rejected("message_type", "a non-empty string such as game_state",
                    "message has no message_type" + (typeNode.isMissingNode() ? "" : " (got " + describe(typeNode) + ")"));
        }
        Set<String> lifted = new HashSet<>();
        Event.Builder e = Event.newBuilder().setDialect(arrival.dialect()).setClient(arrival.client())
                .setReceivedAtMs(arrival.receivedAtMs()).setBatchId(arrival.batchId())
                .setSource(DEFAULT_SOURCE).setPriority(Priority.PRIORITY_NORMAL).setType(type);
        liftIfExact(lifted, "message_type", typeNode, type.toLowerCase(Locale.ROOT));
        e.setClientTimestamp(timestamp(node.path("timestamp"), lifted, "timestamp"));
        JsonNode seqNode = node.path("sequence_id");
        String sequence = "";
        if (seqNode.isIntegralNumber() || seqNode.isTextual() && !text(seqNode).isBlank()) {
            e.setClientSequence(Lenient.integer(seqNode));
            sequence = Long.toString(e.getClientSequence());
            if (seqNode.isIntegralNumber()) {
                lifted.add("sequence_id");
            }
        }

        JsonNode data = object(node.path("data"));
        String subtype = "";
        String session = "";
        if (type.equals("GAME_STATE")) {
            String inner = text(data, "message_type");
            if (inner.equalsIgnoreCase("status_update")) {
                subtype = upper(data.path("status_type"));
                e.setStatusUpdate(Payloads.status(data));
            } else {
                subtype = inner.toUpperCase(Locale.ROOT);
                JsonNode state = object(data.path("state"));
                if (state.isObject()) {
                    e.setGameState(Payloads.standaloneState(state));
                    session = e.getGameState().getSessionId();
                }
            }
        } else if (type.equals("ACTION_RESULT")) {
            e.setActionResult(Payloads.actionResult(data));
            session = text(object(data.path("new_state")), "session_id");
        }
        e.setSubtype(subtype).setSession(session).setTopic(Topics.of(type, subtype));

        StructWire.Encoded content = StructWire.encode(node, lifted);
        ByteString key = key(STANDALONE_KEY, content.digest(), session, sequence);
        e.setEventId(stableId(key));
        return accepted(e, content, key);
    }

    private static Normalized accepted(Event.Builder event, StructWire.Encoded content, ByteString key) {
        // the array is ours alone: wrap it rather than copy it
        ByteString raw = UnsafeByteOperations.unsafeWrap(content.struct());
        return new Normalized.Accepted(new Journal.Entry(event.build(), raw, key));
    }

    /** Whether a reported game id is a real seed rather than the mod's placeholder. */
    public static boolean isRealSeed(String reported) {
        return !NO_SEED.contains(reported.trim().toLowerCase(Locale.ROOT)) && reported.chars().noneMatch(c -> c < 0x20);
    }

    private static Priority priority(JsonNode node) {
        return switch (text(node).trim().toLowerCase(Locale.ROOT)) {
            case "low" -> Priority.PRIORITY_LOW;
            case "high" -> Priority.PRIORITY_HIGH;
            default -> Priority.PRIORITY_NORMAL;
        };
    }

    /** The timestamp as sent, as JSON text; lifted out of raw since the text keeps it exactly. */
    private static String timestamp(JsonNode node, Set<String> lifted, String name) {
        if (node.isNumber()) {
            lifted.add(name);
            return node.asText();
        }
        if (node.isTextual()) {
            lifted.add(name);
            return node.textValue();
        }
        return "";
    }

    /** Drops {@code name} from raw when the envelope keeps exactly what was sent. */
    private static void liftIfExact(Set<String> lifted, String name, JsonNode sent, String kept) {
        if (sent.isTextual() && sent.textValue().equals(kept)) {
            lifted.add(name);
        }
    }

    private static ByteString key(byte kind, byte[] digest, String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.write(kind);
        for (String part : parts) {
            out.writeBytes(part.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        out.writeBytes(digest);
        return ByteString.copyFrom(out.toByteArray());
    }

    private static String stableId(ByteString key) {
        return UUID.nameUUIDFromBytes(key.toByteArray()).toString();
    }

    private static String path(String prefix, String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    /** How to name a JSON value's kind in an error message: "an array", "a string", "nothing", ... */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
