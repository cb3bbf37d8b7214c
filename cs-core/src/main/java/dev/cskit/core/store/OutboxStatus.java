package dev.cskit.core.store;

/** Where an action in the outbox stands. */
public enum OutboxStatus {
    /** Waiting to be handed to its handler, or to be tried again. */
    PENDING,
    /** Its handler took it. */
    DELIVERED,
    /** Its handler kept failing and the retries are used up; visible for an operator. */
    FAILED
}
