package dev.cskit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cskit.core.Customer;
import dev.cskit.core.CustomerEvent;
import dev.cskit.core.CustomerId;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.LifecycleStage;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.Alert;
import dev.cskit.core.store.AlertQuery;
import dev.cskit.core.store.AuditEntry;
import dev.cskit.core.store.DueItem;
import dev.cskit.core.store.EventStatus;
import dev.cskit.core.store.InMemoryStore;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.core.store.InstanceStatus;
import dev.cskit.core.store.OutboxEntry;
import dev.cskit.core.store.OutboxStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProcessRunnerTest {

    private static final TenantId T = TenantId.DEFAULT;
    private static final CustomerId ACME = CustomerId.of("acme");

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = MutableClock.at(ProcessFixtures.MONDAY);
    private final RecordingListener listener = new RecordingListener();
    private final RecordingHandler email = new RecordingHandler(0);
    private final RecordingHandler csm = new RecordingHandler(0);

    private ProcessRunner runner() {
        return ProcessRunner.builder().store(store).clock(clock)
                .handler(Action.EMAIL, email).handler(Action.CSM_TASK, csm)
                .listener(listener).build();
    }

    private CustomerEvent event(String id, String type, Map<String, String> attributes) {
        return CustomerEvent.builder().id(id).type(type).customerId(ACME)
                .occurredAt(clock.instant()).putAllAttributes(attributes).build();
    }

    @Test
    void register_invalidDefinition_throwsWithEveryProblemAndStoresNothing() {
        ProcessDefinition unknownAction = ProcessDefinition.builder()
                .copyFrom(ProcessFixtures.onboarding(1)).build();
        ProcessRunner withoutHandlers = ProcessRunner.builder().store(store).clock(clock).build();

        assertThatThrownBy(() -> withoutHandlers.register(unknownAction))
                .isInstanceOf(DefinitionInvalidException.class)
                .satisfies(e -> assertThat(((DefinitionInvalidException) e).problems())
                        .extracting(DefinitionInvalidException.Problem::path)
                        .containsExactlyInAnyOrder("steps[0].onEntry[0].type",
                                "steps[0].transitions[0].actions[0].type",
                                "steps[1].transitions[1].actions[0].type"));
        assertThat(store.definitions().latest(T, "onboarding")).isEmpty();
    }

    @Test
    void walk_onboarding_endsActiveWithAuditListenersAndActions() {
        ProcessRunner runner = runner();
        runner.register(ProcessFixtures.onboarding(1));
        store.customers().put(Customer.builder().id(ACME).name("Acme").build());

        InstanceRecord started = runner.start(ACME, "onboarding");
        String id = started.id();
        for (String task : List.of("contract", "licences", "account")) {
            clock.advance(Duration.ofHours(1));
            runner.completeTask(T, id, task, "bob");
        }
        clock.advance(Duration.ofHours(1));
        runner.deliver(event("e-1", "meeting.held", Map.of("outcome", "ok")));
        clock.advance(Duration.ofHours(1));
        Delivery done = runner.deliver(event("e-2", "feature.used", Map.of()));

        assertThat(done.outcome()).isEqualTo(Delivery.Outcome.APPLIED);
        InstanceRecord end = runner.instance(T, id).orElseThrow();
        assertThat(end.status()).isEqualTo(InstanceStatus.COMPLETED);
        assertThat(end.step()).isEqualTo("done");
        List<AuditEntry> audit = store.instances().audit(T, id);
        assertThat(audit).extracting(AuditEntry::trigger).containsExactly("start",
                "task.done", "task.done", "task.done", "checklist", "event", "event");
        assertThat(audit).extracting(AuditEntry::sequence)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(listener.transitions).containsExactly(id + ":->registration",
                id + ":registration->kickoff", id + ":kickoff->adoption",
                id + ":adoption->done");
        assertThat(listener.completed).containsExactly(id);
        assertThat(email.requests).extracting(r -> r.parameters().get("template"))
                .containsExactly("registration");
        assertThat(csm.requests).singleElement()
                .satisfies(r -> assertThat(r.id()).isEqualTo(id + ":5:0"));
        assertThat(store.customers().find(T, ACME).orElseThrow().stage())
                .isEqualTo(LifecycleStage.ACTIVE);
        assertThat(store.dueItems().forInstance(T, id)).isEmpty();
        assertThat(runner.replay(T, id)).isEqualTo(end);
    }

    @Test
    void deliver_duplicateAndUnmatchedEvents_changeNothingAndStayVisible() {
        ProcessRunner runner = runner();
        runner.register(ProcessFixtures.waiting("P3D", "P1D"));
        Delivery early = runner.deliver(event("e-0", "go", Map.of()));
        InstanceRecord instance = runner.start(ACME, "waiting");

        Delivery first = runner.deliver(event("e-1", "go", Map.of()));
        Delivery again = runner.deliver(event("e-1", "go", Map.of()));

        assertThat(early.outcome()).isEqualTo(Delivery.Outcome.UNMATCHED);
        assertThat(store.events().find(T, "e-0").orElseThrow().status())
                .isEqualTo(EventStatus.UNMATCHED);
        assertThat(first.instanceIds()).containsExactly(instance.id());
        assertThat(again.outcome()).isEqualTo(Delivery.Outcome.DUPLICATE);
        assertThat(store.events().find(T, "e-1").orElseThrow().status())
                .isEqualTo(EventStatus.APPLIED);
        assertThat(store.instances().audit(T, instance.id())).hasSize(2);
        assertThat(runner.instance(T, instance.id()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void completeTask_beforePrecedence_isRefusedAndLeavesTheInstanceAsItWas() {
        ProcessRunner runner = runner();
        runner.register(ProcessFixtures.onboarding(1));
        InstanceRecord instance = runner.start(ACME, "onboarding");

        assertThatThrownBy(() -> runner.completeTask(T, instance.id(), "licences", "bob"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("requires [contract]");
        assertThat(runner.instance(T, instance.id())).contains(instance);
    }

    @Test
    void tick_slaLevels_raisedOnceListedAndClearedOnLeaving() {
        ProcessRunner runner = runner();
        runner.register(ProcessFixtures.waiting("P30D", "P1D"));
        InstanceRecord instance = runner.start(ACME, "waiting");

        clock.advance(Duration.ofDays(1));
        Sweep first = runner.tick();
        Sweep second = runner.tick();
        List<Alert> open = runner.openAlerts(T, AlertQuery.builder().processKey("waiting")
                .step("waiting").level("warn").build());
        clock.advance(Duration.ofHours(1));
        runner.deliver(event("e-1", "go", Map.of()));

        assertThat(first.alerts()).isEqualTo(1);
        assertThat(second.claimed()).isZero();
        assertThat(open).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(instance.id() + ":1:warn");
            assertThat(a.dueAt()).isEqualTo(ProcessFixtures.MONDAY.plus(Duration.ofDays(1)));
        });
        assertThat(listener.alerts).extracting(Alert::id).containsExactly(open.get(0).id());
        assertThat(runner.openAlerts(T, AlertQuery.all())).isEmpty();
        assertThat(store.alerts().find(T, open.get(0).id()).orElseThrow().clearedAt())
                .contains(clock.instant());
    }

    @Test
    void tick_afterAWeekOfDowntime_raisesEachOverdueAlertOnce() {
        ProcessRunner runner = runner();
        runner.register(ProcessFixtures.onboarding(1));
        InstanceRecord instance = runner.start(ACME, "onboarding");
        for (String task : List.of("contract", "licences", "account")) {
            runner.completeTask(T, instance.id(), task, "bob");
        }
        runner.deliver(event("e-1", "meeting.held", Map.of("outcome", "ok")));

        clock.advance(Duration.ofDays(7));
        Sweep back = runner.tick();
        clock.advance(Duration.ofMinutes(1));
        Sweep next = runner.tick();

        assertThat(back.alerts()).isEqualTo(2);
        assertThat(runner.openAlerts(T, AlertQuery.all())).extracting(Alert::level)
                .containsExactlyInAnyOrder("warn", "breach");
        assertThat(next.alerts()).isZero();
        assertThat(store.dueItems().forInstance(T, instance.id())).extracting(DueItem::key)
                .containsExactly("sla:escalate");
    }

    @Test
    void tick_timer_movesTheInstanceAndRunsItsActions() {
        ProcessRunner runner = runner();
        runner.register(ProcessFixtures.onboarding(1));
        InstanceRecord instance = runner.start(ACME, "onboarding");
        for (String task : List.of("contract", "licences", "account")) {
            runner.completeTask(T, instance.id(), task, "bob");
        }

        clock.advance(Duration.ofDays(3));
        Sweep sweep = runner.tick();

        assertThat(sweep.transitions()).isEqualTo(1);
        assertThat(runner.instance(T, instance.id()).orElseThrow().step())
                .isEqualTo("reminder");
        assertThat(email.requests).extracting(r -> r.parameters().get("template"))
                .containsExactly("registration", "kickoff-reminder");
        assertThat(store.instances().audit(T, instance.id())).last()
                .satisfies(e -> assertThat(e.triggerRef()).contains("timer:1"));
    }

    @Test
    void dispatch_failingHandler_retriedWithBackoffThenFailedVisibly() {
        RecordingHandler failing = new RecordingHandler(100);
        ProcessRunner runner = ProcessRunner.builder().store(store).clock(clock)
                .handler(Action.EMAIL, failing).handler(Action.CSM_TASK, csm)
                .maxActionAttempts(3).retryDelays(Duration.ofMinutes(1), Duration.ofMinutes(10))
                .build();
        runner.register(ProcessFixtures.onboarding(1));
        InstanceRecord instance = runner.start(ACME, "onboarding");
        String actionId = instance.id() + ":1:0";

        OutboxEntry afterFirst = store.outbox().find(T, actionId).orElseThrow();
        clock.advance(Duration.ofSeconds(59));
        runner.tick();
        int callsBeforeDue = failing.requests.size();
        clock.advance(Duration.ofSeconds(1));
        runner.tick();
        OutboxEntry afterSecond = store.outbox().find(T, actionId).orElseThrow();
        clock.advance(Duration.ofMinutes(2));
        runner.tick();

        assertThat(afterFirst.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(afterFirst.nextAttemptAt())
                .isEqualTo(ProcessFixtures.MONDAY.plus(Duration.ofMinutes(1)));
        assertThat(callsBeforeDue).isEqualTo(1);
        assertThat(afterSecond.nextAttemptAt())
                .isEqualTo(ProcessFixtures.MONDAY.plus(Duration.ofMinutes(3)));
        assertThat(failing.requests).extracting(ActionRequest::id).containsOnly(actionId);
        assertThat(failing.requests).extracting(ActionRequest::attempt).containsExactly(1, 2, 3);
        assertThat(runner.failedActions(T, 10)).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(actionId);
            assertThat(e.lastError()).hasValueSatisfying(m -> assertThat(m)
                    .contains("mail server down"));
        });
        assertThat(runner.instance(T, instance.id()).orElseThrow().status())
                .isEqualTo(InstanceStatus.RUNNING);
    }

    @Test
    void listener_thatThrows_doesNotStopTheRunnerOrOtherListeners() {
        ProcessListener broken = new ProcessListener() {
            @Override
            public void onTransition(InstanceRecord instance, AuditEntry entry) {
                throw new IllegalStateException("listener bug");
            }
        };
        ProcessRunner runner = ProcessRunner.builder().store(store).clock(clock)
                .listener(broken).listener(listener).build();
        runner.register(ProcessFixtures.waiting("P3D", "P1D"));

        InstanceRecord instance = runner.start(ACME, "waiting");
        runner.deliver(event("e-1", "go", Map.of()));

        assertThat(listener.transitions).containsExactly(instance.id() + ":->waiting",
                instance.id() + ":waiting->end");
        assertThat(runner.instance(T, instance.id()).orElseThrow().status())
                .isEqualTo(InstanceStatus.COMPLETED);
    }

    @Test
    void versions_runningInstanceKeepsItsVersionUntilMigrated() {
        ProcessRunner runner = runner();
        runner.register(ProcessFixtures.onboarding(1));
        InstanceRecord old = runner.start(ACME, "onboarding");
        ProcessDefinition v2 = ProcessDefinition.builder().copyFrom(ProcessFixtures.onboarding(2))
                .steps(ProcessFixtures.onboarding(2).steps().stream()
                        .map(s -> s.id().equals("registration")
                                ? Step.builder().copyFrom(s).id("signup").build() : s)
                        .collect(Collectors.toList()))
                .startStep("signup").build();
        runner.register(v2);
        InstanceRecord fresh = runner.start(ACME, "onboarding");
        runner.completeTask(T, old.id(), "contract", "bob");

        InstanceRecord migrated = runner.migrate(T, old.id(), 2,
                Map.of("registration", "signup"), "ops");

        assertThat(fresh.definitionVersion()).isEqualTo(2);
        assertThat(fresh.step()).isEqualTo("signup");
        assertThat(migrated.definitionVersion()).isEqualTo(2);
        assertThat(migrated.step()).isEqualTo("signup");
        assertThat(runner.doneTasks(migrated)).containsExactly("contract");
        AuditEntry entry = store.instances().audit(T, old.id()).get(2);
        assertThat(entry.trigger()).isEqualTo("migration");
        assertThat(entry.fromStep()).contains("registration");
        assertThat(entry.detail()).containsEntry("stepMapping", "registration->signup")
                .containsEntry("fromVersion", "1").containsEntry("definitionVersion", "2");
        assertThat(runner.replay(T, old.id())).isEqualTo(migrated);
        assertThatThrownBy(() -> runner.register(ProcessDefinition.builder()
                .copyFrom(v2).name("changed").build()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void start_sameInstanceIdTwice_isRefused() {
        ProcessRunner runner = runner();
        runner.register(ProcessFixtures.waiting("P3D", "P1D"));
        runner.start(T, ACME, "waiting", 1, "fixed", "ops");

        assertThatThrownBy(() -> runner.start(T, ACME, "waiting", 1, "fixed", "ops"))
                .isInstanceOf(dev.cskit.core.VersionConflictException.class);
        assertThat(store.instances().audit(T, "fixed")).hasSize(1);
    }

    @Test
    void tick_atInstantBeforeAnythingDue_claimsNothing() {
        ProcessRunner runner = runner();
        runner.register(ProcessFixtures.waiting("P3D", "P1D"));
        runner.start(ACME, "waiting");

        Sweep sweep = runner.tick(Instant.parse("2024-06-03T23:59:59Z"));

        assertThat(sweep).isEqualTo(new Sweep(0, 0, 0, 0, 0));
    }
}
