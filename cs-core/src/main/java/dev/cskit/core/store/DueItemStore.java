package dev.cskit.core.store;

import dev.cskit.core.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * Due items, read and claimed by instant. Items are written only through
 * {@link InstanceStore#commit}.
 */
public interface DueItemStore {

    /**
     * Lists items due at an instant, claimed or not.
     *
     * @param tenant the tenant
     * @param now the instant
     * @param limit the most to return, positive
     * @return items with {@code dueAt <= now}, ordered by due instant, then instance, then key
     * @throws dev.cskit.core.InvalidInputException if {@code limit} is not positive
     */
    List<DueItem> due(TenantId tenant, Instant now, int limit);

    /**
     * Claims items that are due and not held by a running lease, for one node.
     *
     * @param tenant the tenant
     * @param now the instant; leases ending at or before it have run out
     * @param limit the most to claim, positive
     * @param owner the claiming node's name
     * @param leaseUntil until when the claim holds
     * @return the claimed items, ordered by due instant, then instance, then key
     * @throws dev.cskit.core.InvalidInputException if {@code limit} is not positive, the
     *     owner is blank, or {@code leaseUntil} is not after {@code now}
     */
    List<DueItem> claim(TenantId tenant, Instant now, int limit, String owner,
            Instant leaseUntil);

    /**
     * Returns an instance's due items.
     *
     * @param tenant the tenant
     * @param instanceId the instance
     * @return the items ordered by due instant, then key
     */
    List<DueItem> forInstance(TenantId tenant, String instanceId);
}
