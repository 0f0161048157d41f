package jimbot.coordinator;

/** A request's class; the scheduler gives each class a share of grants in proportion to its weight. */
public enum PriorityClass {
    LOW, NORMAL, HIGH, CRITICAL
}
