package dev.cskit.process.internal;

import dev.cskit.core.store.InstanceRecord;
import dev.cskit.core.store.InstanceStatus;
import java.util.Objects;

/**
 * An instance as the decision sees it: the stored record and the runner's progress inside it
 * (which the record also holds as JSON). Immutable.
 *
 * @param record the stored record, its {@code state} the JSON of {@code progress}
 * @param progress the parsed progress
 */
public record InstanceState(InstanceRecord record, Progress progress) {

    /** Validates the parts. */
    public InstanceState {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(progress, "progress");
    }

    /**
     * Reads an instance from its stored record.
     *
     * @param record the record
     * @return the state
     */
    public static InstanceState of(InstanceRecord record) {
        return new InstanceState(record, Progress.fromJson(record.state()));
    }

    /** @return whether the instance is running */
    public boolean isRunning() {
        return record.status() == InstanceStatus.RUNNING;
    }

    /**
     * @param level an alert level
     * @return the id of that level's alert in the current stay
     */
    public String alertId(String level) {
        return alertId(record.id(), progress.stay(), level);
    }

    /**
     * @param instanceId the instance
     * @param stay the stay (audit sequence of the entry that entered the step)
     * @param level the level
     * @return the alert id: instance, stay and level
     */
    public static String alertId(String instanceId, long stay, String level) {
        return instanceId + ":" + stay + ":" + level;
    }
}
