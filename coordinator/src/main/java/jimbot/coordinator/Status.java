package jimbot.coordinator;

/** Where a request stands (the contract's RequestStatus). */
public enum Status {
    GRANTED, DENIED, QUEUED, RELEASED, EXPIRED
}
