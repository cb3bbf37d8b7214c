package dev.cskit.core.store;

import dev.cskit.core.TenantId;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An action a transition asked for (send an email, create a task, call a webhook), stored in
 * the same commit as the transition and handed to its handler after it. The {@link #id()} is
 * stable across retries, so a handler can deduplicate on it.
 */
@Value.Immutable
public abstract class OutboxEntry {

    /** @return the tenant */
    public abstract TenantId tenant();

    /** @return the stable id */
    public abstract String id();

    /** @return the instance whose transition asked for it */
    public abstract String instanceId();

    /** @return the action type, such as {@code email} */
    public abstract String actionType();

    /** @return the action's parameters as JSON */
    public abstract String payload();

    /** @return when it was stored */
    public abstract Instant createdAt();

    /** @return pending, delivered or failed */
    @Value.Default
    public OutboxStatus status() {
        return OutboxStatus.PENDING;
    }

    /** @return how many times a handler was tried */
    @Value.Default
    public int attempts() {
        return 0;
    }

    /** @return when it may be tried (again) */
    public abstract Instant nextAttemptAt();

    /** @return the last handler failure, if any */
    public abstract Optional<String> lastError();

    /** @return the node that holds a claim on it, if any */
    public abstract Optional<String> claimedBy();

    /** @return until when that claim runs, if any */
    public abstract Optional<Instant> leaseUntil();

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link OutboxEntry}. */
    public static final class Builder extends ImmutableOutboxEntry.Builder {
    }
}
