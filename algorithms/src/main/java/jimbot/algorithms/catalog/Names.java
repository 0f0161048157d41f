package jimbot.algorithms.catalog;

import java.util.Locale;

/** How names from the game, the mods and users are compared: case, spaces, dashes and punctuation do not matter. */
final class Names {
    private Names() {
    }

    /** "Gluttonous Joker", "gluttonous_joker" and "GLUTTONOUS-JOKER" all normalise to "gluttonousjoker". */
    static String normal(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
