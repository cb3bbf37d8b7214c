package dev.cskit.process;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.cskit.core.Ids;
import dev.cskit.core.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What fires a transition: a customer event of a type, a task completed, a timer, or the step's
 * checklist done.
 *
 * <ul>
 *   <li>{@code event}: {@link #eventType()} is required. {@link #attributes()} declares the
 *       attribute names events of that type carry; {@link #conditions()} test them, all of
 *       them must hold, and each may name only an attribute that some event trigger of the
 *       same type in the definition declares.</li>
 *   <li>{@code task}: {@link #task()} names a task of the step; fires when it is completed.</li>
 *   <li>{@code timer}: {@link #after()} is required; fires that long after the step was
 *       entered, counted on the business calendar when {@link #businessCalendar()}.</li>
 *   <li>{@code checklist}: fires when every required task of the step is done.</li>
 * </ul>
 * Fields that do not belong to the kind must be absent.
 *
 * <p>In JSON: {@code {"kind": "event", "eventType": "seats.changed", "attributes": ["seats"],
 * "conditions": [...]}}, {@code {"kind": "task", "task": "contract"}},
 * {@code {"kind": "timer", "after": "P3D"}}, {@code {"kind": "checklist"}}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTrigger.class)
@JsonDeserialize(as = ImmutableTrigger.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class Trigger {

    /** The kinds of trigger. */
    public enum Kind {
        /** A customer event of a type. */
        @JsonProperty("event") EVENT,
        /** A task of the step completed. */
        @JsonProperty("task") TASK,
        /** A delay after entering the step. */
        @JsonProperty("timer") TIMER,
        /** All required tasks of the step done. */
        @JsonProperty("checklist") CHECKLIST
    }

    /** @return the kind */
    public abstract Kind kind();

    /** @return for an event trigger, the event type */
    public abstract Optional<String> eventType();

    /** @return for an event trigger, the attribute names its events carry */
    public abstract List<String> attributes();

    /** @return for an event trigger, the conditions that must all hold; empty means always */
    public abstract List<Condition> conditions();

    /** @return for a task trigger, the task's id */
    public abstract Optional<String> task();

    /** @return for a timer, the delay after entering the step */
    public abstract Optional<Delay> after();

    /** @return for a timer, whether the delay counts on the business calendar */
    @Value.Default
    public boolean businessCalendar() {
        return false;
    }

    /**
     * Tells whether an event fires this trigger: it is an event trigger for the event's type
     * and every condition holds on the event's attributes.
     *
     * @param type the event type
     * @param eventAttributes the event's attributes
     * @return whether the trigger fires
     */
    public boolean matchesEvent(String type, Map<String, String> eventAttributes) {
        if (kind() != Kind.EVENT || !eventType().orElseThrow().equals(type)) {
            return false;
        }
        for (Condition condition : conditions()) {
            if (!condition.test(eventAttributes)) {
                return false;
            }
        }
        return true;
    }

    @Value.Check
    void check() {
        boolean event = kind() == Kind.EVENT;
        require(event == eventType().isPresent(), "eventType", eventType());
        require(event || attributes().isEmpty(), "attributes", attributes());
        require(event || conditions().isEmpty(), "conditions", conditions());
        require((kind() == Kind.TASK) == task().isPresent(), "task", task());
        require((kind() == Kind.TIMER) == after().isPresent(), "after", after());
        require(kind() == Kind.TIMER || !businessCalendar(), "businessCalendar", true);
        eventType().ifPresent(t -> Ids.require("trigger.eventType", t));
        task().ifPresent(t -> Ids.require("trigger.task", t));
    }

    private void require(boolean holds, String field, Object value) {
        if (!holds) {
            String name = kind().name().toLowerCase(java.util.Locale.ROOT);
            throw new InvalidInputException("trigger." + field, value,
                    "is required by, and only allowed in, the trigger kinds it belongs to;"
                            + " this is a " + name + " trigger");
        }
    }

    /**
     * @param eventType the event type
     * @return a trigger on every event of the type
     */
    public static Trigger onEvent(String eventType) {
        return builder().kind(Kind.EVENT).eventType(eventType).build();
    }

    /**
     * @param taskId the task
     * @return a trigger on the task's completion
     */
    public static Trigger onTask(String taskId) {
        return builder().kind(Kind.TASK).task(taskId).build();
    }

    /**
     * @param delay the delay after entering the step
     * @return a timer counted on the plain clock
     */
    public static Trigger after(Delay delay) {
        return builder().kind(Kind.TIMER).after(delay).build();
    }

    /**
     * @param delay the working time after entering the step
     * @return a timer counted on the business calendar
     */
    public static Trigger afterBusiness(Delay delay) {
        return builder().kind(Kind.TIMER).after(delay).businessCalendar(true).build();
    }

    /** @return a trigger on the checklist done */
    public static Trigger checklistDone() {
        return builder().kind(Kind.CHECKLIST).build();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Trigger}; the kind is required, and the fields its kind needs. */
    public static final class Builder extends ImmutableTrigger.Builder {
    }
}
