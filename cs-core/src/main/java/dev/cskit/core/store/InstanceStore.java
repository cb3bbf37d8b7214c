package dev.cskit.core.store;

import dev.cskit.core.CustomerId;
import dev.cskit.core.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Process instances, their audit trails, and the one atomic write the runner makes.
 *
 * <p>{@link #commit} is optimistic: it succeeds only if the stored instance is still at the
 * version the decision was made on, so two concurrent decisions on one instance cannot both
 * land and no update is lost.
 */
public interface InstanceStore {

    /**
     * Commits a decision atomically: all of it or, on any failure, none of it.
     *
     * <p>The version is checked first, so of several commits made on one loaded version
     * exactly one lands and every other fails with a version conflict.
     *
     * @param commit what to write
     * @throws dev.cskit.core.VersionConflictException if the stored instance is not at
     *     {@link InstanceCommit#expectedVersion()} (or exists, when that is 0)
     * @throws dev.cskit.core.InvalidInputException if the audit entries do not continue the
     *     stored trail without gaps (the first is the last stored sequence plus one, or 1 for
     *     a new trail, and each next one adds one), if two due items share a key, if two
     *     raised alerts share an id, or if an outbox id repeats or is stored already
     */
    void commit(InstanceCommit commit);

    /**
     * Finds an instance.
     *
     * @param tenant the tenant
     * @param instanceId the instance id
     * @return the instance, or empty
     */
    Optional<InstanceRecord> find(TenantId tenant, String instanceId);

    /**
     * Returns a customer's instances.
     *
     * @param tenant the tenant
     * @param customer the customer
     * @return the instances ordered by start, then id
     */
    List<InstanceRecord> forCustomer(TenantId tenant, CustomerId customer);

    /**
     * Returns a customer's running instances: the ones an event for the customer may move.
     *
     * @param tenant the tenant
     * @param customer the customer
     * @return the running instances ordered by start, then id
     */
    List<InstanceRecord> runningForCustomer(TenantId tenant, CustomerId customer);

    /**
     * Counts a tenant's instances in a status.
     *
     * @param tenant the tenant
     * @param status the status
     * @return how many there are
     */
    long count(TenantId tenant, InstanceStatus status);

    /**
     * Returns an instance's audit trail.
     *
     * @param tenant the tenant
     * @param instanceId the instance id
     * @return the entries in sequence order; empty for an unknown instance
     */
    List<AuditEntry> audit(TenantId tenant, String instanceId);
}
