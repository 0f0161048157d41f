package jimbot.coordinator;

import java.util.Optional;

/** The answer to a request: its status, a sentence saying why, and the lease when granted. */
public record Outcome(Status status, String message, Optional<Lease> lease) {

    static Outcome granted(Lease lease) {
        return new Outcome(Status.GRANTED, "granted", Optional.of(lease));
    }

    static Outcome of(Status status, String message) {
        return new Outcome(status, message, Optional.empty());
    }
}
