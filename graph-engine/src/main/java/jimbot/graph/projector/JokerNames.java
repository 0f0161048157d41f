package jimbot.graph.projector;

import java.util.Optional;

/**
 * Turns the joker names the mods write into catalog keys and display names. The server wires it to the joker
 * catalog; the projector never reads the catalog itself.
 */
@FunctionalInterface
public interface JokerNames {

    /** The catalog key and name for a name as the mods write it ("Gluttonous Joker" → gluttenous_joker). */
    Optional<Entry> find(String name);

    /** A catalog key and display name. */
    record Entry(String key, String name) {
    }
}
