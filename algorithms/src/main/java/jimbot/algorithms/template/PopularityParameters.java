package jimbot.algorithms.template;

import java.util.Locale;
import java.util.Map;

/**
 * Parameters of {@code joker.popularity}, checked once.
 *
 * @param minRuns fewest runs holding a joker for it to be listed (default 1)
 * @param limit most jokers listed (default 50)
 */
public record PopularityParameters(long minRuns, int limit) {

    public static final long MIN_RUNS_DEFAULT = 1;
    public static final int LIMIT_DEFAULT = 50;

    public PopularityParameters {
        if (minRuns < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "min_runs is %d; expected 0 or more", minRuns));
        }
        if (limit < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "limit is %d; expected 1 or more", limit));
        }
    }

    /** From the registry's checked parameters (numbers as Long). */
    static PopularityParameters of(Map<String, Object> params) {
        return new PopularityParameters((Long) params.get("min_runs"), ((Long) params.get("limit")).intValue());
    }
}
