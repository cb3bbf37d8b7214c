package dev.cskit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cskit.core.Customer;
import dev.cskit.core.CustomerEvent;
import dev.cskit.core.CustomerId;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.NoSuchRecordException;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.Alert;
import dev.cskit.core.store.AlertQuery;
import dev.cskit.core.store.AuditEntry;
import dev.cskit.core.store.EventStatus;
import dev.cskit.core.store.InMemoryStore;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.core.store.InstanceStatus;
import dev.cskit.core.store.OutboxStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ProcessRunner#cancel} on the in-memory store with a hand-driven clock. */
class CancelTest {

    private static final TenantId T = TenantId.DEFAULT;
    private static final CustomerId ACME = CustomerId.of("acme");

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = MutableClock.at(ProcessFixtures.MONDAY);
    private final RecordingListener listener = new RecordingListener();
    private final RecordingHandler email = new RecordingHandler(0);
    private final RecordingHandler csm = new RecordingHandler(0);
    private final ProcessRunner runner = ProcessRunner.builder().store(store).clock(clock)
            .handler(Action.EMAIL, email).handler(Action.CSM_TASK, csm)
            .listener(listener).build();

    private int actions() {
        return store.outbox().list(T, OutboxStatus.DELIVERED, 1000).size()
                + store.outbox().list(T, OutboxStatus.PENDING, 1000).size()
                + store.outbox().list(T, OutboxStatus.FAILED, 1000).size();
    }

    /** Starts the onboarding, signs the contract, and lets its P1D warn level fire. */
    private InstanceRecord midChecklistWithWarn() {
        runner.register(ProcessFixtures.onboarding(1));
        store.customers().put(Customer.builder().id(ACME).name("Acme").build());
        InstanceRecord started = runner.start(ACME, "onboarding");
        clock.advance(Duration.ofHours(1));
        runner.completeTask(T, started.id(), "contract", "bob");
        clock.advance(Duration.ofHours(24));
        runner.tick();
        return runner.instance(T, started.id()).orElseThrow();
    }

    @Test
    void cancel_midChecklistWithOpenWarn_stopsClearsAuditsAndReplays() {
        InstanceRecord before = midChecklistWithWarn();
        List<Alert> open = runner.openAlerts(T, AlertQuery.all());
        int actionsBefore = actions();
        int emailsBefore = email.requests.size();
        clock.advance(Duration.ofHours(2));
        Instant at = clock.instant();

        InstanceRecord cancelled = runner.cancel(T, before.id(), "carol", "customer churned");

        assertThat(open).extracting(Alert::level).containsExactly("warn");
        assertThat(store.dueItems().forInstance(T, before.id())).isEmpty();
        assertThat(runner.openAlerts(T, AlertQuery.all())).isEmpty();
        assertThat(store.alerts().forInstance(T, before.id())).singleElement()
                .satisfies(a -> assertThat(a.clearedAt()).contains(at));
        assertThat(cancelled.status()).isEqualTo(InstanceStatus.CANCELLED);
        assertThat(cancelled.step()).isEqualTo("registration");
        assertThat(cancelled.stepEnteredAt()).isEqualTo(before.stepEnteredAt());
        assertThat(cancelled.version()).isEqualTo(before.version() + 1);
        assertThat(runner.instance(T, before.id())).contains(cancelled);
        assertThat(runner.doneTasks(cancelled)).containsExactly("contract");
        List<AuditEntry> trail = store.instances().audit(T, before.id());
        assertThat(trail).extracting(AuditEntry::trigger)
                .containsExactly("start", "task.done", "alert", "cancel");
        AuditEntry last = trail.get(trail.size() - 1);
        assertThat(last.actor()).isEqualTo("carol");
        assertThat(last.at()).isEqualTo(at);
        assertThat(last.detail()).containsEntry("reason", "customer churned");
        assertThat(runner.replay(T, before.id())).isEqualTo(cancelled);
        assertThat(actions()).isEqualTo(actionsBefore);
        assertThat(email.requests).hasSize(emailsBefore);
        assertThat(listener.cancelled).containsExactly(cancelled);
        assertThat(listener.completed).isEmpty();
        assertThat(listener.transitions).containsExactly(before.id() + ":->registration");
    }

