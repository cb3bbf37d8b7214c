package dev.cskit.examples.demo;

import dev.cskit.core.CustomerEvent;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.core.store.InstanceStatus;
import dev.cskit.process.Condition;
import dev.cskit.process.Delay;
import dev.cskit.process.ProcessDefinition;
import dev.cskit.process.ProcessRunner;
import dev.cskit.process.SlaLevel;
import dev.cskit.process.Step;
import dev.cskit.process.Task;
import dev.cskit.process.Transition;
import dev.cskit.process.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Plays the customer success manager and the customer inside the playbooks: when an instance
 * enters a step, it schedules the step's work after a seeded delay within the step's first
 * SLA level or timer, completing the open tasks
 * in the order their precedences allow, or sending an event the step waits for. Events that
 * the simulated world sends by itself (product use, tickets, surveys, cancellations,
 * win-backs) are never made up here, so a playbook that waits for one waits for the world.
 * Timers are left to the runner's sweep.
 *
 * <p>Nobody acts on an instance the simulation says to leave alone: the onboarding of a
 * customer who has cancelled, say.
 *
 * <p>Some stays stall: nobody acts for weeks, the step's SLA levels fall due, and the customer
 * shows up as stuck, as in real onboarding. The draw is seeded per instance and step, so two
 * runs with one seed stall the same customers. Used by the single simulation thread only.
 */
final class PlaybookAgent {

    /** Work scheduled for an instance in a step. */
    record Work(String instanceId, String step, Instant enteredAt) {
    }

    private static final double STALL = 0.06;
    private static final double RECOVER = 0.5;

    private final ProcessRunner runner;
    private final Map<String, ProcessDefinition> definitions;
    private final Set<String> worldEvents;
    private final long seed;
    private final Scheduler scheduler;
    private final Journal journal;
    private final Predicate<InstanceRecord> mayAct;
    private int nextEvent = 1;

    /** Where the agent puts work for later. */
    interface Scheduler {
        void schedule(Instant at, Work work);
    }

    PlaybookAgent(ProcessRunner runner, List<ProcessDefinition> definitions,
            Set<String> worldEvents, long seed, Scheduler scheduler, Journal journal,
            Predicate<InstanceRecord> mayAct) {
        this.mayAct = mayAct;
        this.runner = runner;
        this.definitions = new HashMap<>();
        for (ProcessDefinition definition : definitions) {
            this.definitions.put(definition.key() + "@" + definition.version(), definition);
        }
        this.worldEvents = Set.copyOf(worldEvents);
        this.seed = seed;
        this.scheduler = scheduler;
        this.journal = journal;
    }

    /**
     * Schedules the work of the step an instance has just entered.
     *
     * @param instance the instance after its move
     */
    void entered(InstanceRecord instance) {
        if (instance.status() != InstanceStatus.RUNNING) {
            return;
        }
        SplittableRandom random = random(instance.id(), instance.step(), 0);
        Duration delay = onTime(step(instance), random);
        if (random.nextDouble() < STALL) {
            journal.count("stalls");
            if (random.nextDouble() >= RECOVER) {
                return;
            }
            delay = Duration.ofDays(30 + random.nextInt(60));
        }
        scheduler.schedule(instance.stepEnteredAt().plus(delay),
                new Work(instance.id(), instance.step(), instance.stepEnteredAt()));
    }

    /**
     * Draws how long the work of a step takes when nobody stalls: within the step's first SLA
     * level or its shortest timer, whichever comes first, so an on-time customer raises no
     * alert and triggers no reminder; one to five days where the step sets neither.
     */
    private static Duration onTime(Optional<Step> step, SplittableRandom random) {
        Duration limit = null;
        if (step.isPresent()) {
            for (SlaLevel level : step.get().sla()) {
                limit = shorter(limit, level.after());
            }
            for (Transition transition : step.get().transitions()) {
                Optional<Delay> after = transition.trigger().after();
                if (after.isPresent()) {
                    limit = shorter(limit, after.get());
                }
            }
        }
        if (limit == null) {
            return Duration.ofHours(24 + random.nextInt(24 * 4));
        }
        long seconds = limit.getSeconds();
        return Duration.ofSeconds(seconds / 5 + random.nextLong(Math.max(1, seconds * 3 / 5)));
    }

