package jimbot.algorithms.scoring;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import jimbot.algorithms.catalog.Edition;

/** A joker in a player's slots: which one, its edition, its current state, and whether it is debuffed. */
public record Joker(JokerKind kind, Edition edition, JokerState state, boolean debuffed) {

    public Joker {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(state, "state");
        Set<String> unknown = new TreeSet<>(state.numbers().keySet());
        unknown.addAll(state.words().keySet());
        unknown.removeAll(kind.stateKeys());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(kind.spec().name() + " has no state " + unknown + "; it accepts "
                    + new TreeSet<>(kind.stateKeys()));
        }
    }

    public static Joker of(JokerKind kind) {
        return new Joker(kind, Edition.NONE, JokerState.EMPTY, false);
    }

    public static Joker of(JokerKind kind, Edition edition) {
        return new Joker(kind, edition, JokerState.EMPTY, false);
    }

    public Joker with(Edition e) {
        return new Joker(kind, e, state, debuffed);
    }

    public Joker with(JokerState s) {
        return new Joker(kind, edition, s, debuffed);
    }

    @Override
    public String toString() {
        return kind.spec().name() + (edition == Edition.NONE ? "" : " (" + edition + ")");
    }
}
