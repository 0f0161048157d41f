package jimbot.ingest.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import jimbot.errors.InvalidArgumentException;

/** Reads JSON request bodies within limits and writes JSON responses; every JSON route of the engine uses it. */
public final class HttpJson {

    /** Lenient about what Lua encoders emit (NaN, Infinity); strict about size and depth. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(256).build());
    }

    private HttpJson() {
    }

    /**
     * The request body as JSON. 415 when a content type is present and is not JSON (a missing one is read as
     * JSON), 413 over {@code maxBytes}, 400 for an empty or malformed body, naming the position.
     */
    public static JsonNode body(ServerRequest req, long maxBytes) {
        Optional<String> contentType = req.headers().first(HeaderNames.CONTENT_TYPE);
        if (contentType.isPresent() && !isJson(contentType.get())) {
            throw new HttpProblem(Status.UNSUPPORTED_MEDIA_TYPE_415, "Content-Type", "application/json",
                    "Content-Type '" + contentType.get() + "' is not JSON; send application/json");
        }
        OptionalLong length = req.headers().contentLength();
        if (length.isPresent() && length.getAsLong() > maxBytes) {
            throw tooLarge(length.getAsLong(), maxBytes);
        }
        byte[] bytes = read(req, maxBytes);
        if (bytes.length == 0) {
            throw new InvalidArgumentException("body", "a JSON document", "the request body is empty");
        }
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new InvalidArgumentException("body", "a JSON document", "the request body holds no JSON value");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(ServerRequest req, long maxBytes) {
        if (!req.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(-1, maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw new InvalidArgumentException("body", "a complete request body", "could not read the body: " + e.getMessage());
        }
    }

    private static HttpProblem tooLarge(long length, long maxBytes) {
        String got = length >= 0 ? length + " bytes" : "more than that";
        return new HttpProblem(Status.REQUEST_ENTITY_TOO_LARGE_413, "body", "at most " + maxBytes + " bytes",
                "the body is too large (" + got + "); the limit is " + maxBytes + " bytes (ingest.max-body-bytes)");
    }

    private static InvalidArgumentException malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : String.format(Locale.ROOT, " at line %d, column %d (byte %d)",
                at.getLineNr(), at.getColumnNr(), at.getByteOffset());
        String what = e.getOriginalMessage();
        return new InvalidArgumentException("body", "a well-formed JSON document", "malformed JSON" + where + ": " + what);
    }

    static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.isEmpty() || type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"))
                || type.equals("text/json");
    }

    public static void send(ServerResponse res, Status status, JsonNode body) {
        send(res, status, body.toString());
    }

    public static void send(ServerResponse res, Status status, String json) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
