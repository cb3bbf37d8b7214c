package dev.cskit.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cskit.core.CsKitException;
import dev.cskit.core.CsKitJson;
import dev.cskit.core.Customer;
import dev.cskit.core.CustomerEvent;
import dev.cskit.core.CustomerId;
import dev.cskit.core.Ids;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.LifecycleStage;
import dev.cskit.core.NoSuchRecordException;
import dev.cskit.core.TenantId;
import dev.cskit.core.VersionConflictException;
import dev.cskit.core.store.Alert;
import dev.cskit.core.store.AlertQuery;
import dev.cskit.core.store.AuditEntry;
import dev.cskit.core.store.DefinitionRecord;
import dev.cskit.core.store.DueItem;
import dev.cskit.core.store.EventStatus;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.core.store.InstanceStatus;
import dev.cskit.core.store.OutboxEntry;
import dev.cskit.core.store.OutboxStatus;
import dev.cskit.core.store.Store;
import dev.cskit.core.store.StoredEvent;
import dev.cskit.process.internal.Decider;
import dev.cskit.process.internal.Decision;
import dev.cskit.process.internal.Input;
import dev.cskit.process.internal.InstanceState;
import dev.cskit.process.internal.Replay;
import dev.cskit.process.internal.TimeRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Carries customers through their processes: starts instances, delivers customer events,
 * completes tasks, fires timers and SLA levels, and hands the actions of every transition to
 * the application's handlers.
 *
 * <p>Design note. Every command follows one path: load the instance and its definition
 * version, decide purely (no I/O: from definition, state, input and instant to next state,
 * audit entries, alerts and actions), then commit all of it in one
 * {@link dev.cskit.core.store.InstanceStore#commit} that expects the loaded version. On a
 * version conflict the runner reloads and decides again on the fresh state, up to
 * {@link Builder#maxConflictRetries} times, then throws
 * {@link ConflictRetriesExhaustedException}. Only after the commit are listeners told and
 * actions handed to handlers, through the outbox: a failing handler is retried with
 * exponential backoff and never undoes the transition; one that keeps failing leaves its
 * action {@link OutboxStatus#FAILED}. Due times of timers and SLA levels are stored as due
 * items with every commit, so a sweep ({@link #tick}) is a range query on due instants, and
 * several nodes can sweep one store: each claims its items for a lease.
 *
 * <p>Events: the inbox records an event before anything else; an id seen before changes
 * nothing; an event that no running instance of the customer waits for is kept with status
 * {@link EventStatus#UNMATCHED}. Events are applied in delivery order, whatever their
 * {@code occurredAt}.
 *
 * <p>Cancelling ({@link #cancel}) stops a running instance where it stands, by the same
 * path: decided, audited, committed, then listeners told.
 *
 * <p>Versions: a started instance runs on the definition version it started on until
 * {@link #migrate} moves it, which the audit trail records.
 *
 * <p>Time: commands take their instant from the injected {@link Clock}. Calendar delays
 * ({@code P1D}) count on the wall clock of the definition's zone (or the runner's), exact ones
 * ({@code PT24H}) as elapsed time; see {@link Delay}. A sweep after downtime raises each
 * overdue level once, at the sweep's instant, and fires overdue timers then.
 *
 * <p>Thread-safe: any number of threads (and nodes sharing a store) may call it.
 *
 * <p>Note: an event whose processing failed after it was recorded (a crash, or retries used
 * up) stays {@link EventStatus#RECEIVED}; delivering it again applies it then. Only the
 * delivery that recorded an event marks it unmatched, and only after checking that no
 * concurrent delivery of the same id moved an instance; an instance remembers the ids of the
 * last 32 events that moved it, which bounds that check.
 */
public final class ProcessRunner {

    private static final System.Logger LOG = System.getLogger(ProcessRunner.class.getName());
    private static final String SYSTEM = "system";

    private final Store store;
    private final Clock clock;
    private final TimeRules rules;
    private final Map<String, ActionHandler> handlers;
    private final List<ProcessListener> listeners;
    private final DefinitionValidator validator;
    private final int maxConflictRetries;
    private final int maxActionAttempts;
    private final Duration firstRetryDelay;
    private final Duration maxRetryDelay;
    private final Duration lease;
    private final int batchSize;
    private final String node;
    private final Set<TenantId> tenants;
    private final Supplier<String> instanceIds;
    private final Cache<DefinitionKey, ProcessDefinition> definitions;
    private final ThreadLocal<Boolean> dispatching = ThreadLocal.withInitial(() -> false);

    private record DefinitionKey(TenantId tenant, String key, int version) {
    }

    private ProcessRunner(Builder builder) {
        this.store = builder.store;
        this.clock = builder.clock;
        this.rules = new TimeRules(builder.zone, builder.calendar);
        Map<String, ActionHandler> all = new HashMap<>();
        all.put(Action.CHANGE_STAGE, this::changeStage);
        all.put(Action.START_PROCESS, this::startProcess);
        all.putAll(builder.handlers);
        this.handlers = Map.copyOf(all);
        this.listeners = List.copyOf(builder.listeners);
        this.validator = DefinitionValidator.forActionTypes(handlers.keySet());
        this.maxConflictRetries = builder.maxConflictRetries;
        this.maxActionAttempts = builder.maxActionAttempts;
        this.firstRetryDelay = builder.firstRetryDelay;
        this.maxRetryDelay = builder.maxRetryDelay;
        this.lease = builder.lease;
        this.batchSize = builder.batchSize;
        this.node = builder.node;
        this.tenants = Set.copyOf(builder.tenants);
        this.instanceIds = builder.instanceIds;
        this.definitions = Caffeine.newBuilder().maximumSize(10_000).build();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- definitions

    /**
     * Validates a definition and stores it for the default tenant.
     *
     * @param definition the definition
     * @return the definition
     * @throws DefinitionInvalidException with every problem, if it cannot run
     * @throws InvalidInputException if its key and version are stored with other content
     */
    public ProcessDefinition register(ProcessDefinition definition) {
        return register(TenantId.DEFAULT, definition);
    }

    /**
     * Validates a definition (action types against the registered handlers) and stores it.
     * Storing the same key, version and content again does nothing.
     *
     * @param tenant the tenant
     * @param definition the definition
     * @return the definition
     * @throws DefinitionInvalidException with every problem, if it cannot run
     * @throws InvalidInputException if its key and version are stored with other content
     */
    public ProcessDefinition register(TenantId tenant, ProcessDefinition definition) {
        validator.validate(definition);
        store.definitions().put(DefinitionRecord.builder().tenant(tenant).key(definition.key())
                .version(definition.version()).content(definition.toJson())
                .storedAt(clock.instant()).build());
        definitions.put(new DefinitionKey(tenant, definition.key(), definition.version()),
                definition);
        return definition;
    }

    /** @return the validator this runner applies, knowing its handlers' action types */
    public DefinitionValidator validator() {
        return validator;
    }

    /**
     * Returns a stored definition version.
     *
     * @param tenant the tenant
     * @param key the key
     * @param version the version
     * @return the definition
     * @throws NoSuchRecordException if it is not stored
     */
    public ProcessDefinition definition(TenantId tenant, String key, int version) {
        return definitions.get(new DefinitionKey(tenant, key, version), k ->
                ProcessDefinition.fromJson(store.definitions().find(tenant, key, version)
                        .orElseThrow(() -> new NoSuchRecordException("definition",
                                key + " v" + version, tenant))
                        .content()));
    }

    // ---------------------------------------------------------------- commands

    /**
     * Starts the latest version of a process for a customer of the default tenant.
     *
     * @param customer the customer
     * @param processKey the process
     * @return the new instance
     * @throws NoSuchRecordException if no version of the process is registered
     */
    public InstanceRecord start(CustomerId customer, String processKey) {
        return start(TenantId.DEFAULT, customer, processKey, SYSTEM);
    }

    /**
     * Starts the latest version of a process for a customer.
     *
     * @param tenant the tenant
     * @param customer the customer
     * @param processKey the process
     * @param actor who starts it, for the audit trail
     * @return the new instance
     * @throws NoSuchRecordException if no version of the process is registered
     */
    public InstanceRecord start(TenantId tenant, CustomerId customer, String processKey,
            String actor) {
        DefinitionRecord latest = store.definitions().latest(tenant, processKey)
                .orElseThrow(() -> new NoSuchRecordException("definition", processKey, tenant));
        return start(tenant, customer, processKey, latest.version(), instanceIds.get(), actor);
    }

    /**
     * Starts a given version of a process under a given instance id. Starting an id that
     * exists fails, which makes a start with a chosen id idempotent for the caller.
     *
     * @param tenant the tenant
     * @param customer the customer
     * @param processKey the process
     * @param version the definition version
     * @param instanceId the new instance's id
     * @param actor who starts it
     * @return the new instance
     * @throws NoSuchRecordException if that version is not registered
     * @throws VersionConflictException if an instance with that id exists
     */
    public InstanceRecord start(TenantId tenant, CustomerId customer, String processKey,
            int version, String instanceId, String actor) {
        ProcessDefinition definition = definition(tenant, processKey, version);
        Instant now = clock.instant();
        Decision decision = Decider.decide(rules, definition, null,
                new Input.Start(tenant, Ids.require("instanceId", instanceId), customer, actor),
                now);
        store.instances().commit(decision.commit());
        afterCommit(null, decision, now);
        return decision.next().record();
    }

    /**
     * Delivers a customer event, with actor {@code integration}.
     *
     * @param event the event
     * @return what it did
     * @see #deliver(CustomerEvent, String)
     */
    public Delivery deliver(CustomerEvent event) {
        return deliver(event, "integration");
    }

    /**
     * Delivers a customer event: records it in the inbox (an id seen before changes nothing),
     * then offers it to each running instance of the customer, in start order; the first
     * transition of an instance's current step that fires on it moves that instance. The
     * event's status becomes {@link EventStatus#APPLIED} if it moved an instance, else
     * {@link EventStatus#UNMATCHED}.
     *
     * @param event the event
     * @param actor who delivered it, for the audit trail
     * @return what it did
     * @throws ConflictRetriesExhaustedException if an instance stayed contended; the event is
     *     then left {@link EventStatus#RECEIVED}
     */
    public Delivery deliver(CustomerEvent event, String actor) {
        Instant now = clock.instant();
        boolean recorded = store.events().record(event, now);
        if (!recorded) {
            Optional<StoredEvent> seen = store.events().find(event.tenant(), event.id());
            if (seen.isEmpty() || seen.get().status() != EventStatus.RECEIVED) {
                return new Delivery(event.id(), Delivery.Outcome.DUPLICATE, List.of());
            }
        }
        List<String> moved = new ArrayList<>();
        boolean applied = false;
        for (InstanceRecord instance : store.instances()
                .runningForCustomer(event.tenant(), event.customerId())) {
            Decision decision = decideAndCommit(event.tenant(), instance.id(),
                    new Input.Deliver(event, actor), null);
            if (decision.changed()) {
                moved.add(instance.id());
            }
            applied |= decision.changed()
                    || decision.outcome() == Decision.Outcome.DUPLICATE;
        }
        if (!applied) {
            applied = appliedEarlier(event);
        }
        if (applied || recorded) {
            store.events().setStatus(event.tenant(), event.id(),
                    applied ? EventStatus.APPLIED : EventStatus.UNMATCHED);
        }
        return new Delivery(event.id(),
                applied ? Delivery.Outcome.APPLIED : Delivery.Outcome.UNMATCHED, moved);
    }

    /**
     * Tells whether a concurrent delivery of the same event already moved one of the
     * customer's instances (which may since have completed), so that a late delivery does
     * not mark an applied event unmatched.
     */
    private boolean appliedEarlier(CustomerEvent event) {
        for (InstanceRecord instance : store.instances()
                .forCustomer(event.tenant(), event.customerId())) {
            if (InstanceState.of(instance).progress().recentEvents().contains(event.id())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Marks a task of an instance's current step done; a task transition on it fires, and
     * completing the last required task of a checklist step fires its checklist transition.
     * Completing a task already done changes nothing.
     *
     * @param tenant the tenant
     * @param instanceId the instance
     * @param taskId the task
     * @param actor who did it
     * @return the instance after
     * @throws NoSuchRecordException if there is no such instance
     * @throws InvalidInputException if the task is not in the current step, the tasks it
     *     requires are not done, or the instance is not running
     */
    public InstanceRecord completeTask(TenantId tenant, String instanceId, String taskId,
            String actor) {
        return decideAndCommit(tenant, instanceId, new Input.CompleteTask(taskId, actor), null)
                .next().record();
    }

    /**
     * Moves a running instance to another version of its definition. Its current step maps
     * through {@code stepMapping} (a step not named keeps its id); it enters the mapped step
     * afresh (new due times, alerts of the old stay cleared), keeps the done tasks the new
     * step also has, runs no actions, and the audit trail records the move with both
     * versions and the mapping.
     *
     * @param tenant the tenant
     * @param instanceId the instance
     * @param toVersion the version to move to, registered
     * @param stepMapping old step id to new step id
     * @param actor who migrates it
     * @return the instance after
     * @throws NoSuchRecordException if the instance or version does not exist
     * @throws InvalidInputException if the mapping names a step the version lacks, or the
     *     instance is not running
     */
    public InstanceRecord migrate(TenantId tenant, String instanceId, int toVersion,
            Map<String, String> stepMapping, String actor) {
        InstanceRecord current = store.instances().find(tenant, instanceId)
                .orElseThrow(() -> new NoSuchRecordException("instance", instanceId, tenant));
        ProcessDefinition target = definition(tenant, current.definitionKey(), toVersion);
        return decideAndCommit(tenant, instanceId,
                new Input.Migrate(target, stepMapping, actor), null).next().record();
    }

    /**
     * Cancels a running instance: it stops in its current step with status
     * {@link InstanceStatus#CANCELLED}, its due items (timers, SLA levels) are removed, the
     * open alerts of its stay cleared, no actions run, and the audit trail ends with a
     * {@code cancel} entry carrying the reason. Listeners hear
     * {@link ProcessListener#onCancelled}. Events for the customer no longer reach it.
     *
     * @param tenant the tenant
     * @param instanceId the instance
     * @param actor who cancels it
     * @param reason why, non-blank, for the audit trail
     * @return the cancelled instance
     * @throws NoSuchRecordException if there is no such instance
     * @throws InstanceNotRunningException if it is already completed or cancelled
     * @throws InvalidInputException if the reason or actor is blank
     */
    public InstanceRecord cancel(TenantId tenant, String instanceId, String actor,
            String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", reason, "must be non-blank text");
        }
        if (actor == null || actor.isBlank()) {
            throw new InvalidInputException("actor", actor, "must be non-blank text");
        }
        return decideAndCommit(tenant, instanceId, new Input.Cancel(reason, actor), null)
                .next().record();
    }

    /**
     * Sweeps every configured tenant at the clock's instant.
     *
     * @return what the sweep did, summed over tenants
     */
    public Sweep tick() {
        return tick(clock.instant());
    }

    /**
     * Sweeps every configured tenant ({@link Builder#tenants}) at an instant.
     *
     * @param now the instant
     * @return what the sweep did, summed over tenants
     */
    public Sweep tick(Instant now) {
        int[] sum = new int[5];
        for (TenantId tenant : tenants) {
            Sweep sweep = tick(tenant, now);
            sum[0] += sweep.claimed();
            sum[1] += sweep.instances();
            sum[2] += sweep.alerts();
            sum[3] += sweep.transitions();
            sum[4] += sweep.actions();
        }
        return new Sweep(sum[0], sum[1], sum[2], sum[3], sum[4]);
    }

    /**
     * Sweeps one tenant at an instant: claims the due items (timers and SLA levels) for a
     * lease, decides for each of their instances, commits, then hands pending actions to
     * their handlers (retries included). A failure on one instance is logged and does not
     * stop the sweep; its items are claimed again when the lease ends.
     *
     * @param tenant the tenant
     * @param now the instant
     * @return what the sweep did
     */
    public Sweep tick(TenantId tenant, Instant now) {
        int claimed = 0;
        int instances = 0;
        int alerts = 0;
        int transitions = 0;
        while (true) {
            List<DueItem> items = store.dueItems().claim(tenant, now, batchSize, node,
                    now.plus(lease));
            if (items.isEmpty()) {
                break;
            }
            claimed += items.size();
            Set<String> ids = new LinkedHashSet<>();
            items.forEach(item -> ids.add(item.instanceId()));
            for (String id : ids) {
                try {
                    Decision decision = decideAndCommit(tenant, id, new Input.Tick(SYSTEM), now);
                    if (decision.changed()) {
                        instances++;
                        alerts += decision.raise().size();
                        transitions += (int) decision.audit().stream()
                                .filter(ProcessRunner::isTransition).count();
                    }
                } catch (CsKitException e) {
                    LOG.log(System.Logger.Level.WARNING, "sweep of instance " + id + " in tenant "
                            + tenant + " failed: " + e.getMessage() + "; its due items are"
                            + " claimed again when the lease of " + lease + " ends", e);
                }
            }
            if (items.size() < batchSize) {
                break;
            }
        }
        int actions = dispatchActions(tenant, now);
        return new Sweep(claimed, instances, alerts, transitions, actions);
    }

    // ---------------------------------------------------------------- reads

    /**
     * Finds an instance.
     *
     * @param tenant the tenant
     * @param instanceId the id
     * @return the instance, or empty
     */
    public Optional<InstanceRecord> instance(TenantId tenant, String instanceId) {
        return store.instances().find(tenant, instanceId);
    }

    /**
     * Returns the tasks done in an instance's current step.
     *
     * @param instance the instance
     * @return the task ids in completion order
     */
    public List<String> doneTasks(InstanceRecord instance) {
        return InstanceState.of(instance).progress().doneTasks();
    }

    /**
     * Lists open alerts: who is stuck or late, where, since when.
     *
     * @param tenant the tenant
     * @param query the filters (process, step, level, age)
     * @return the alerts
     */
    public List<Alert> openAlerts(TenantId tenant, AlertQuery query) {
        return store.alerts().open(tenant, query);
    }

    /**
     * Lists actions whose handler kept failing until the retries were used up.
     *
     * @param tenant the tenant
     * @param limit the most to return
     * @return the failed actions, with their last error
     */
    public List<OutboxEntry> failedActions(TenantId tenant, int limit) {
        return store.outbox().list(tenant, OutboxStatus.FAILED, limit);
    }

    /**
     * Rebuilds an instance from its audit trail alone, with this runner's time rules and the
     * stored definition versions. For a consistent store it equals the stored instance.
     *
     * @param tenant the tenant
     * @param instanceId the instance
     * @return the instance as its trail describes it
     * @throws NoSuchRecordException if the instance has no trail
     */
    public InstanceRecord replay(TenantId tenant, String instanceId) {
        List<AuditEntry> trail = store.instances().audit(tenant, instanceId);
        if (trail.isEmpty()) {
            throw new NoSuchRecordException("instance", instanceId, tenant);
        }
        String key = trail.get(0).detail().get("process");
        return Replay.rebuild(rules, v -> definition(tenant, key, v), trail).record();
    }

    // ---------------------------------------------------------------- the decision path

    private Decision decideAndCommit(TenantId tenant, String instanceId, Input input,
            Instant at) {
        VersionConflictException last = null;
        for (int attempt = 1; attempt <= maxConflictRetries; attempt++) {
            InstanceRecord record = store.instances().find(tenant, instanceId)
                    .orElseThrow(() -> new NoSuchRecordException("instance", instanceId, tenant));
            ProcessDefinition definition = definition(tenant, record.definitionKey(),
                    record.definitionVersion());
            InstanceState before = InstanceState.of(record);
            Instant now = at != null ? at : clock.instant();
            Decision decision = Decider.decide(rules, definition, before, input, now);
            if (!decision.changed()) {
                return decision;
            }
            try {
                store.instances().commit(decision.commit());
            } catch (VersionConflictException e) {
                last = e;
                pause(attempt);
                continue;
            }
            afterCommit(before, decision, now);
            return decision;
        }
        throw new ConflictRetriesExhaustedException(last, maxConflictRetries);
    }

    /** Backs off a little, randomly, so that racing threads stop colliding. */
    private static void pause(int attempt) {
        if (attempt < 2) {
            Thread.onSpinWait();
            return;
        }
        long micros = ThreadLocalRandom.current().nextLong(50L << Math.min(attempt, 8));
        try {
            Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isTransition(AuditEntry entry) {
        return !entry.trigger().equals("alert") && !entry.trigger().equals("task.done")
                && !entry.trigger().equals("cancel");
    }

    private void afterCommit(InstanceState before, Decision decision, Instant now) {
        InstanceRecord after = decision.next().record();
        for (AuditEntry entry : decision.audit()) {
            if (isTransition(entry)) {
                notify(l -> l.onTransition(after, entry), "onTransition");
            }
        }
        for (Alert alert : decision.raise()) {
            LOG.log(System.Logger.Level.DEBUG, () -> "alert " + alert.id() + ": "
                    + alert.reason());
            notify(l -> l.onAlert(alert), "onAlert");
        }
        boolean wasRunning = before == null || before.isRunning();
        if (wasRunning && after.status() == InstanceStatus.COMPLETED) {
            notify(l -> l.onCompleted(after), "onCompleted");
        }
        if (wasRunning && after.status() == InstanceStatus.CANCELLED) {
            notify(l -> l.onCancelled(after), "onCancelled");
        }
        if (!decision.outbox().isEmpty()) {
            dispatchActions(after.tenant(), now);
        }
    }

    private void notify(java.util.function.Consumer<ProcessListener> call, String method) {
        for (ProcessListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException | LinkageError e) {
                LOG.log(System.Logger.Level.WARNING, "process listener " + listener.getClass()
                        .getName() + "." + method + " threw " + e + "; the runner went on."
                        + " Listeners must not throw: catch inside the listener", e);
            }
        }
    }

    // ---------------------------------------------------------------- the outbox

    /**
     * Hands due outbox actions of a tenant to their handlers: claims them for a lease, calls
     * each handler, marks each delivered, or failed with a retry at an exponentially growing
     * delay, or failed for good after {@link Builder#maxActionAttempts} attempts. Called after
     * every commit that stored actions and by every sweep; a nested call from inside a handler
     * does nothing (the outer call picks up what the handler caused).
     *
     * @param tenant the tenant
     * @param now the instant
     * @return how many actions were handed to a handler or given up on
     */
    public int dispatchActions(TenantId tenant, Instant now) {
        if (dispatching.get()) {
            return 0;
        }
        dispatching.set(true);
        int handled = 0;
        try {
            while (true) {
                List<OutboxEntry> entries = store.outbox().claim(tenant, now, batchSize, node,
                        now.plus(lease));
                if (entries.isEmpty()) {
                    return handled;
                }
                for (OutboxEntry entry : entries) {
                    handle(entry, now);
                    handled++;
                }
            }
        } finally {
            dispatching.set(false);
        }
    }

    private void handle(OutboxEntry entry, Instant now) {
        ActionHandler handler = handlers.get(entry.actionType());
        int attempt = entry.attempts() + 1;
        try {
            if (handler == null) {
                throw new IllegalStateException("no handler is registered for action type '"
                        + entry.actionType() + "'");
            }
            handler.handle(request(entry, attempt));
        } catch (Exception | LinkageError e) {
            boolean giveUp = handler == null || attempt >= maxActionAttempts;
            Optional<Instant> retryAt = giveUp ? Optional.empty()
                    : Optional.of(now.plus(backoff(attempt)));
            store.outbox().markFailed(entry.tenant(), entry.id(), String.valueOf(e), retryAt);
            System.Logger.Level level = giveUp ? System.Logger.Level.WARNING
                    : System.Logger.Level.DEBUG;
            LOG.log(level, "action " + entry.id() + " (" + entry.actionType() + ") failed on"
                    + " attempt " + attempt + ": " + e + (giveUp ? "; giving up, it is now"
                    + " FAILED and listed by failedActions" : "; retry at " + retryAt.get()));
            return;
        }
        store.outbox().markDelivered(entry.tenant(), entry.id());
    }

    private Duration backoff(int attempt) {
        Duration delay = firstRetryDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }

    private static ActionRequest request(OutboxEntry entry, int attempt) {
        JsonNode payload;
        try {
            payload = CsKitJson.mapper().readTree(entry.payload());
        } catch (JsonProcessingException e) {
            throw CsKitJson.invalid(e, "outbox " + entry.id());
        }
        Map<String, String> parameters = new TreeMap<>();
        payload.path("parameters").fields()
                .forEachRemaining(f -> parameters.put(f.getKey(), f.getValue().asText()));
        return new ActionRequest(entry.id(), entry.tenant(), entry.instanceId(),
                CustomerId.of(payload.path("customerId").asText()),
                payload.path("processKey").asText(), payload.path("step").asText(),
                entry.actionType(), parameters, attempt);
    }

    private void changeStage(ActionRequest request) {
        LifecycleStage stage = LifecycleStage.valueOf(request.parameters().get("stage"));
        Customer customer = store.customers().find(request.tenant(), request.customerId())
                .orElseThrow(() -> new NoSuchRecordException("customer",
                        request.customerId().value(), request.tenant()));
        if (customer.stage() != stage) {
            store.customers().put(customer.moveTo(stage, clock.instant(),
                    "process " + request.processKey()));
        }
    }

    private void startProcess(ActionRequest request) {
        String key = request.parameters().get("process");
        DefinitionRecord latest = store.definitions().latest(request.tenant(), key)
                .orElseThrow(() -> new NoSuchRecordException("definition", key,
                        request.tenant()));
        try {
            start(request.tenant(), request.customerId(), key, latest.version(),
                    "started-by:" + request.id(), SYSTEM);
        } catch (VersionConflictException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "process " + key + " already started by "
                    + request.id());
        }
    }

    /**
     * Builds a {@link ProcessRunner}. Store and clock are required; the rest have defaults,
     * given with each setter. The builder is not thread-safe; the runner it builds is.
     */
    public static final class Builder {

        private Store store;
        private Clock clock;
        private ZoneId zone = ZoneId.of("UTC");
        private BusinessCalendar calendar = BusinessCalendar.ALWAYS_OPEN;
        private final Map<String, ActionHandler> handlers = new HashMap<>();
        private final List<ProcessListener> listeners = new ArrayList<>();
        private int maxConflictRetries = 20;
        private int maxActionAttempts = 5;
        private Duration firstRetryDelay = Duration.ofSeconds(30);
        private Duration maxRetryDelay = Duration.ofHours(1);
        private Duration lease = Duration.ofMinutes(1);
        private int batchSize = 500;
        private String node = "node-" + UUID.randomUUID();
        private Set<TenantId> tenants = Set.of(TenantId.DEFAULT);
        private Supplier<String> instanceIds = () -> UUID.randomUUID().toString();

        private Builder() {
        }

        /**
         * @param store where instances, audit, alerts, due items and the outbox live
         * @return this builder
         */
        public Builder store(Store store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * @param clock the source of every instant the runner uses
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param zone where calendar delays count for definitions naming no zone; UTC unless
         *     set
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * @param calendar the business calendar for delays marked {@code businessCalendar};
         *     {@link BusinessCalendar#ALWAYS_OPEN} unless set
         * @return this builder
         */
        public Builder businessCalendar(BusinessCalendar calendar) {
            this.calendar = Objects.requireNonNull(calendar, "calendar");
            return this;
        }

        /**
         * Registers the handler of an action type, replacing an earlier one. The runner
         * brings handlers for {@link Action#CHANGE_STAGE} (moves the stored customer) and
         * {@link Action#START_PROCESS} (starts the latest version, once per action id); a
         * handler given here replaces them.
         *
         * @param actionType the type
         * @param handler the handler
         * @return this builder
         */
        public Builder handler(String actionType, ActionHandler handler) {
            handlers.put(Ids.require("actionType", actionType),
                    Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /**
         * @param listener a listener to add, called in the order added
         * @return this builder
         */
        public Builder listener(ProcessListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * @param attempts how many times to decide and commit before giving up on a version
         *     conflict, 1 to 1000; 20 unless set
         * @return this builder
         */
        public Builder maxConflictRetries(int attempts) {
            this.maxConflictRetries = range("maxConflictRetries", attempts, 1, 1000);
            return this;
        }

        /**
         * @param attempts how many times to try a failing action before marking it failed,
         *     1 to 1000; 5 unless set
         * @return this builder
         */
        public Builder maxActionAttempts(int attempts) {
            this.maxActionAttempts = range("maxActionAttempts", attempts, 1, 1000);
            return this;
        }

        /**
         * Sets the retry delays of failing actions: the first, doubling up to the largest.
         *
         * @param first the delay after the first failure, positive; 30 s unless set
         * @param max the largest delay, at least {@code first}; 1 h unless set
         * @return this builder
         */
        public Builder retryDelays(Duration first, Duration max) {
            if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
                throw new InvalidInputException("retryDelays", first + ".." + max,
                        "first must be positive and max at least first");
            }
            this.firstRetryDelay = first;
            this.maxRetryDelay = max;
            return this;
        }

        /**
         * @param lease how long a claim on due items and actions holds, positive; 1 min
         *     unless set
         * @return this builder
         */
        public Builder lease(Duration lease) {
            if (lease.isNegative() || lease.isZero()) {
                throw new InvalidInputException("lease", lease, "must be positive");
            }
            this.lease = lease;
            return this;
        }

        /**
         * @param size how many due items or actions to claim at once, 1 to 100,000; 500
         *     unless set
         * @return this builder
         */
        public Builder batchSize(int size) {
            this.batchSize = range("batchSize", size, 1, 100_000);
            return this;
        }

        /**
         * @param name this node's name on its claims; a random one unless set
         * @return this builder
         */
        public Builder node(String name) {
            this.node = Ids.require("node", name);
            return this;
        }

        /**
         * @param sweep the tenants {@link #tick(Instant)} sweeps; the default tenant unless
         *     set
         * @return this builder
         */
        public Builder tenants(Set<TenantId> sweep) {
            this.tenants = Set.copyOf(sweep);
            return this;
        }

        /**
         * @param ids where new instance ids come from; random UUIDs unless set
         * @return this builder
         */
        public Builder instanceIds(Supplier<String> ids) {
            this.instanceIds = Objects.requireNonNull(ids, "ids");
            return this;
        }

        /**
         * @return the runner
         * @throws IllegalStateException if store or clock is missing
         */
        public ProcessRunner build() {
            if (store == null || clock == null) {
                throw new IllegalStateException("a ProcessRunner needs a store and a clock");
            }
            return new ProcessRunner(this);
        }

        private static int range(String field, int value, int min, int max) {
            if (value < min || value > max) {
                throw new InvalidInputException(field, value,
                        "must be between " + min + " and " + max);
            }
            return value;
        }
    }
}
