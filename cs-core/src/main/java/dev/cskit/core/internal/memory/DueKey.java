package dev.cskit.core.internal.memory;

import java.time.Instant;
import java.util.Objects;

/**
 * A due item's place in the order the store answers "what is due now" in: by due instant,
 * then instance, then key. Within a tenant it identifies the item, as an instance's item keys
 * are unique.
 *
 * @param dueAt when the item falls due
 * @param instanceId its instance
 * @param key its key within the instance
 */
public record DueKey(Instant dueAt, String instanceId, String key)
        implements Comparable<DueKey> {

    /**
     * Creates a key.
     *
     * @param dueAt when the item falls due
     * @param instanceId its instance
     * @param key its key within the instance
     */
    public DueKey {
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(key, "key");
    }

    @Override
    public int compareTo(DueKey other) {
        int byDue = dueAt.compareTo(other.dueAt);
        if (byDue != 0) {
            return byDue;
        }
        int byInstance = instanceId.compareTo(other.instanceId);
        return byInstance != 0 ? byInstance : key.compareTo(other.key);
    }
}
