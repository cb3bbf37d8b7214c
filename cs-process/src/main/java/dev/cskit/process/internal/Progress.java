package dev.cskit.process.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cskit.core.CsKitJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of an instance's state the store keeps as opaque JSON
 * ({@link dev.cskit.core.store.InstanceRecord#state()}).
 *
 * @param sequence the number of audit entries so far
 * @param stay the audit sequence of the entry that entered the current step
 * @param doneTasks tasks of the current step done, in completion order
 * @param raised alert levels raised in the current stay, in raise order
 * @param due what falls due in the current stay and has not yet: key to instant
 * @param recentEvents ids of the latest events that moved the instance, newest last
 */
public record Progress(
        @JsonProperty("sequence") long sequence,
        @JsonProperty("stay") long stay,
        @JsonProperty("doneTasks") List<String> doneTasks,
        @JsonProperty("raised") List<String> raised,
        @JsonProperty("due") Map<String, Instant> due,
        @JsonProperty("recentEvents") List<String> recentEvents) {

    /** How many event ids an instance remembers, to recognise a racing duplicate. */
    public static final int RECENT_EVENTS = 32;

    /** Copies the parts into immutable collections; the due map sorted by key. */
    public Progress {
        doneTasks = List.copyOf(doneTasks);
        raised = List.copyOf(raised);
        due = java.util.Collections.unmodifiableMap(new TreeMap<>(due));
        recentEvents = List.copyOf(recentEvents);
    }

    /** @return this progress as JSON */
    public String toJson() {
        return CsKitJson.write(this);
    }

    /**
     * @param json the text written by {@link #toJson()}
     * @return the progress
     */
    public static Progress fromJson(String json) {
        return CsKitJson.read(json, Progress.class);
    }
}
