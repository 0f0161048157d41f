package jimbot.simulator;

import java.util.Locale;
import jimbot.algorithms.scoring.JokerKind;

/**
 * A planted truth: runs holding both jokers score {@code factor} times what they would (above 1 a synergy, below 1
 * an anti-synergy), so analyses of simulated runs have a known answer.
 */
public record Planted(JokerKind a, JokerKind b, double factor) {

    public Planted {
        if (a == b) {
            throw new IllegalArgumentException("a planted pair needs two different jokers, got " + a.spec().name() + " twice");
        }
        if (!(factor > 0)) {
            throw new IllegalArgumentException("a planted factor must be positive, got " + factor);
        }
    }

    /** "Greedy Joker+Lusty Joker=1.6" → the planted pair. */
    public static Planted parse(String text) {
        String[] pair = text.split("=", 2);
        String[] jokers = pair[0].split("\\+", 2);
        if (pair.length != 2 || jokers.length != 2) {
            throw new IllegalArgumentException("--plant '" + text + "': expected JOKER+JOKER=FACTOR, e.g. Greedy Joker+Lusty Joker=1.6");
        }
        JokerKind a = JokerKind.find(jokers[0].trim()).orElseThrow(() -> new IllegalArgumentException(
                "--plant '" + text + "': unknown joker '" + jokers[0].trim() + "'"));
        JokerKind b = JokerKind.find(jokers[1].trim()).orElseThrow(() -> new IllegalArgumentException(
                "--plant '" + text + "': unknown joker '" + jokers[1].trim() + "'"));
        try {
            return new Planted(a, b, Double.parseDouble(pair[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--plant '%s': '%s' is not a number", text, pair[1]));
        }
    }
}
