package dev.cskit.process;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.cskit.core.Ids;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A place a customer stays in a process: a normal step waiting for events, tasks or timers, a
 * checklist step done when its required tasks are, or an end step that completes the
 * instance.
 *
 * <p>On entering, the step's {@link #onEntry()} actions run and its timers and SLA levels are
 * scheduled; on leaving, its {@link #onExit()} actions run, then the transition's actions.
 *
 * <p>In JSON: {@code {"id": "registration", "name": "...", "kind": "checklist", "tasks": [...],
 * "sla": [...], "onEntry": [...], "onExit": [...], "transitions": [...]}}; kind is
 * {@code normal} unless given, lists are empty unless given.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableStep.class)
@JsonDeserialize(as = ImmutableStep.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class Step {

    /** The kinds of step. */
    public enum Kind {
        /** Waits for what its transitions fire on. */
        @JsonProperty("normal") NORMAL,
        /** Holds a checklist of tasks; its checklist transitions fire when they are done. */
        @JsonProperty("checklist") CHECKLIST,
        /** Completes the instance; has no transitions. */
        @JsonProperty("end") END
    }

    /** @return the id, unique within the definition */
    public abstract String id();

    /** @return the display name; the id unless set */
    @Value.Default
    public String name() {
        return id();
    }

    /** @return the kind; {@link Kind#NORMAL} unless set */
    @Value.Default
    public Kind kind() {
        return Kind.NORMAL;
    }

    /** @return the tasks of the step */
    public abstract List<Task> tasks();

    /** @return the SLA levels of the step */
    public abstract List<SlaLevel> sla();

    /** @return actions run on entering the step */
    public abstract List<Action> onEntry();

    /** @return actions run on leaving the step */
    public abstract List<Action> onExit();

    /** @return the ways out, in priority order */
    public abstract List<Transition> transitions();

    /**
     * Finds a task of the step.
     *
     * @param taskId the task id
     * @return the task, or empty
     */
    public Optional<Task> task(String taskId) {
        return tasks().stream().filter(t -> t.id().equals(taskId)).findFirst();
    }

    /** @return whether this is an end step */
    @JsonIgnore
    public boolean isEnd() {
        return kind() == Kind.END;
    }

    @Value.Check
    void check() {
        Ids.require("step.id", id());
    }

    /**
     * @param id the step id
     * @return a builder for a normal step
     */
    public static Builder normal(String id) {
        return builder().id(id);
    }

    /**
     * @param id the step id
     * @return a builder for a checklist step
     */
    public static Builder checklist(String id) {
        return builder().id(id).kind(Kind.CHECKLIST);
    }

    /**
     * @param id the step id
     * @return an end step
     */
    public static Step end(String id) {
        return builder().id(id).kind(Kind.END).build();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link Step}; the id is required. Besides the generated setters it offers
     * shorthands for the common transitions, tasks and SLA levels.
     */
    public static final class Builder extends ImmutableStep.Builder {

        /**
         * Adds a transition on every event of a type.
         *
         * @param eventType the event type
         * @param target the step it leads to
         * @param actions what it runs
         * @return this builder
         */
        public Builder onEvent(String eventType, String target, Action... actions) {
            return (Builder) addTransitions(
                    Transition.to(target, Trigger.onEvent(eventType), actions));
        }

        /**
         * Adds a transition on a task's completion.
         *
         * @param taskId the task
         * @param target the step it leads to
         * @param actions what it runs
         * @return this builder
         */
        public Builder onTask(String taskId, String target, Action... actions) {
            return (Builder) addTransitions(
                    Transition.to(target, Trigger.onTask(taskId), actions));
        }

        /**
         * Adds a timer transition counted on the plain clock.
         *
         * @param delay the delay after entering, such as {@code P3D}
         * @param target the step it leads to
         * @param actions what it runs
         * @return this builder
         */
        public Builder after(String delay, String target, Action... actions) {
            return (Builder) addTransitions(
                    Transition.to(target, Trigger.after(Delay.parse(delay)), actions));
        }

        /**
         * Adds a transition fired when the checklist is done.
         *
         * @param target the step it leads to
         * @param actions what it runs
         * @return this builder
         */
        public Builder whenChecklistDone(String target, Action... actions) {
            return (Builder) addTransitions(
                    Transition.to(target, Trigger.checklistDone(), actions));
        }

        /**
         * Adds a required task.
         *
         * @param id the task id
         * @param name its display name
         * @param requires the tasks it needs done first
         * @return this builder
         */
        public Builder task(String id, String name, String... requires) {
            return (Builder) addTasks(Task.of(id, name, requires));
        }

        /**
         * Adds an SLA level counted on the plain clock.
         *
         * @param level the level
         * @param delay the delay after entering, such as {@code P2D}
         * @return this builder
         */
        public Builder sla(SlaLevel.Level level, String delay) {
            return (Builder) addSla(SlaLevel.of(level, Delay.parse(delay)));
        }
    }
}
