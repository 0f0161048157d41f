package jimbot.graph.projection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One run's scored hands, kept compactly: hands run to tens of millions over a long training, so a hand whose id is
 * the projector's {@code <run>:h<offset>} costs its offset, score and a shared joker set (about 20 bytes) instead of
 * an id string and map entries (about 150). A hand with any other id is kept by id. Re-scoring an id replaces the
 * hand. Not thread-safe.
 */
public final class HandLedger {

    private final String prefix;
    private long[] offsets = new long[0];
    private double[] scores = new double[0];
    private Set<?>[] jokers = new Set<?>[0];
    private int size;
    private Map<String, ProjectionView.HandView> others = Map.of();
    private Set<String> lastJokers = Set.of();

    /** The hands of run {@code runId}. */
    public HandLedger(String runId) {
        this.prefix = runId + ":h";
    }

    /** Keeps a hand, replacing the one with the same id; that one, if there was one. */
    public Optional<ProjectionView.HandView> put(String id, double score, Set<String> held) {
        Set<String> shared = Set.copyOf(held);
        if (shared.equals(lastJokers)) {
            shared = lastJokers; // consecutive hands mostly hold the same jokers: one set for all of them
        } else {
            lastJokers = shared;
        }
        long offset = offset(id);
        if (offset < 0) {
            if (others.isEmpty()) {
                others = new TreeMap<>();
            }
            return Optional.ofNullable(others.put(id, new ProjectionView.HandView(id, score, shared)));
        }
        int at = Arrays.binarySearch(offsets, 0, size, offset);
        if (at >= 0) {
            ProjectionView.HandView before = view(at);
            scores[at] = score;
            jokers[at] = shared;
            return Optional.of(before);
        }
        int insert = -at - 1;
        if (size == offsets.length) {
            int grown = Math.max(4, size + (size >> 1));
            offsets = Arrays.copyOf(offsets, grown);
            scores = Arrays.copyOf(scores, grown);
            jokers = Arrays.copyOf(jokers, grown);
        }
        System.arraycopy(offsets, insert, offsets, insert + 1, size - insert);
        System.arraycopy(scores, insert, scores, insert + 1, size - insert);
        System.arraycopy(jokers, insert, jokers, insert + 1, size - insert);
        offsets[insert] = offset;
        scores[insert] = score;
        jokers[insert] = shared;
        size++;
        return Optional.empty();
    }

    /** How many hands. */
    public int size() {
        return size + others.size();
    }

    /** Every hand: the projector's by offset, then any others by id. */
    public List<ProjectionView.HandView> hands() {
        List<ProjectionView.HandView> out = new ArrayList<>(size());
        for (int i = 0; i < size; i++) {
            out.add(view(i));
        }
        out.addAll(others.values());
        return out;
    }

    @SuppressWarnings("unchecked")
    private ProjectionView.HandView view(int i) {
        return new ProjectionView.HandView(prefix + offsets[i], scores[i], (Set<String>) jokers[i]);
    }

    /** The offset in {@code <run>:h<offset>} written the way the projector writes it, or -1. */
    private long offset(String id) {
        int digits = id.length() - prefix.length();
        if (digits < 1 || digits > 18 || !id.startsWith(prefix) || (digits > 1 && id.charAt(prefix.length()) == '0')) {
            return -1;
        }
        long value = 0;
        for (int i = prefix.length(); i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
