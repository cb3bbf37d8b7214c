package dev.cskit.core.store;

import dev.cskit.core.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox: actions stored by {@link InstanceStore#commit}, claimed by a node, then marked
 * delivered or failed.
 */
public interface OutboxStore {

    /**
     * Claims pending entries whose next attempt is due and that no running lease holds.
     *
     * @param tenant the tenant
     * @param now the instant
     * @param limit the most to claim, positive
     * @param owner the claiming node's name
     * @param leaseUntil until when the claim holds
     * @return the claimed entries ordered by next attempt, then id
     * @throws dev.cskit.core.InvalidInputException if {@code limit} is not positive, the
     *     owner is blank, or {@code leaseUntil} is not after {@code now}
     */
    List<OutboxEntry> claim(TenantId tenant, Instant now, int limit, String owner,
            Instant leaseUntil);

    /**
     * Marks an entry delivered, counting the attempt and releasing the claim.
     *
     * @param tenant the tenant
     * @param id the entry id
     * @throws dev.cskit.core.NoSuchRecordException if there is no such entry
     */
    void markDelivered(TenantId tenant, String id);

    /**
     * Records a failed attempt and releases the claim.
     *
     * @param tenant the tenant
     * @param id the entry id
     * @param error what the handler said
     * @param retryAt when to try again; empty to give up and mark it failed
     * @throws dev.cskit.core.NoSuchRecordException if there is no such entry
     */
    void markFailed(TenantId tenant, String id, String error, Optional<Instant> retryAt);

    /**
     * Finds an entry.
     *
     * @param tenant the tenant
     * @param id the entry id
     * @return the entry, or empty
     */
    Optional<OutboxEntry> find(TenantId tenant, String id);

    /**
     * Lists entries in a status.
     *
     * @param tenant the tenant
     * @param status the status
     * @param limit the most to return, positive
     * @return the entries ordered by creation, then id
     * @throws dev.cskit.core.InvalidInputException if {@code limit} is not positive
     */
    List<OutboxEntry> list(TenantId tenant, OutboxStatus status, int limit);
}
