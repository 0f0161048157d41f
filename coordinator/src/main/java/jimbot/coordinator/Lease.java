package jimbot.coordinator;

import java.time.Instant;

/**
 * A grant: who holds what until when. Immutable; renewing gives a new lease with a later expiry.
 *
 * @param device the GPU index, or -1
 * @param tokensIn Claude API input tokens reserved (0 for other kinds)
 * @param tokensOut Claude API output tokens reserved
 * @param model the Claude model the reservation was made against ("" for other kinds)
 */
public record Lease(Request request, String token, Instant grantedAt, Instant expiresAt, int device, long tokensIn,
                    long tokensOut, String model) {

    public Lease renewedUntil(Instant until) {
        return new Lease(request, token, grantedAt, until, device, tokensIn, tokensOut, model);
    }
}