    private static Duration shorter(Duration current, Delay delay) {
        Duration length = delay.exact().orElseGet(() -> Duration.ofDays(
                delay.calendar().map(p -> p.toTotalMonths() * 30 + p.getDays()).orElse(1L)));
        return current == null || length.compareTo(current) < 0 ? length : current;
    }

    private Optional<Step> step(InstanceRecord instance) {
        ProcessDefinition definition = definitions.get(instance.definitionKey() + "@"
                + instance.definitionVersion());
        return definition == null ? Optional.empty() : definition.step(instance.step());
    }

    /**
     * Does the scheduled work, if the instance is still where it was.
     *
     * @param work the work
     * @param now the instant
     */
    void perform(Work work, Instant now) {
        Optional<InstanceRecord> found = runner.instance(TenantId.DEFAULT, work.instanceId());
        if (found.isEmpty()) {
            return;
        }
        InstanceRecord instance = found.get();
        if (instance.status() != InstanceStatus.RUNNING || !instance.step().equals(work.step())
                || !instance.stepEnteredAt().equals(work.enteredAt()) || !mayAct.test(instance)) {
            return;
        }
        Optional<Step> step = step(instance);
        if (step.isEmpty()) {
            return;
        }
        Optional<Task> task = nextTask(step.get(), runner.doneTasks(instance));
        if (task.isPresent()) {
            InstanceRecord after = runner.completeTask(TenantId.DEFAULT, instance.id(),
                    task.get().id(), "csm");
            journal.count("tasks");
            if (after.status() == InstanceStatus.RUNNING && after.step().equals(work.step())
                    && after.stepEnteredAt().equals(work.enteredAt())) {
                SplittableRandom random = random(instance.id(), task.get().id(), 1);
                scheduler.schedule(now.plus(onTime(step, random).dividedBy(2)), work);
            }
            return;
        }
        sendAwaitedEvent(instance, step.get(), now);
    }

    private void sendAwaitedEvent(InstanceRecord instance, Step step, Instant now) {
        List<Trigger> awaited = new ArrayList<>();
        for (Transition transition : step.transitions()) {
            Trigger trigger = transition.trigger();
            if (trigger.kind() == Trigger.Kind.EVENT && trigger.eventType().isPresent()
                    && !worldEvents.contains(trigger.eventType().get())) {
                awaited.add(trigger);
            }
        }
        if (awaited.isEmpty()) {
            return;
        }
        Trigger chosen = awaited.get(random(instance.id(), step.id(), 2).nextInt(awaited.size()));
        CustomerEvent.Builder event = CustomerEvent.builder()
                .id("agent-" + nextEvent++)
                .type(chosen.eventType().get())
                .customerId(instance.customerId())
                .occurredAt(now);
        for (Condition condition : chosen.conditions()) {
            satisfying(condition).ifPresent(v -> event.putAttributes(condition.attribute(), v));
        }
        for (String attribute : chosen.attributes()) {
            event.putAttributes(attribute, "yes");
        }
        runner.deliver(event.build(), "customer");
        journal.count("agentEvents");
    }

    private static Optional<Task> nextTask(Step step, List<String> done) {
        Set<String> finished = new HashSet<>(done);
        for (Task task : step.tasks()) {
            if (!finished.contains(task.id()) && finished.containsAll(task.requires())) {
                return Optional.of(task);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> satisfying(Condition condition) {
        List<String> values = condition.values();
        switch (condition.operator()) {
            case EQUALS:
            case IN:
            case AT_LEAST:
            case AT_MOST:
                return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
            case NOT_EQUALS:
                return Optional.of("other");
            case PRESENT:
                return Optional.of("yes");
            default:
                return Optional.empty();
        }
    }

    private SplittableRandom random(String instanceId, String step, int salt) {
        return new SplittableRandom(CustomerBehaviour.mix(seed + salt, instanceId + "/" + step));
    }
}
