package dev.cskit.process;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.cskit.core.CsKitJson;
import dev.cskit.core.Ids;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.LifecycleStage;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A process a customer goes through, as a small state machine: steps, and transitions out of
 * each step. A key and version name one definition for good; a changed process is a new
 * version, and instances keep the version they started on.
 *
 * <p>Building a definition checks only its structure (ids present, each trigger with the
 * fields of its kind). {@link DefinitionValidator} checks the rest (targets, reachability,
 * durations, action types, conditions, task precedences) and reports every problem at once.
 *
 * <p>Written in Java:
 * <pre>{@code
 * ProcessDefinition.builder().key("welcome").version(1).name("Welcome")
 *     .stage(LifecycleStage.ONBOARDING).startStep("kickoff")
 *     .addSteps(Step.normal("kickoff").onEvent("meeting.held", "done")
 *             .sla(SlaLevel.Level.WARN, "P3D").build(),
 *         Step.end("done"))
 *     .build();
 * }</pre>
 *
 * <p>The JSON form, as {@link #toJson()} writes and {@link #fromJson} reads it (the shape the
 * published schema describes; absent lists are empty, absent kinds {@code normal}):
 * <pre>
 * {
 *   "key": "welcome", "version": 1, "name": "Welcome", "stage": "ONBOARDING",
 *   "zone": "Europe/Paris",                          (optional; the runner's zone otherwise)
 *   "startStep": "kickoff",
 *   "steps": [
 *     { "id": "kickoff", "name": "Kickoff", "kind": "normal" | "checklist" | "end",
 *       "tasks": [ { "id": "contract", "name": "...", "required": true,
 *                    "requires": ["other-task"] } ],
 *       "sla": [ { "level": "warn" | "breach" | "escalate", "after": "P3D" | "PT4H",
 *                  "businessCalendar": false } ],
 *       "onEntry": [ { "type": "email", "parameters": { "template": "welcome" } } ],
 *       "onExit": [ ],
 *       "transitions": [
 *         { "target": "done",
 *           "trigger": { "kind": "event", "eventType": "meeting.held",
 *                        "attributes": ["outcome"],
 *                        "conditions": [ { "attribute": "outcome", "operator": "equals",
 *                                          "values": ["ok"] } ] },
 *           "actions": [ ] },
 *         { "target": "done", "trigger": { "kind": "task", "task": "contract" } },
 *         { "target": "done", "trigger": { "kind": "timer", "after": "P7D",
 *                                          "businessCalendar": false } },
 *         { "target": "done", "trigger": { "kind": "checklist" } } ] } ]
 * }
 * </pre>
 * Delays are ISO-8601 text: a time part ({@code PT24H}) is exact, a date part only
 * ({@code P1D}) counts on the wall clock of the zone; see {@link Delay}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableProcessDefinition.class)
@JsonDeserialize(as = ImmutableProcessDefinition.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class ProcessDefinition {

    /** @return the key, such as {@code onboarding.registration}, stable across versions */
    public abstract String key();

    /** @return the version, 1 or more */
    public abstract int version();

    /** @return the display name; the key unless set */
    @Value.Default
    public String name() {
        return key();
    }

    /** @return the lifecycle stage this process serves */
    public abstract LifecycleStage stage();

    /**
     * @return the zone calendar delays ({@code P1D}) count in; the runner's zone when absent
     */
    public abstract Optional<ZoneId> zone();

    /** @return the id of the step a new instance enters */
    public abstract String startStep();

    /** @return the steps */
    public abstract List<Step> steps();

    /**
     * Finds a step.
     *
     * @param stepId the step id
     * @return the step, or empty
     */
    public Optional<Step> step(String stepId) {
        for (Step step : steps()) {
            if (step.id().equals(stepId)) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    /** @return the definition in its JSON form (see the class comment) */
    public String toJson() {
        return CsKitJson.write(this);
    }

    /**
     * Reads a definition from its JSON form. It checks structure only; validate the result
     * with {@link DefinitionValidator} before running it.
     *
     * @param json the text
     * @return the definition
     * @throws InvalidInputException naming path, value, rule, line and column if the text is
     *     not a definition
     */
    public static ProcessDefinition fromJson(String json) {
        return CsKitJson.read(json, ProcessDefinition.class);
    }

    @Value.Check
    void check() {
        Ids.require("definition.key", key());
        Ids.require("definition.startStep", startStep());
        if (version() < 1) {
            throw new InvalidInputException("definition.version", version(),
                    "must be at least 1");
        }
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ProcessDefinition}; key, version, stage and start step are required. */
    public static final class Builder extends ImmutableProcessDefinition.Builder {

        /**
         * Adds a step.
         *
         * @param step the step
         * @return this builder
         */
        public Builder step(Step step) {
            return (Builder) addSteps(step);
        }

        /**
         * Adds a step from its builder.
         *
         * @param step the step's builder
         * @return this builder
         */
        public Builder step(Step.Builder step) {
            return (Builder) addSteps(step.build());
        }
    }
}
