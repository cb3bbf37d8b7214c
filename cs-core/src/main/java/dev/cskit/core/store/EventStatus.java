package dev.cskit.core.store;

/** Where a received customer event stands. */
public enum EventStatus {
    /** Recorded, not yet delivered to the processes. */
    RECEIVED,
    /** Delivered to at least one process instance that was waiting for it. */
    APPLIED,
    /** Delivered, but no instance was waiting for it; kept and visible, not lost. */
    UNMATCHED
}
