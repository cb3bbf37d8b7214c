package dev.cskit.process;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.cskit.core.Ids;
import java.util.List;
import org.immutables.value.Value;

/**
 * A piece of work in a step: "contract signed", "account configured". A task may require
 * others of the same step to be done first (its precedences); it is required unless marked
 * optional. A checklist step is done when all its required tasks are.
 *
 * <p>In JSON: {@code {"id": "licences", "name": "Licences delivered", "requires":
 * ["contract"], "required": true}}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTask.class)
@JsonDeserialize(as = ImmutableTask.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class Task {

    /** @return the id, unique within the step */
    public abstract String id();

    /** @return the display name; the id unless set */
    @Value.Default
    public String name() {
        return id();
    }

    /** @return whether the checklist needs it done; {@code true} unless set */
    @Value.Default
    public boolean required() {
        return true;
    }

    /** @return ids of tasks of the same step that must be done before this one */
    public abstract List<String> requires();

    @Value.Check
    void check() {
        Ids.require("task.id", id());
    }

    /**
     * Returns a required task.
     *
     * @param id the id
     * @param name the display name
     * @param requires the tasks it needs done first
     * @return the task
     */
    public static Task of(String id, String name, String... requires) {
        return builder().id(id).name(name).addRequires(requires).build();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Task}; the id is required. */
    public static final class Builder extends ImmutableTask.Builder {
    }
}
