package dev.cskit.core.store;

import dev.cskit.core.CustomerId;
import dev.cskit.core.TenantId;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A warning that a customer is stuck or late: an SLA level fell due in a step, or an instance
 * can make no progress. An alert is raised once per stay in a step and level, and cleared when
 * the customer moves on.
 */
@Value.Immutable
public abstract class Alert {

    /** @return the tenant */
    public abstract TenantId tenant();

    /**
     * Returns the alert's id. The runner derives it from the instance, the stay in the step
     * and the level, so raising the same alert twice stores it once.
     *
     * @return the id
     */
    public abstract String id();

    /** @return the instance */
    public abstract String instanceId();

    /** @return the customer */
    public abstract CustomerId customerId();

    /** @return the definition key of the instance */
    public abstract String processKey();

    /** @return the step the customer is stuck in */
    public abstract String step();

    /** @return the level: {@code warn}, {@code breach}, {@code escalate} or {@code stuck} */
    public abstract String level();

    /** @return when the level fell due */
    public abstract Instant dueAt();

    /** @return when the alert was raised */
    public abstract Instant raisedAt();

    /** @return why, in words */
    public abstract String reason();

    /** @return when the alert was cleared; empty while open */
    public abstract Optional<Instant> clearedAt();

    /** @return whether the alert is still open */
    public boolean isOpen() {
        return clearedAt().isEmpty();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link Alert}. */
    public static final class Builder extends ImmutableAlert.Builder {
    }
}
