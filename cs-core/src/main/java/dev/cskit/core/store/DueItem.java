package dev.cskit.core.store;

import dev.cskit.core.TenantId;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Something that falls due for an instance at an instant: a timer, or an SLA level of the
 * step it is in. The runner stores an instance's due items with every commit, so "what is due
 * now" is a range query on {@link #dueAt()}, never a scan of instances.
 *
 * <p>Several nodes may sweep one store. A node {@link DueItemStore#claim claims} due items
 * for a lease; while the lease runs no other node gets them, and when it ends unfinished
 * they can be claimed again. The instance's next commit replaces its due items, which is how a
 * claimed item is finished.
 */
@Value.Immutable
public abstract class DueItem {

    /** @return the tenant */
    public abstract TenantId tenant();

    /** @return the instance */
    public abstract String instanceId();

    /** @return what falls due, unique within the instance, such as {@code timer:reminder} */
    public abstract String key();

    /** @return {@code timer} or {@code sla} */
    public abstract String kind();

    /** @return when it falls due */
    public abstract Instant dueAt();

    /** @return the node that holds a claim on it, if any */
    public abstract Optional<String> claimedBy();

    /** @return until when that claim runs, if any */
    public abstract Optional<Instant> leaseUntil();

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link DueItem}. */
    public static final class Builder extends ImmutableDueItem.Builder {
    }
}
