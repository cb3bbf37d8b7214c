package dev.cskit.process.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cskit.core.CsKitJson;
import dev.cskit.core.CustomerEvent;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.store.Alert;
import dev.cskit.core.store.AuditEntry;
import dev.cskit.core.store.OutboxEntry;
import dev.cskit.process.Action;
import dev.cskit.process.InstanceNotRunningException;
import dev.cskit.process.ProcessDefinition;
import dev.cskit.process.Step;
import dev.cskit.process.Task;
import dev.cskit.process.Transition;
import dev.cskit.process.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The pure decision of the runner: from a definition, an instance's state, an input and the
 * current instant to the next state, the audit entries, the alerts raised and cleared and the
 * actions to run. No I/O, no clock, no randomness: the same arguments always give the same
 * decision.
 *
 * <p>The decision writes audit entries and derives every change of state from them through
 * {@link Replay#apply}; the trail is therefore a complete history.
 *
 * <p>Rules:
 * <ul>
 *   <li>In a step, the first transition (in definition order) whose trigger fires wins.</li>
 *   <li>An event moves an instance only when a transition of its current step fires on it;
 *       an event id among the instance's recent ones changes nothing.</li>
 *   <li>A task may be completed only when the tasks it requires are done; completing a task
 *       with a task transition fires it; completing the last required task of a checklist
 *       step fires the step's checklist transition.</li>
 *   <li>A tick fires, in due order, every SLA level and timer of the current stay due at or
 *       before the instant; a timer moves the instance, ending the stay and whatever else of
 *       it was due. Transitions and alerts carry the instant of the tick: after downtime each
 *       overdue level is raised once.</li>
 *   <li>After every decision, a running instance that can make no progress (no open task,
 *       no timer, no awaited event) gets a {@code stuck} alert, once per stay.</li>
 *   <li>Leaving a step clears the alerts of the stay; actions run in the order exit actions
 *       of the step left, the transition's actions, entry actions of the step entered.</li>
 * </ul>
 */
public final class Decider {

    private static final int MAX_CHAINED_ENTRIES = 1000;

    private Decider() {
    }

    /**
     * Decides.
     *
     * @param rules how delays become instants
     * @param definition the definition version the instance runs on
     * @param current the instance, or {@code null} for {@link Input.Start}
     * @param input what happened
     * @param now the current instant
     * @return the decision
     * @throws InvalidInputException if the input is not allowed (a task that is not in the
     *     step or whose precedences are not done, a migration to a missing step); nothing
     *     changed then
     * @throws InstanceNotRunningException if a cancel meets an ended instance
     */
    public static Decision decide(TimeRules rules, ProcessDefinition definition,
            InstanceState current, Input input, Instant now) {
        Objects.requireNonNull(input, "input");
        if (input instanceof Input.Start) {
            return start(rules, definition, (Input.Start) input, now);
        }
        Objects.requireNonNull(current, "current");
        if (!current.isRunning()) {
            if (input instanceof Input.CompleteTask || input instanceof Input.Migrate) {
                throw new InvalidInputException("instanceId", current.record().id(),
                        "is " + current.record().status() + "; only a running instance takes"
                                + " tasks and migrations");
            }
            if (input instanceof Input.Cancel) {
                throw new InstanceNotRunningException("cancel", current.record().id(),
                        current.record().status());
            }
            return unchanged(Decision.Outcome.NOT_RUNNING, current);
        }
        Draft draft = new Draft(rules, definition, current, current.record().version(), now,
                input.actor());
        Decision.Outcome outcome;
        if (input instanceof Input.Deliver) {
            outcome = deliver(draft, ((Input.Deliver) input).event());
        } else if (input instanceof Input.CompleteTask) {
            outcome = complete(draft, ((Input.CompleteTask) input).taskId());
        } else if (input instanceof Input.Tick) {
            outcome = tick(draft);
        } else if (input instanceof Input.Cancel) {
            outcome = cancel(draft, ((Input.Cancel) input).reason());
        } else {
            outcome = migrate(draft, (Input.Migrate) input);
        }
        if (draft.entries.isEmpty()) {
            return unchanged(outcome == Decision.Outcome.CHANGED
                    ? Decision.Outcome.NO_MATCH : outcome, current);
        }
        return draft.decision();
    }

    private static Decision unchanged(Decision.Outcome outcome, InstanceState current) {
        return new Decision(outcome, current.record().version(), current, List.of(), List.of(),
                List.of(), List.of());
    }

    private static Decision start(TimeRules rules, ProcessDefinition definition,
            Input.Start start, Instant now) {
        AuditEntry entry = AuditEntry.builder().tenant(start.tenant())
                .instanceId(start.instanceId()).sequence(1).toStep(definition.startStep())
                .trigger("start").at(now).actor(start.actor())
                .putDetail(Replay.VERSION, "1")
                .putDetail(Replay.DEFINITION_VERSION, String.valueOf(definition.version()))
                .putDetail("customer", start.customerId().value())
                .putDetail("process", definition.key())
                .build();
        InstanceState first = Replay.apply(rules, v -> definition, null, entry);
        Draft draft = new Draft(rules, definition, first, 0, now, start.actor());
        draft.entries.add(entry);
        draft.actions(entry, Replay.step(definition, definition.startStep()).onEntry());
        draft.settle();
        return draft.decision();
    }

    private static Decision.Outcome deliver(Draft draft, CustomerEvent event) {
        if (draft.state.progress().recentEvents().contains(event.id())) {
            return Decision.Outcome.DUPLICATE;
        }
        List<Transition> transitions = draft.step().transitions();
        for (Transition transition : transitions) {
            if (transition.trigger().matchesEvent(event.type(), event.attributes())) {
                draft.transition(transition, "event", event.id());
                draft.settle();
                return Decision.Outcome.CHANGED;
            }
        }
        return Decision.Outcome.NO_MATCH;
    }

    private static Decision.Outcome complete(Draft draft, String taskId) {
        Step step = draft.step();
        Task task = step.task(taskId).orElseThrow(() -> new InvalidInputException("taskId",
                taskId, "is not a task of step '" + step.id() + "'; its tasks: "
                        + step.tasks().stream().map(Task::id).collect(Collectors.toList())));
        List<String> done = draft.state.progress().doneTasks();
        if (done.contains(taskId)) {
            return Decision.Outcome.ALREADY_DONE;
        }
        List<String> missing = task.requires().stream().filter(r -> !done.contains(r))
                .collect(Collectors.toList());
        if (!missing.isEmpty()) {
            throw new InvalidInputException("taskId", taskId,
                    "requires " + missing + " to be done first");
        }
        for (Transition transition : step.transitions()) {
            Trigger trigger = transition.trigger();
            if (trigger.kind() == Trigger.Kind.TASK && trigger.task().orElseThrow()
                    .equals(taskId)) {
                draft.transition(transition, "task", taskId);
                draft.settle();
                return Decision.Outcome.CHANGED;
            }
        }
        draft.append(draft.entry("task.done", Optional.of(taskId), step.id()));
        draft.settle();
        return Decision.Outcome.CHANGED;
    }

    private static Decision.Outcome tick(Draft draft) {
        for (int i = 0; i < MAX_CHAINED_ENTRIES && draft.state.isRunning(); i++) {
            Optional<Map.Entry<String, Instant>> next = draft.state.progress().due().entrySet()
                    .stream().filter(e -> !e.getValue().isAfter(draft.now))
                    .min(Map.Entry.<String, Instant>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey()));
            if (next.isEmpty()) {
                break;
            }
            String key = next.get().getKey();
            if (key.startsWith("sla:")) {
                draft.alert(key.substring(4), next.get().getValue(), "in step '"
                        + draft.state.record().step() + "' since "
                        + draft.state.record().stepEnteredAt() + ", past its "
                        + key.substring(4) + " level");
            } else {
                int index = Integer.parseInt(key.substring("timer:".length()));
                draft.transition(draft.step().transitions().get(index), "timer", key);
            }
        }
        draft.settle();
        return draft.entries.isEmpty() ? Decision.Outcome.NO_MATCH : Decision.Outcome.CHANGED;
    }

    private static Decision.Outcome cancel(Draft draft, String reason) {
        String step = draft.state.record().step();
        AuditEntry entry = AuditEntry.builder().copyFrom(draft.entry("cancel", Optional.empty(),
                step)).putDetail(Replay.REASON, reason).build();
        InstanceState before = draft.state;
        draft.append(entry);
        for (String level : before.progress().raised()) {
            draft.cleared.add(before.alertId(level));
        }
        return Decision.Outcome.CHANGED;
    }

    private static Decision.Outcome migrate(Draft draft, Input.Migrate migrate) {
        ProcessDefinition target = migrate.target();
        ProcessDefinition source = draft.definition;
        if (!target.key().equals(source.key())) {
            throw new InvalidInputException("target.key", target.key(),
                    "must be the instance's process key " + source.key());
        }
        for (Map.Entry<String, String> pair : new TreeMap<>(migrate.stepMapping()).entrySet()) {
            if (target.step(pair.getValue()).isEmpty()) {
                throw new InvalidInputException("stepMapping." + pair.getKey(),
                        pair.getValue(), "is not a step of " + target.key() + " v"
                                + target.version());
            }
        }
        String from = draft.state.record().step();
        String to = migrate.stepMapping().getOrDefault(from, from);
        if (target.step(to).isEmpty()) {
            throw new InvalidInputException("stepMapping", from, "the current step has no"
                    + " step of the same id in v" + target.version() + "; map it");
        }
        String mapping = new TreeMap<>(migrate.stepMapping()).entrySet().stream()
                .map(e -> e.getKey() + "->" + e.getValue()).collect(Collectors.joining(","));
        AuditEntry entry = AuditEntry.builder().copyFrom(draft.entry("migration",
                Optional.of("v" + source.version() + "->v" + target.version()), to))
                .putDetail(Replay.DEFINITION_VERSION, String.valueOf(target.version()))
                .putDetail("fromVersion", String.valueOf(source.version()))
                .putDetail("stepMapping", mapping)
                .build();
        draft.definition = target;
        draft.append(entry);
        draft.settle();
        return Decision.Outcome.CHANGED;
    }

    /** A decision being built: entries appended one by one, the state folded along. */
    private static final class Draft {

        private final TimeRules rules;
        private ProcessDefinition definition;
        private final long expectedVersion;
        private InstanceState state;
        private final Instant now;
        private final String actor;
        private final List<AuditEntry> entries = new ArrayList<>();
        private final Map<String, Alert> raised = new LinkedHashMap<>();
        private final List<String> cleared = new ArrayList<>();
        private final List<OutboxEntry> outbox = new ArrayList<>();

        Draft(TimeRules rules, ProcessDefinition definition, InstanceState state,
                long expectedVersion, Instant now, String actor) {
            this.rules = rules;
            this.definition = definition;
            this.expectedVersion = expectedVersion;
            this.state = state;
            this.now = now;
            this.actor = actor;
        }

        Step step() {
            return Replay.step(definition, state.record().step());
        }

        long nextVersion() {
            return expectedVersion + 1;
        }

        AuditEntry entry(String trigger, Optional<String> ref, String toStep) {
            return AuditEntry.builder().tenant(state.record().tenant())
                    .instanceId(state.record().id())
                    .sequence(state.progress().sequence() + 1)
                    .fromStep(state.record().step()).toStep(toStep).trigger(trigger)
                    .triggerRef(ref).at(now).actor(actor)
                    .putDetail(Replay.VERSION, String.valueOf(nextVersion()))
                    .build();
        }

        void append(AuditEntry entry) {
            InstanceState before = state;
            ProcessDefinition current = definition;
            state = Replay.apply(rules, v -> current, before, entry);
            entries.add(entry);
            if (state.progress().stay() != before.progress().stay()) {
                for (String level : before.progress().raised()) {
                    String id = before.alertId(level);
                    Alert fresh = raised.get(id);
                    if (fresh != null) {
                        raised.put(id, Alert.builder().copyFrom(fresh).clearedAt(now).build());
                    } else {
                        cleared.add(id);
                    }
                }
            }
        }

        void transition(Transition transition, String trigger, String ref) {
            Step left = step();
            AuditEntry entry = entry(trigger, Optional.of(ref), transition.target());
            append(entry);
            List<Action> actions = new ArrayList<>(left.onExit());
            actions.addAll(transition.actions());
            actions.addAll(step().onEntry());
            actions(entry, actions);
        }

        void alert(String level, Instant dueAt, String reason) {
            Step step = step();
            append(entry("alert", Optional.of(level), step.id()));
            String id = state.alertId(level);
            raised.put(id, Alert.builder().tenant(state.record().tenant()).id(id)
                    .instanceId(state.record().id()).customerId(state.record().customerId())
                    .processKey(state.record().definitionKey()).step(step.id()).level(level)
                    .dueAt(dueAt).raisedAt(now).reason(reason).build());
        }

        void actions(AuditEntry entry, List<Action> actions) {
            for (int k = 0; k < actions.size(); k++) {
                Action action = actions.get(k);
                ObjectNode payload = CsKitJson.mapper().createObjectNode();
                payload.put("customerId", state.record().customerId().value());
                payload.put("processKey", state.record().definitionKey());
                payload.put("step", entry.toStep());
                ObjectNode parameters = payload.putObject("parameters");
                new TreeMap<>(action.parameters()).forEach(parameters::put);
                outbox.add(OutboxEntry.builder().tenant(state.record().tenant())
                        .id(state.record().id() + ":" + entry.sequence() + ":" + k)
                        .instanceId(state.record().id()).actionType(action.type())
                        .payload(payload.toString()).createdAt(now).nextAttemptAt(now)
                        .build());
            }
        }

        /** Fires done checklists, then flags a stuck instance. */
        void settle() {
            for (int i = 0; i < MAX_CHAINED_ENTRIES && state.isRunning(); i++) {
                Step step = step();
                List<String> done = state.progress().doneTasks();
                Optional<Transition> checklist = step.kind() != Step.Kind.CHECKLIST
                        || !Replay.checklistDone(step, done) ? Optional.empty()
                        : step.transitions().stream()
                                .filter(t -> t.trigger().kind() == Trigger.Kind.CHECKLIST)
                                .findFirst();
                if (checklist.isPresent()) {
                    transition(checklist.get(), "checklist", step.id());
                    continue;
                }
                if (!Replay.canProgress(step, done)
                        && !state.progress().raised().contains("stuck")) {
                    alert("stuck", now, "in step '" + step.id() + "' with no open task, no"
                            + " timer and no awaited event: it cannot move on its own");
                }
                return;
            }
        }

        List<Alert> raisedAlerts() {
            return new ArrayList<>(raised.values());
        }

        Decision decision() {
            return new Decision(Decision.Outcome.CHANGED, expectedVersion, state, entries,
                    raisedAlerts(), cleared, outbox);
        }
    }
}
