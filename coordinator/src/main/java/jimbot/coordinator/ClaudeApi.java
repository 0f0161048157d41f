package jimbot.coordinator;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Claude API limits as Bucket4j token buckets: the hourly request budget, and per model requests, input tokens and
 * output tokens per minute. A request reserves its estimated tokens ({@code input_tokens}, {@code output_tokens} in its
 * metadata, else the defaults); {@link #reconcile} settles the real usage when it is reported.
 */
final class ClaudeApi implements Pool {

    private final CoordinatorConfig.Claude limits;
    private final Bucket hourly;
    private final Map<String, Model> models = new HashMap<>();

    /** One model's per-minute buckets. */
    private record Model(Bucket requests, Bucket input, Bucket output) {
    }

    ClaudeApi(CoordinatorConfig.Claude limits) {
        this.limits = limits;
        this.hourly = bucket(limits.requestsPerHour(), Duration.ofHours(1));
    }

    private static Bucket bucket(long capacity, Duration period) {
        return Bucket.builder().addLimit(l -> l.capacity(capacity).refillGreedy(capacity, period)).build();
    }

    private Model model(String name) {
        return models.computeIfAbsent(name, n -> new Model(bucket(limits.requestsPerMinute(), Duration.ofMinutes(1)),
                bucket(limits.inputTokensPerMinute(), Duration.ofMinutes(1)),
                bucket(limits.outputTokensPerMinute(), Duration.ofMinutes(1))));
    }

    static String modelOf(Request r) {
        return r.metadata().getOrDefault("model", "default");
    }

    long inputOf(Request r) {
        return number(r, "input_tokens", limits.defaultInputTokens());
    }

    long outputOf(Request r) {
        return number(r, "output_tokens", limits.defaultOutputTokens());
    }

    private static long number(Request r, String key, long fallback) {
        try {
            String v = r.metadata().get(key);
            return v == null || v.isBlank() ? fallback : Math.max(0, Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public Kind kind() {
        return Kind.CLAUDE_API;
    }

    @Override
    public Optional<String> refuse(Request r) {
        if (r.quantity() > limits.requestsPerMinute() || r.quantity() > limits.requestsPerHour()) {
            return Optional.of("asks for " + r.quantity() + " requests at once; the limits are " + limits.requestsPerMinute()
                    + " a minute and " + limits.requestsPerHour() + " an hour");
        }
        if (inputOf(r) > limits.inputTokensPerMinute() || outputOf(r) > limits.outputTokensPerMinute()) {
            return Optional.of("estimates " + inputOf(r) + " input and " + outputOf(r) + " output tokens; the limits are "
                    + limits.inputTokensPerMinute() + " and " + limits.outputTokensPerMinute() + " a minute");
        }
        return Optional.empty();
    }

    @Override
    public Optional<Lease> take(Request r, Lease draft) {
        Model m = model(modelOf(r));
        long in = inputOf(r);
        long out = outputOf(r);
        List<Bucket> buckets = List.of(hourly, m.requests(), m.input(), m.output());
        long[] amounts = {r.quantity(), r.quantity(), in, out};
        for (int i = 0; i < buckets.size(); i++) {
            if (amounts[i] > 0 && !buckets.get(i).tryConsume(amounts[i])) {
                for (int j = 0; j < i; j++) {
                    if (amounts[j] > 0) {
                        buckets.get(j).addTokens(amounts[j]);
                    }
                }
                return Optional.empty();
            }
        }
        return Optional.of(new Lease(draft.request(), draft.token(), draft.grantedAt(), draft.expiresAt(), -1, in, out,
                modelOf(r)));
    }

    /** Requests are spent once granted; tokens are settled by {@link #reconcile}. */
    @Override
    public void giveBack(Lease lease) {
    }

    /** Settles a reservation against the real usage; returns the input and output tokens given back (negative: taken). */
    long[] reconcile(Lease lease, long input, long output) {
        Model m = model(lease.model());
        long backIn = lease.tokensIn() - input;
        long backOut = lease.tokensOut() - output;
        settle(m.input(), backIn);
        settle(m.output(), backOut);
        return new long[] {backIn, backOut};
    }

    private static void settle(Bucket b, long back) {
        if (back > 0) {
            b.addTokens(back);
        } else if (back < 0) {
            b.consumeIgnoringRateLimits(-back);
        }
    }

    @Override
    public long nanosUntilFits(Request r) {
        Model m = model(modelOf(r));
        return Math.max(Math.max(hourly.estimateAbilityToConsume(r.quantity()).getNanosToWaitForRefill(),
                        m.requests().estimateAbilityToConsume(r.quantity()).getNanosToWaitForRefill()),
                Math.max(m.input().estimateAbilityToConsume(Math.max(1, inputOf(r))).getNanosToWaitForRefill(),
                        m.output().estimateAbilityToConsume(Math.max(1, outputOf(r))).getNanosToWaitForRefill()));
    }

    @Override
    public String busy(Request r) {
        long wait = nanosUntilFits(r);
        return "rate limited: " + hourly.getAvailableTokens() + " of " + limits.requestsPerHour() + " requests left this hour; retry in "
                + Math.max(1, Duration.ofNanos(wait).toMillis()) + " ms";
    }

    @Override
    public long capacity() {
        return limits.requestsPerHour();
    }

    /** Requests spent from the hourly budget. */
    @Override
    public long allocated() {
        return limits.requestsPerHour() - Math.max(0, hourly.getAvailableTokens());
    }
}
