package dev.cskit.process;

import dev.cskit.core.CsKitException;
import dev.cskit.core.store.InstanceStatus;

/**
 * A command that needs a running instance met one that has ended: cancelling an instance
 * that is already {@link InstanceStatus#COMPLETED} or {@link InstanceStatus#CANCELLED}.
 * Nothing was written. Immutable.
 */
public class InstanceNotRunningException extends CsKitException {

    private static final long serialVersionUID = 1L;

    private final String instanceId;
    private final InstanceStatus status;

    /**
     * Creates the exception.
     *
     * @param command what was asked ("cancel", ...)
     * @param instanceId the instance
     * @param status its status, not {@link InstanceStatus#RUNNING}
     */
    public InstanceNotRunningException(String command, String instanceId,
            InstanceStatus status) {
        super("cannot " + command + " instance '" + instanceId + "': it is " + status
                + "; only a RUNNING instance takes this command");
        this.instanceId = instanceId;
        this.status = status;
    }

    /** @return the instance */
    public String instanceId() {
        return instanceId;
    }

    /** @return the status it has */
    public InstanceStatus status() {
        return status;
    }
}
