package jimbot.algorithms.catalog;

import java.util.Optional;

/** The vouchers that change a score: only Observatory (section 4); others are accepted and ignored by the caller. */
public enum Voucher {
    OBSERVATORY("Observatory");

    private final String displayName;

    Voucher(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** "Observatory", "v_observatory" → OBSERVATORY. */
    public static Optional<Voucher> parse(String text) {
        String t = Names.normal(text);
        return t.equals("observatory") || t.equals("vobservatory") ? Optional.of(OBSERVATORY) : Optional.empty();
    }
}
