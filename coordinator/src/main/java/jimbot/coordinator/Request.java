package jimbot.coordinator;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A request for a resource.
 *
 * @param id the caller's request id (a repeat with the same id answers the same request)
 * @param component who asks ("ray_rllib", "claude_advisor")
 * @param kind what is asked for
 * @param quantity GPU memory MB, Claude API requests, memory MB or CPU cores
 * @param priority its class
 * @param timeout the longest the caller waits for a grant (zero: answer at once, QUEUED if it must wait)
 * @param duration how long the lease lasts unless renewed (zero: the configured default for the kind)
 * @param metadata free-form; for the Claude API: model, input_tokens, output_tokens
 */
public record Request(String id, String component, Kind kind, int quantity, PriorityClass priority, Duration timeout,
                      Duration duration, Map<String, String> metadata) {
    public Request {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(duration, "duration");
        metadata = Map.copyOf(metadata);
    }
}
