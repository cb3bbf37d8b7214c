package dev.cskit.process;

import dev.cskit.core.CustomerId;
import dev.cskit.core.TenantId;
import java.util.Map;
import java.util.Objects;

/**
 * An action handed to its handler: what to do, for whom, and an id that stays the same on
 * every retry, to deduplicate on.
 *
 * @param id the stable id of this action (the outbox entry id)
 * @param tenant the tenant
 * @param instanceId the instance whose transition asked for it
 * @param customerId the customer
 * @param processKey the instance's process
 * @param step the step entered by the transition that asked for it
 * @param type the action type
 * @param parameters the action's parameters
 * @param attempt 1 for the first try, one more for each retry
 */
public record ActionRequest(String id, TenantId tenant, String instanceId,
        CustomerId customerId, String processKey, String step, String type,
        Map<String, String> parameters, int attempt) {

    /** Validates and copies the parts. */
    public ActionRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(type, "type");
        parameters = Map.copyOf(parameters);
    }
}
