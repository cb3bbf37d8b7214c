package dev.cskit.process.internal;

import dev.cskit.core.CustomerId;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.store.AuditEntry;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.core.store.InstanceStatus;
import dev.cskit.process.ProcessDefinition;
import dev.cskit.process.SlaLevel;
import dev.cskit.process.Step;
import dev.cskit.process.Task;
import dev.cskit.process.Transition;
import dev.cskit.process.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The fold from audit entries to instance state. The decision writes audit entries and
 * derives the next state only through {@link #apply}, so an instance's trail, replayed with
 * {@link #rebuild}, gives back its stored state exactly.
 *
 * <p>Entry triggers and what they change:
 * <ul>
 *   <li>{@code start}: a new instance in the start step (detail {@code customer},
 *       {@code process}, {@code definitionVersion});</li>
 *   <li>{@code event}, {@code task}, {@code timer}, {@code checklist}: a transition to
 *       {@code toStep}, a new stay; an event's id is remembered;</li>
 *   <li>{@code migration}: a new stay in {@code toStep} of version
 *       {@code definitionVersion}, keeping the done tasks the new step also has;</li>
 *   <li>{@code task.done}: a task of the step done, no transition;</li>
 *   <li>{@code alert}: the alert level {@code triggerRef} raised in this stay;</li>
 *   <li>{@code cancel}: status cancelled in the same step, nothing due, no alert raised
 *       (detail {@code reason}).</li>
 * </ul>
 * Every entry carries the instance version it was committed with (detail {@code version}).
 */
public final class Replay {

    /** Detail key of the instance version an entry was committed with. */
    public static final String VERSION = "version";
    /** Detail key of why an instance was cancelled (cancel entries). */
    public static final String REASON = "reason";
    /** Detail key of the definition version (start and migration entries). */
    public static final String DEFINITION_VERSION = "definitionVersion";

    private Replay() {
    }

    /**
     * Rebuilds an instance from its audit trail.
     *
     * @param rules the time rules the runner used
     * @param definitions the definition versions of the instance's key
     * @param trail the entries in sequence order, at least the start
     * @return the state after the last entry
     */
    public static InstanceState rebuild(TimeRules rules, IntFunction<ProcessDefinition> definitions,
            List<AuditEntry> trail) {
        InstanceState state = null;
        for (AuditEntry entry : trail) {
            state = apply(rules, definitions, state, entry);
        }
        if (state == null) {
            throw new IllegalArgumentException("an empty audit trail rebuilds nothing");
        }
        return state;
    }

    /**
     * Applies one entry.
     *
     * @param rules the time rules
     * @param definitions the definition versions of the instance's key
     * @param before the state before, or {@code null} for a start entry
     * @param entry the entry
     * @return the state after
     */
    public static InstanceState apply(TimeRules rules, IntFunction<ProcessDefinition> definitions,
            InstanceState before, AuditEntry entry) {
        long version = Long.parseLong(entry.detail().get(VERSION));
        if (entry.trigger().equals("start")) {
            ProcessDefinition definition = definitions.apply(
                    Integer.parseInt(entry.detail().get(DEFINITION_VERSION)));
            InstanceRecord record = InstanceRecord.builder()
                    .tenant(entry.tenant()).id(entry.instanceId())
                    .customerId(CustomerId.of(entry.detail().get("customer")))
                    .definitionKey(definition.key()).definitionVersion(definition.version())
                    .status(InstanceStatus.RUNNING).step(entry.toStep())
                    .stepEnteredAt(entry.at()).startedAt(entry.at()).updatedAt(entry.at())
                    .version(version).build();
            return enter(rules, definition, record, entry, List.of(), List.of());
        }
        InstanceRecord base = InstanceRecord.builder().copyFrom(before.record())
                .updatedAt(entry.at()).version(version).build();
        Progress progress = before.progress();
        switch (entry.trigger()) {
            case "task.done":
                List<String> done = new ArrayList<>(progress.doneTasks());
                done.add(entry.triggerRef().orElseThrow());
                return with(base, progress, entry, done, progress.raised(), progress.due());
            case "alert":
                String level = entry.triggerRef().orElseThrow();
                List<String> raised = new ArrayList<>(progress.raised());
                raised.add(level);
                Map<String, Instant> due = new HashMap<>(progress.due());
                due.remove("sla:" + level);
                return with(base, progress, entry, progress.doneTasks(), raised, due);
            case "cancel":
                InstanceRecord cancelled = InstanceRecord.builder().copyFrom(base)
                        .status(InstanceStatus.CANCELLED).build();
                return with(cancelled, progress, entry, progress.doneTasks(), List.of(),
                        Map.of());
            case "migration":
                int target = Integer.parseInt(entry.detail().get(DEFINITION_VERSION));
                ProcessDefinition migrated = definitions.apply(target);
                InstanceRecord moved = InstanceRecord.builder().copyFrom(base)
                        .definitionVersion(target).build();
                List<String> kept = new ArrayList<>();
                Step step = step(migrated, entry.toStep());
                for (String task : progress.doneTasks()) {
                    if (step.task(task).isPresent()) {
                        kept.add(task);
                    }
                }
                return enter(rules, migrated, moved, entry, kept, progress.recentEvents());
            case "event":
            case "task":
            case "timer":
            case "checklist":
                List<String> recent = new ArrayList<>(progress.recentEvents());
                if (entry.trigger().equals("event")) {
                    recent.add(entry.triggerRef().orElseThrow());
                    while (recent.size() > Progress.RECENT_EVENTS) {
                        recent.remove(0);
                    }
                }
                ProcessDefinition definition = definitions.apply(base.definitionVersion());
                return enter(rules, definition, base, entry, List.of(), recent);
            default:
                throw new InvalidInputException("audit.trigger", entry.trigger(),
                        "is not a trigger this runner writes");
        }
    }

    private static InstanceState with(InstanceRecord base, Progress progress, AuditEntry entry,
            List<String> done, List<String> raised, Map<String, Instant> due) {
        Progress next = new Progress(entry.sequence(), progress.stay(), done, raised, due,
                progress.recentEvents());
        return new InstanceState(
                InstanceRecord.builder().copyFrom(base).state(next.toJson()).build(), next);
    }

    /** A new stay in the entry's target step: due items computed, alerts and tasks reset. */
    private static InstanceState enter(TimeRules rules, ProcessDefinition definition,
            InstanceRecord base, AuditEntry entry, List<String> done, List<String> recent) {
        Step step = step(definition, entry.toStep());
        InstanceStatus status = step.isEnd() ? InstanceStatus.COMPLETED : InstanceStatus.RUNNING;
        Map<String, Instant> due = new HashMap<>();
        if (status == InstanceStatus.RUNNING) {
            for (SlaLevel level : step.sla()) {
                due.put("sla:" + level.level().label(), rules.dueAt(definition, level.after(),
                        level.businessCalendar(), entry.at()));
            }
            for (int i = 0; i < step.transitions().size(); i++) {
                Trigger trigger = step.transitions().get(i).trigger();
                if (trigger.kind() == Trigger.Kind.TIMER) {
                    due.put("timer:" + i, rules.dueAt(definition, trigger.after().orElseThrow(),
                            trigger.businessCalendar(), entry.at()));
                }
            }
        }
        Progress next = new Progress(entry.sequence(), entry.sequence(), done, List.of(), due,
                recent);
        InstanceRecord record = InstanceRecord.builder().copyFrom(base)
                .status(status).step(step.id()).stepEnteredAt(entry.at())
                .state(next.toJson()).build();
        return new InstanceState(record, next);
    }

    /**
     * Finds a step, or fails naming it.
     *
     * @param definition the definition
     * @param stepId the step
     * @return the step
     */
    static Step step(ProcessDefinition definition, String stepId) {
        return definition.step(stepId).orElseThrow(() -> new InvalidInputException("step",
                stepId, "is not a step of " + definition.key() + " v" + definition.version()));
    }

    /**
     * Tells whether an instance in a step can still move: an event it waits for, a timer, a
     * task whose completion fires a transition, or an unfinished checklist.
     *
     * @param step the step
     * @param done the tasks done in it
     * @return whether progress is possible
     */
    static boolean canProgress(Step step, List<String> done) {
        for (Transition transition : step.transitions()) {
            Trigger trigger = transition.trigger();
            switch (trigger.kind()) {
                case EVENT:
                case TIMER:
                    return true;
                case TASK:
                    if (!done.contains(trigger.task().orElseThrow())) {
                        return true;
                    }
                    break;
                case CHECKLIST:
                    if (!checklistDone(step, done)) {
                        return true;
                    }
                    break;
                default:
                    throw new AssertionError(trigger.kind());
            }
        }
        return false;
    }

    /**
     * @param step the step
     * @param done the tasks done in it
     * @return whether every required task of the step is done
     */
    static boolean checklistDone(Step step, List<String> done) {
        for (Task task : step.tasks()) {
            if (task.required() && !done.contains(task.id())) {
                return false;
            }
        }
        return true;
    }
}
