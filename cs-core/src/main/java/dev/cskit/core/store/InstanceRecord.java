package dev.cskit.core.store;

import dev.cskit.core.CustomerId;
import dev.cskit.core.TenantId;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A process instance as stored: which customer, which definition version, where it stands,
 * and a version number that grows by one with every commit.
 *
 * <p>The {@link #state()} is JSON owned by the process runner (open tasks, variables); the
 * store keeps it as it is and never reads it.
 */
@Value.Immutable
public abstract class InstanceRecord {

    /** @return the tenant */
    public abstract TenantId tenant();

    /** @return the instance id */
    public abstract String id();

    /** @return the customer the instance carries */
    public abstract CustomerId customerId();

    /** @return the definition key */
    public abstract String definitionKey();

    /** @return the definition version the instance started on */
    public abstract int definitionVersion();

    /** @return running, completed or cancelled */
    public abstract InstanceStatus status();

    /** @return the id of the step the instance is in (the end step once completed) */
    public abstract String step();

    /** @return when the instance entered its current step */
    public abstract Instant stepEnteredAt();

    /** @return when the instance started */
    public abstract Instant startedAt();

    /** @return when the instance was last committed */
    public abstract Instant updatedAt();

    /** @return the version, 1 after the first commit, one more after each */
    public abstract long version();

    /** @return the runner's state as JSON; {@code "{}"} unless set */
    @Value.Default
    public String state() {
        return "{}";
    }

    @Value.Check
    void check() {
        if (version() < 1) {
            throw new dev.cskit.core.InvalidInputException("instance.version", version(),
                    "must be at least 1");
        }
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link InstanceRecord}. */
    public static final class Builder extends ImmutableInstanceRecord.Builder {
    }
}
