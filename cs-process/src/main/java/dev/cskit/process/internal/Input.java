package dev.cskit.process.internal;

import dev.cskit.core.CustomerEvent;
import dev.cskit.core.CustomerId;
import dev.cskit.core.TenantId;
import dev.cskit.process.ProcessDefinition;
import java.util.Map;

/** What a decision is about. */
public sealed interface Input {

    /** @return who or what caused it, for the audit trail */
    String actor();

    /**
     * Start a new instance.
     *
     * @param tenant the tenant
     * @param instanceId the new instance's id
     * @param customerId the customer
     * @param actor who starts it
     */
    record Start(TenantId tenant, String instanceId, CustomerId customerId, String actor)
            implements Input {
    }

    /**
     * A customer event reached the instance.
     *
     * @param event the event
     * @param actor who delivered it
     */
    record Deliver(CustomerEvent event, String actor) implements Input {
    }

    /**
     * A task of the current step is done.
     *
     * @param taskId the task
     * @param actor who did it
     */
    record CompleteTask(String taskId, String actor) implements Input {
    }

    /**
     * Time passed: fire what is due.
     *
     * @param actor the sweeping node, usually {@code system}
     */
    record Tick(String actor) implements Input {
    }

    /**
     * Move the instance to another version of its definition.
     *
     * @param target the version to move to
     * @param stepMapping old step id to new step id; a step not named maps to itself
     * @param actor who migrates it
     */
    record Migrate(ProcessDefinition target, Map<String, String> stepMapping, String actor)
            implements Input {

        /** Copies the mapping. */
        public Migrate {
            stepMapping = Map.copyOf(stepMapping);
        }
    }

    /**
     * Stop the running instance where it is, before an end step.
     *
     * @param reason why, for the audit trail
     * @param actor who cancels it
     */
    record Cancel(String reason, String actor) implements Input {
    }
}
