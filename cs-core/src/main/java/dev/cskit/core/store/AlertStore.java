package dev.cskit.core.store;

import dev.cskit.core.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Alerts, read side. Alerts are raised and cleared only through {@link InstanceStore#commit},
 * in the same transaction as the transition that causes them.
 */
public interface AlertStore {

    /**
     * Lists open alerts.
     *
     * @param tenant the tenant
     * @param query the filters
     * @return matching open alerts ordered by raise time, then id
     * @throws dev.cskit.core.InvalidInputException if the query's limit is not positive
     */
    List<Alert> open(TenantId tenant, AlertQuery query);

    /**
     * Returns an instance's alerts, open and cleared.
     *
     * @param tenant the tenant
     * @param instanceId the instance
     * @return the alerts ordered by raise time, then id
     */
    List<Alert> forInstance(TenantId tenant, String instanceId);

    /**
     * Finds an alert.
     *
     * @param tenant the tenant
     * @param alertId the alert id
     * @return the alert, or empty
     */
    Optional<Alert> find(TenantId tenant, String alertId);
}
