package jimbot.ingest.normalize;

import java.util.Objects;
import jimbot.v1.Dialect;

/**
 * Where and when a request arrived.
 *
 * @param dialect which mod's endpoint it came in on
 * @param client the sender: remote address, plus "/" and the X-Jimbot-Instance header when present
 * @param receivedAtMs epoch milliseconds
 * @param batchId the JimBot batch id, or "" outside a batch
 */
public record Arrival(Dialect dialect, String client, long receivedAtMs, String batchId) {
    public Arrival {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(batchId, "batchId");
    }
}
