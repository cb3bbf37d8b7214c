package dev.cskit.core.store;

import dev.cskit.core.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One transition of a process instance, as the audit trail keeps it: from which step to which,
 * what triggered it, when and by whom. An instance's entries, in sequence order, are enough to
 * replay its history.
 */
@Value.Immutable
public abstract class AuditEntry {

    /** @return the tenant */
    public abstract TenantId tenant();

    /** @return the instance */
    public abstract String instanceId();

    /** @return the entry's position in the instance's trail, 1 for the first, no gaps */
    public abstract long sequence();

    /** @return the step left; empty for the start of the instance */
    public abstract Optional<String> fromStep();

    /** @return the step entered */
    public abstract String toStep();

    /** @return what fired the transition: start, event, task, timer, checklist, migration */
    public abstract String trigger();

    /** @return the id behind the trigger (event id, task id, timer id), when there is one */
    public abstract Optional<String> triggerRef();

    /** @return when the transition happened */
    public abstract Instant at();

    /** @return who or what caused it: a user, {@code system}, an integration */
    public abstract String actor();

    /** @return more detail, such as a migration's step mapping; empty by default */
    public abstract Map<String, String> detail();

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link AuditEntry}. */
    public static final class Builder extends ImmutableAuditEntry.Builder {
    }
}
