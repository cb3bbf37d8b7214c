package dev.cskit.core.store;

/** The life of a process instance. */
public enum InstanceStatus {
    /** Started and not yet ended: it sits in a step. */
    RUNNING,
    /** Reached an end step. */
    COMPLETED,
    /** Stopped before an end step, by a command. */
    CANCELLED
}
