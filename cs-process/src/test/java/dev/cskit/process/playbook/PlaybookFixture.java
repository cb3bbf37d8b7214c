package dev.cskit.process.playbook;

import dev.cskit.core.Customer;
import dev.cskit.core.CustomerEvent;
import dev.cskit.core.CustomerId;
import dev.cskit.core.LifecycleStage;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.Alert;
import dev.cskit.core.store.AlertQuery;
import dev.cskit.core.store.InMemoryStore;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.process.Action;
import dev.cskit.process.ActionRequest;
import dev.cskit.process.Delivery;
import dev.cskit.process.MutableClock;
import dev.cskit.process.ProcessRunner;
import dev.cskit.process.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A runner on the in-memory store and the test clock with every playbook registered, one
 * customer, and recorders for the email and manager-task actions. The clock starts on
 * Monday 2025-03-03 09:00 UTC (10:00 in Paris, no daylight-saving change for four weeks);
 * the business calendar is Paris office hours, Monday to Friday 09:00-17:00.
 */
final class PlaybookFixture {

    static final TenantId T = TenantId.DEFAULT;
    static final CustomerId ACME = CustomerId.of("acme");
    static final Instant MONDAY = Instant.parse("2025-03-03T09:00:00Z");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final WorkingCalendar OFFICE = WorkingCalendar.builder().zone(PARIS)
            .mondayToFriday().hours("09:00-17:00").build();

    final InMemoryStore store = new InMemoryStore();
    final MutableClock clock;
    final List<ActionRequest> emails = new CopyOnWriteArrayList<>();
    final List<ActionRequest> csmTasks = new CopyOnWriteArrayList<>();
    final ProcessRunner runner;
    private int events;

    PlaybookFixture(LifecycleStage stage) {
        this(stage, MONDAY);
    }

    PlaybookFixture(LifecycleStage stage, Instant start) {
        clock = MutableClock.at(start);
        runner = ProcessRunner.builder().store(store).clock(clock).zone(PARIS)
                .businessCalendar(OFFICE)
                .handler(Action.EMAIL, emails::add)
                .handler(Action.CSM_TASK, csmTasks::add)
                .build();
        Playbooks.all().forEach(runner::register);
        store.customers().put(Customer.builder().id(ACME).name("Acme").stage(stage).build());
    }

    InstanceRecord start(String key) {
        return runner.start(ACME, key);
    }

    Delivery deliver(String type, Map<String, String> attributes) {
        events++;
        return runner.deliver(CustomerEvent.builder().id("event-" + events).type(type)
                .customerId(ACME).occurredAt(clock.instant()).putAllAttributes(attributes)
                .build());
    }

    Delivery deliver(String type) {
        return deliver(type, Map.of());
    }

    InstanceRecord complete(InstanceRecord instance, String task) {
        return runner.completeTask(T, instance.id(), task, "csm");
    }

    /** Moves the clock on and sweeps. */
    void after(Duration elapsed) {
        clock.advance(elapsed);
        runner.tick();
    }

    /** Sets the clock and sweeps. */
    void at(Instant now) {
        clock.set(now);
        runner.tick();
    }

    InstanceRecord reload(InstanceRecord instance) {
        return runner.instance(T, instance.id()).orElseThrow();
    }

    InstanceRecord instanceOf(String key) {
        return store.instances().forCustomer(T, ACME).stream()
                .filter(i -> i.definitionKey().equals(key)).findFirst().orElseThrow();
    }

    LifecycleStage stage() {
        return store.customers().find(T, ACME).orElseThrow().stage();
    }

    /** @return the open alerts of a process as {@code step:level} */
    List<String> alerts(String key) {
        return runner.openAlerts(T, AlertQuery.builder().processKey(key).build()).stream()
                .map(a -> a.step() + ":" + a.level()).sorted().collect(Collectors.toList());
    }

    List<Alert> alertList(String key) {
        return runner.openAlerts(T, AlertQuery.builder().processKey(key).build());
    }

    List<String> emailTemplates() {
        return emails.stream().map(r -> r.parameters().get("template"))
                .collect(Collectors.toList());
    }

    List<String> csmTaskTitles() {
        return csmTasks.stream().map(r -> r.parameters().get("title"))
                .collect(Collectors.toList());
    }
}
