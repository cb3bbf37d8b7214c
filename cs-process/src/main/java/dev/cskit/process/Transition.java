package dev.cskit.process;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.cskit.core.Ids;
import java.util.List;
import org.immutables.value.Value;

/**
 * A way out of a step: the step it leads to, what fires it, and the actions it runs. When
 * several transitions of a step could fire on one input, the first in definition order wins.
 *
 * <p>In JSON: {@code {"target": "welcome", "trigger": {...}, "actions": [...]}}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTransition.class)
@JsonDeserialize(as = ImmutableTransition.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class Transition {

    /** @return the id of the step it leads to */
    public abstract String target();

    /** @return what fires it */
    public abstract Trigger trigger();

    /** @return actions run when it fires, after the step's exit actions; empty by default */
    public abstract List<Action> actions();

    @Value.Check
    void check() {
        Ids.require("transition.target", target());
    }

    /**
     * Returns a transition to a target on a trigger.
     *
     * @param target the step it leads to
     * @param trigger what fires it
     * @param actions what it runs
     * @return the transition
     */
    public static Transition to(String target, Trigger trigger, Action... actions) {
        return builder().target(target).trigger(trigger).addActions(actions).build();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Transition}; target and trigger are required. */
    public static final class Builder extends ImmutableTransition.Builder {
    }
}
