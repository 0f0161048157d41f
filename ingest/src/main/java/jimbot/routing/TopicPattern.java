package jimbot.routing;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A subscription filter over dotted topics: {@code *} matches exactly one segment, {@code >} (only as the
 * last segment) matches one or more remaining segments. {@code >} alone matches every topic.
 */
public record TopicPattern(String text, List<String> segments) {

    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9_\\-]+|\\*|>");

    /** Matches every topic. */
    public static final TopicPattern ALL = parse(">");

    public TopicPattern {
        segments = List.copyOf(segments);
    }

    /**
     * Parses a pattern such as {@code game.*.update} or {@code game.>}.
     *
     * @throws IllegalArgumentException naming the bad segment when the pattern is not well formed
     */
    public static TopicPattern parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("topic pattern is empty; expected dotted segments such as game.> or game.*.update");
        }
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        List<String> parts = List.of(trimmed.split("\\.", -1));
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (!SEGMENT.matcher(part).matches()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "topic pattern '%s': segment %d ('%s') is not a word, '*' or '>'", text, i + 1, part));
            }
            if (part.equals(">") && i != parts.size() - 1) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "topic pattern '%s': '>' may only be the last segment", text));
            }
        }
        return new TopicPattern(trimmed, parts);
    }

    /** Whether this pattern is {@code >}, which matches every topic. */
    public boolean matchesEverything() {
        return segments.size() == 1 && segments.get(0).equals(">");
    }

    /** Whether {@code topic} matches; an empty topic or one with an empty segment matches nothing. */
    public boolean matches(String topic) {
        int length = topic.length();
        int start = 0; // start of the topic segment under test; length + 1 once every segment is used
        for (String want : segments) {
            if (start > length) {
                return false;
            }
            if (want.equals(">")) {
                return start < length;
            }
            int dot = topic.indexOf('.', start);
            int end = dot < 0 ? length : dot;
            if (end == start) {
                return false;
            }
            boolean same = want.equals("*")
                    || (end - start == want.length() && topic.regionMatches(start, want, 0, want.length()));
            if (!same) {
                return false;
            }
            start = dot < 0 ? length + 1 : dot + 1;
        }
        return start == length + 1;
    }

    @Override
    public String toString() {
        return text;
    }
}