    @Test
    void cancel_twiceOrAfterCompletion_throwsNamingInstanceAndStatus() {
        InstanceRecord running = midChecklistWithWarn();
        runner.register(ProcessFixtures.waiting("PT1H", "PT30M"));
        InstanceRecord waiting = runner.start(ACME, "waiting");
        runner.deliver(CustomerEvent.builder().id("e-go").type("go").customerId(ACME)
                .occurredAt(clock.instant()).build());
        InstanceRecord cancelled = runner.cancel(T, running.id(), "carol", "churned");

        assertThat(runner.instance(T, waiting.id()).orElseThrow().status())
                .isEqualTo(InstanceStatus.COMPLETED);
        assertThatThrownBy(() -> runner.cancel(T, running.id(), "carol", "again"))
                .isInstanceOfSatisfying(InstanceNotRunningException.class, e -> {
                    assertThat(e.instanceId()).isEqualTo(running.id());
                    assertThat(e.status()).isEqualTo(InstanceStatus.CANCELLED);
                    assertThat(e.getMessage()).contains(running.id(), "CANCELLED");
                });
        assertThatThrownBy(() -> runner.cancel(T, waiting.id(), "carol", "late"))
                .isInstanceOfSatisfying(InstanceNotRunningException.class, e -> {
                    assertThat(e.instanceId()).isEqualTo(waiting.id());
                    assertThat(e.status()).isEqualTo(InstanceStatus.COMPLETED);
                });
        assertThat(runner.instance(T, running.id())).contains(cancelled);
        assertThat(store.instances().audit(T, running.id())).hasSize(4);
        assertThat(listener.cancelled).hasSize(1);
    }

    @Test
    void cancel_unknownInstance_throwsNoSuchRecord() {
        assertThatThrownBy(() -> runner.cancel(T, "nobody", "carol", "churned"))
                .isInstanceOfSatisfying(NoSuchRecordException.class, e -> {
                    assertThat(e.kind()).isEqualTo("instance");
                    assertThat(e.id()).isEqualTo("nobody");
                });
    }

    @Test
    void cancel_blankReason_isRefusedAndChangesNothing() {
        InstanceRecord running = midChecklistWithWarn();

        assertThatThrownBy(() -> runner.cancel(T, running.id(), "carol", " "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reason");
        assertThat(runner.instance(T, running.id())).contains(running);
    }

    @Test
    void tick_afterCancel_firesNothing() {
        runner.register(ProcessFixtures.waiting("PT1H", "PT30M"));
        InstanceRecord waiting = runner.start(ACME, "waiting");
        clock.advance(Duration.ofMinutes(10));
        InstanceRecord cancelled = runner.cancel(T, waiting.id(), "carol", "churned");
        clock.advance(Duration.ofDays(30));

        Sweep sweep = runner.tick();

        assertThat(sweep).isEqualTo(new Sweep(0, 0, 0, 0, 0));
        assertThat(runner.instance(T, waiting.id())).contains(cancelled);
        assertThat(store.instances().audit(T, waiting.id())).extracting(AuditEntry::trigger)
                .containsExactly("start", "cancel");
        assertThat(listener.alerts).isEmpty();
    }

    @Test
    void deliver_toCustomerWhoseOnlyInstanceIsCancelled_isUnmatched() {
        runner.register(ProcessFixtures.waiting("PT1H", "PT30M"));
        InstanceRecord waiting = runner.start(ACME, "waiting");
        InstanceRecord cancelled = runner.cancel(T, waiting.id(), "carol", "churned");

        Delivery delivery = runner.deliver(CustomerEvent.builder().id("e-1").type("go")
                .customerId(ACME).occurredAt(clock.instant()).build());

        assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.UNMATCHED);
        assertThat(delivery.instanceIds()).isEmpty();
        assertThat(store.events().find(T, "e-1").orElseThrow().status())
                .isEqualTo(EventStatus.UNMATCHED);
        assertThat(runner.instance(T, waiting.id())).contains(cancelled);
    }
}
