package jimbot.ingest.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Value;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import jimbot.ingest.normalize.JsonContent;
import jimbot.v1.Command;
import jimbot.v1.Dialect;

/** How a command is written for each mod: a JimBot poll line ({@code cmd} or {@code cmd:p1,p2}) or a standalone action. */
public final class CommandFormat {

    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private CommandFormat() {
    }

    /**
     * Why a command cannot be delivered to a game speaking {@code dialect}, naming the field; empty when it can.
     * JimBot lines cannot carry ',' ':' or line breaks inside a parameter, nor nested objects.
     */
    public static Optional<String> problem(String type, com.google.protobuf.Struct payload, Dialect dialect) {
        if (!WORD.matcher(type).matches()) {
            return Optional.of("type: expected a command word of lower-case letters, digits and '_' (such as play_hand), got '"
                    + type + "'");
        }
        if (dialect != Dialect.DIALECT_JIMBOT) {
            return Optional.empty();
        }
        for (String p : params(payload)) {
            if (p.indexOf(',') >= 0 || p.indexOf(':') >= 0 || p.indexOf('\n') >= 0 || p.indexOf('\r') >= 0) {
                return Optional.of("payload: a JimBot command parameter cannot contain ',', ':' or a line break, got '"
                        + p.replace("\n", "\\n").replace("\r", "\\r") + "'");
            }
        }
        for (Value v : payload.getFieldsMap().values()) {
            if (v.hasStructValue()) {
                return Optional.of("payload: a JimBot command takes scalar parameters or lists of them, not objects");
            }
        }
        return Optional.empty();
    }

    /** The JimBot poll line: {@code type}, or {@code type:p1,p2} with the payload's parameters. */
    public static String jimbotLine(Command command) {
        List<String> params = params(command.getPayload());
        return params.isEmpty() ? command.getType() : command.getType() + ":" + String.join(",", params);
    }

    /**
     * The standalone poll answer: {@code {"timestamp":…,"sequence_id":N,"message_type":"action",
     * "data":{"action_type":…,"sequence_id":N,…payload}}}.
     */
    public static ObjectNode standaloneAction(Command command, Instant now) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode data = f.objectNode();
        data.put("action_type", command.getType());
        data.put("sequence_id", command.getSequence());
        command.getPayload().getFieldsMap().forEach((k, v) -> {
            if (!k.equals("action_type") && !k.equals("sequence_id")) {
                data.set(k, JsonContent.toJson(v));
            }
        });
        ObjectNode out = f.objectNode();
        out.put("timestamp", now.truncatedTo(ChronoUnit.SECONDS).toString());
        out.put("sequence_id", command.getSequence());
        out.put("message_type", "action");
        out.set("data", data);
        return out;
    }

    /**
     * The parameters of a JimBot line: the payload's {@code params} list when it has one, else every payload
     * value in order, lists flattened.
     */
    static List<String> params(com.google.protobuf.Struct payload) {
        List<String> out = new ArrayList<>();
        Value params = payload.getFieldsMap().get("params");
        if (params != null) {
            flatten(params, out);
            return out;
        }
        payload.getFieldsMap().values().forEach(v -> flatten(v, out));
        return out;
    }

    private static void flatten(Value v, List<String> out) {
        if (v.hasListValue()) {
            v.getListValue().getValuesList().forEach(item -> flatten(item, out));
            return;
        }
        JsonNode json = JsonContent.toJson(v);
        out.add(json.isTextual() ? json.textValue() : json.toString().toLowerCase(Locale.ROOT));
    }
}
