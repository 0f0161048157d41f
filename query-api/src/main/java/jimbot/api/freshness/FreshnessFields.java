package jimbot.api.freshness;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import jimbot.journal.Freshness;

/**
 * The one place freshness is written into answers: {@code as_of_offset}, {@code lag_ms}, {@code lag_events} (and
 * {@code stale} with the reason when the data stopped) in JSON bodies, the same as {@code X-Jimbot-As-Of-Offset} and
 * {@code X-Jimbot-Lag-Ms} headers, and the {@code freshness} field of gRPC replies.
 */
public final class FreshnessFields {

    public static final String AS_OF_HEADER = "X-Jimbot-As-Of-Offset";
    public static final String LAG_HEADER = "X-Jimbot-Lag-Ms";

    private FreshnessFields() {
    }

    /** Adds the fields to a JSON answer and the headers to its response. */
    public static ObjectNode add(ObjectNode body, ServerResponse res, Freshness f) {
        body.put("as_of_offset", f.asOfOffset());
        body.put("lag_ms", f.lagMs());
        body.put("lag_events", f.lagEvents());
        f.stale().ifPresent(reason -> body.put("stale", reason));
        headers(res, f);
        return body;
    }

    /** The headers alone, for answers that are not a JSON object. */
    public static void headers(ServerResponse res, Freshness f) {
        res.header(HeaderNames.create(AS_OF_HEADER), Long.toString(f.asOfOffset()));
        res.header(HeaderNames.create(LAG_HEADER), Long.toString(f.lagMs()));
    }

    /** The gRPC form. */
    public static jimbot.v1.Freshness proto(Freshness f) {
        return jimbot.v1.Freshness.newBuilder().setAsOfOffset(f.asOfOffset()).setLagMs(f.lagMs())
                .setLagEvents(f.lagEvents()).setStale(f.stale().orElse("")).build();
    }
}
