package dev.cskit.core.store;

import dev.cskit.core.InvalidInputException;
import java.util.List;
import org.immutables.value.Value;

/**
 * Everything one decision of the runner writes, committed atomically by
 * {@link InstanceStore#commit}: the instance's new state, its new audit entries, the full set
 * of its due items (replacing the old ones), alerts raised and cleared, and outbox actions.
 *
 * <p>Guarantees, checked when built: the new instance version is the expected version plus
 * one, and every part belongs to the instance's tenant and (where it names one) the instance.
 */
@Value.Immutable
public abstract class InstanceCommit {

    /** @return the instance as it is after the commit */
    public abstract InstanceRecord instance();

    /** @return the version the decision was made on; 0 when the instance is new */
    public abstract long expectedVersion();

    /** @return audit entries to append, in sequence order */
    public abstract List<AuditEntry> audit();

    /** @return the instance's due items after the commit; they replace all earlier ones */
    public abstract List<DueItem> dueItems();

    /** @return alerts to raise; an alert id already stored is left as it is */
    public abstract List<Alert> raise();

    /**
     * Returns ids of open alerts to clear, at the instance's update instant. An id that names
     * no open alert of this instance is ignored.
     *
     * @return the alert ids
     */
    public abstract List<String> clear();

    /** @return actions to hand to their handlers after the commit */
    public abstract List<OutboxEntry> outbox();

    @Value.Check
    void check() {
        InstanceRecord instance = instance();
        if (instance.version() != expectedVersion() + 1) {
            throw new InvalidInputException("instance.version", instance.version(),
                    "must be the expected version plus one (" + (expectedVersion() + 1) + ")");
        }
        for (AuditEntry entry : audit()) {
            belongs("audit", entry.tenant(), entry.instanceId());
        }
        for (DueItem item : dueItems()) {
            belongs("dueItems", item.tenant(), item.instanceId());
        }
        for (Alert alert : raise()) {
            belongs("raise", alert.tenant(), alert.instanceId());
        }
        for (OutboxEntry entry : outbox()) {
            belongs("outbox", entry.tenant(), entry.instanceId());
        }
    }

    private void belongs(String field, Object tenant, String instanceId) {
        if (!tenant.equals(instance().tenant())) {
            throw new InvalidInputException(field + ".tenant", tenant,
                    "must be the instance's tenant " + instance().tenant());
        }
        if (!instanceId.equals(instance().id())) {
            throw new InvalidInputException(field + ".instanceId", instanceId,
                    "must be the instance " + instance().id());
        }
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link InstanceCommit}. */
    public static final class Builder extends ImmutableInstanceCommit.Builder {
    }
}
