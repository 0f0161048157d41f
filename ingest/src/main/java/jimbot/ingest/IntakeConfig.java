package jimbot.ingest;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How the intake behaves.
 *
 * @param maxBodyBytes largest request body accepted, in bytes (default 4 MiB; larger gets 413)
 * @param ackTimeout how long a request waits for its events to become durable before answering 503
 *     (default PT30S; the events may still be stored, and a resend is deduplicated)
 * @param liveWindow a game counts as live when it sent an event this recently (default PT10M); a command
 *     without game_id goes to the only live game
 */
public record IntakeConfig(long maxBodyBytes, Duration ackTimeout, Duration liveWindow) {

    public static final long MAX_BODY_BYTES_DEFAULT = 4L << 20;
    public static final Duration ACK_TIMEOUT_DEFAULT = Duration.ofSeconds(30);
    public static final Duration LIVE_WINDOW_DEFAULT = Duration.ofMinutes(10);
    public static final IntakeConfig DEFAULTS = new IntakeConfig(MAX_BODY_BYTES_DEFAULT, ACK_TIMEOUT_DEFAULT,
            LIVE_WINDOW_DEFAULT);

    public IntakeConfig {
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        Objects.requireNonNull(liveWindow, "liveWindow");
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "ingest.max-body-bytes is %d; expected at least 1024", maxBodyBytes));
        }
        if (ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("ingest.ack-timeout is " + ackTimeout + "; expected a positive duration such as PT30S");
        }
        if (liveWindow.isNegative() || liveWindow.isZero()) {
            throw new IllegalArgumentException("ingest.live-window is " + liveWindow + "; expected a positive duration such as PT10M");
        }
    }
}
