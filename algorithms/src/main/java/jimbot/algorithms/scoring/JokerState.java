package jimbot.algorithms.scoring;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A joker's current values as the game shows them: numbers ({@code mult}, {@code chips}, {@code xmult},
 * {@code remaining}, …) and words ({@code suit}, {@code rank}, {@code hand}). Keys are checked against the
 * joker's {@link JokerKind#stateKeys()} when a {@link Joker} is made.
 */
public record JokerState(Map<String, Double> numbers, Map<String, String> words) {

    public static final JokerState EMPTY = new JokerState(Map.of(), Map.of());

    public JokerState {
        numbers = Map.copyOf(numbers);
        words = Map.copyOf(words);
    }

    public static JokerState of(Map<String, Double> numbers) {
        return new JokerState(numbers, Map.of());
    }

    public OptionalDouble number(String key) {
        Double v = numbers.get(key);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    public double number(String key, double fallback) {
        Double v = numbers.get(key);
        return v == null ? fallback : v;
    }

    public Optional<String> word(String key) {
        return Optional.ofNullable(words.get(key));
    }
}
