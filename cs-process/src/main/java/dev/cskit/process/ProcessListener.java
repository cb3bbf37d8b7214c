package dev.cskit.process;

import dev.cskit.core.store.Alert;
import dev.cskit.core.store.AuditEntry;
import dev.cskit.core.store.InstanceRecord;

/**
 * Hears what the runner committed: transitions, raised alerts, completed and cancelled
 * instances. Every method is called after the commit, in commit order for one instance, on
 * the committing thread; the defaults do nothing. A listener that throws is reported through
 * {@code System.Logger} and does not affect the runner or the other listeners. Keep
 * listeners quick and do not call the runner from them.
 */
public interface ProcessListener {

    /** A listener that ignores everything. */
    ProcessListener NONE = new ProcessListener() {
    };

    /**
     * An instance moved from one step to another (or started, or migrated).
     *
     * @param instance the instance after the commit
     * @param entry the audit entry of the move
     */
    default void onTransition(InstanceRecord instance, AuditEntry entry) {
    }

    /**
     * An alert was raised.
     *
     * @param alert the alert
     */
    default void onAlert(Alert alert) {
    }

    /**
     * An instance reached an end step.
     *
     * @param instance the completed instance
     */
    default void onCompleted(InstanceRecord instance) {
    }

    /**
     * An instance was cancelled before reaching an end step.
     *
     * @param instance the cancelled instance, status
     *     {@link dev.cskit.core.store.InstanceStatus#CANCELLED}
     */
    default void onCancelled(InstanceRecord instance) {
    }
}
