package jimbot.algorithms.scoring;

/** How random effects count (section 1.5): never, on average (the exact expectation), or always. */
public enum Luck {
    /** No random effect triggers; Misprint adds 0. */
    NONE,
    /** Each random effect contributes its expectation: +m p·v, ×m 1+p(x−1), Misprint 11.5. */
    AVERAGE,
    /** Every random effect triggers; Misprint adds 23. */
    ALL
}
