package dev.cskit.core.store;

import dev.cskit.core.Customer;
import dev.cskit.core.CustomerEvent;
import dev.cskit.core.CustomerId;
import dev.cskit.core.Money;
import dev.cskit.core.Subscription;
import dev.cskit.core.SurveyKind;
import dev.cskit.core.SurveyResponse;
import dev.cskit.core.TenantId;
import java.time.Duration;
import java.time.Instant;

/**
 * Test data for store tests: pre-filled builders with fixed instants, so a test states only
 * what it is about. Every method returns a builder (or a value built from one) that a test may
 * change further. Nothing here reads the wall clock.
 */
public final class StoreFixtures {

    /** A fixed instant every fixture time is relative to: 2024-03-01T09:00:00Z. */
    public static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");

    /** The first tenant of the tests. */
    public static final TenantId TENANT_A = TenantId.of("tenant-a");

    /** A second tenant, to check isolation. */
    public static final TenantId TENANT_B = TenantId.of("tenant-b");

    /** A customer id used by most tests. */
    public static final CustomerId ACME = CustomerId.of("acme");

    /** A second customer id. */
    public static final CustomerId GLOBEX = CustomerId.of("globex");

    /** The definition key of the fixture instances. */
    public static final String PROCESS = "onboarding.registration";

    private StoreFixtures() {
    }

    /**
     * Returns an instant relative to {@link #T0}.
     *
     * @param minutes minutes after T0 (negative for before)
     * @return the instant
     */
    public static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /**
     * A customer named after its id, in ONBOARDING.
     *
     * @param tenant the tenant
     * @param id the customer id
     * @return a builder
     */
    public static Customer.Builder customer(TenantId tenant, CustomerId id) {
        Customer.Builder builder = Customer.builder();
        builder.tenant(tenant).id(id).name("Customer " + id.value()).plan("team");
        return builder;
    }

    /**
     * A monthly term of 5 seats at 20.00 EUR each, starting at {@code start}.
     *
     * @param tenant the tenant
     * @param id the subscription id
     * @param customer the customer
     * @param start the start of the term
     * @return a builder
     */
    public static Subscription.Builder term(TenantId tenant, String id, CustomerId customer,
            Instant start) {
        Subscription.Builder builder = Subscription.builder();
        builder.tenant(tenant).id(id).customerId(customer).plan("team").seats(5)
                .unitPrice(Money.ofMinor(2000, "EUR")).start(start);
        return builder;
    }

    /**
     * A {@code feature.used} event.
     *
     * @param tenant the tenant
     * @param id the event id
     * @param customer the customer
     * @param occurredAt when it happened
     * @return a builder
     */
    public static CustomerEvent.Builder event(TenantId tenant, String id, CustomerId customer,
            Instant occurredAt) {
        CustomerEvent.Builder builder = CustomerEvent.builder();
        builder.tenant(tenant).id(id).type("feature.used").customerId(customer)
                .occurredAt(occurredAt).putAttributes("feature", "reports");
        return builder;
    }

    /**
     * An NPS answer.
     *
     * @param tenant the tenant
     * @param id the response id
     * @param customer the customer
     * @param score the score, 0 to 10
     * @param answeredAt when it was answered
     * @return a builder
     */
    public static SurveyResponse.Builder nps(TenantId tenant, String id, CustomerId customer,
            int score, Instant answeredAt) {
        SurveyResponse.Builder builder = SurveyResponse.builder();
        builder.tenant(tenant).id(id).customerId(customer).kind(SurveyKind.NPS).score(score)
                .answeredAt(answeredAt);
        return builder;
    }

    /**
     * A definition version with a small JSON content naming key and version.
     *
     * @param tenant the tenant
     * @param key the key
     * @param version the version
     * @return a builder
     */
    public static DefinitionRecord.Builder definition(TenantId tenant, String key,
            int version) {
        DefinitionRecord.Builder builder = DefinitionRecord.builder();
        builder.tenant(tenant).key(key).version(version)
                .content("{\"key\":\"" + key + "\",\"version\":" + version + "}")
                .storedAt(T0);
        return builder;
    }

    /**
     * A running instance of {@link #PROCESS} version 1, at version 1, started at T0 in step
     * {@code contract}.
     *
     * @param tenant the tenant
     * @param id the instance id
     * @param customer the customer
     * @return a builder
     */
    public static InstanceRecord.Builder instance(TenantId tenant, String id,
            CustomerId customer) {
        InstanceRecord.Builder builder = InstanceRecord.builder();
        builder.tenant(tenant).id(id).customerId(customer).definitionKey(PROCESS)
                .definitionVersion(1).status(InstanceStatus.RUNNING).step("contract")
                .stepEnteredAt(T0).startedAt(T0).updatedAt(T0).version(1);
        return builder;
    }

    /**
     * An audit entry of an instance.
     *
     * @param instance the instance the entry belongs to
     * @param sequence the entry's sequence
     * @param toStep the step entered
     * @param at when
     * @return a builder; {@code fromStep} is unset
     */
    public static AuditEntry.Builder audit(InstanceRecord instance, long sequence,
            String toStep, Instant at) {
        AuditEntry.Builder builder = AuditEntry.builder();
        builder.tenant(instance.tenant()).instanceId(instance.id()).sequence(sequence)
                .toStep(toStep).trigger(sequence == 1 ? "start" : "event").at(at)
                .actor("system");
        return builder;
    }

    /**
     * The commit that starts an instance: expected version 0 and audit entry 1 entering the
     * instance's step.
     *
     * @param instance the new instance, at version 1
     * @return a builder
     */
    public static InstanceCommit.Builder start(InstanceRecord instance) {
        InstanceCommit.Builder builder = InstanceCommit.builder();
        builder.instance(instance).expectedVersion(0)
                .addAudit(audit(instance, 1, instance.step(), instance.startedAt()).build());
        return builder;
    }

    /**
     * The commit of a transition of a loaded instance to another step: the instance one
     * version further, in {@code toStep} from {@code at}, with one audit entry.
     *
     * @param loaded the instance as loaded
     * @param auditSequence the sequence of the new audit entry
     * @param toStep the step entered
     * @param at when
     * @return a builder
     */
    public static InstanceCommit.Builder transition(InstanceRecord loaded, long auditSequence,
            String toStep, Instant at) {
        InstanceRecord next = next(loaded).step(toStep).stepEnteredAt(at).updatedAt(at)
                .build();
        InstanceCommit.Builder builder = InstanceCommit.builder();
        builder.instance(next).expectedVersion(loaded.version())
                .addAudit(audit(next, auditSequence, toStep, at).fromStep(loaded.step())
                        .build());
        return builder;
    }

    /**
     * The loaded instance one version further, otherwise unchanged.
     *
     * @param loaded the instance as loaded
     * @return a builder
     */
    public static InstanceRecord.Builder next(InstanceRecord loaded) {
        InstanceRecord.Builder builder = InstanceRecord.builder();
        builder.copyFrom(loaded).version(loaded.version() + 1);
        return builder;
    }

    /**
     * A commit that changes nothing but the version: no audit, no due items.
     *
     * @param loaded the instance as loaded
     * @return a builder
     */
    public static InstanceCommit.Builder touch(InstanceRecord loaded) {
        InstanceCommit.Builder builder = InstanceCommit.builder();
        builder.instance(next(loaded).build()).expectedVersion(loaded.version());
        return builder;
    }

    /**
     * An unclaimed timer of an instance.
     *
     * @param instance the instance
     * @param key the key within the instance
     * @param dueAt when it falls due
     * @return a builder
     */
    public static DueItem.Builder due(InstanceRecord instance, String key, Instant dueAt) {
        DueItem.Builder builder = DueItem.builder();
        builder.tenant(instance.tenant()).instanceId(instance.id()).key(key).kind("timer")
                .dueAt(dueAt);
        return builder;
    }

    /**
     * An open {@code warn} alert of an instance in its current step.
     *
     * @param instance the instance
     * @param id the alert id
     * @param raisedAt when it is raised
     * @return a builder
     */
    public static Alert.Builder alert(InstanceRecord instance, String id, Instant raisedAt) {
        Alert.Builder builder = Alert.builder();
        builder.tenant(instance.tenant()).id(id).instanceId(instance.id())
                .customerId(instance.customerId()).processKey(instance.definitionKey())
                .step(instance.step()).level("warn").dueAt(raisedAt).raisedAt(raisedAt)
                .reason("step " + instance.step() + " is late");
        return builder;
    }

    /**
     * A pending email action of an instance, due for its first attempt when created.
     *
     * @param instance the instance
     * @param id the entry id
     * @param createdAt when it is stored
     * @return a builder
     */
    public static OutboxEntry.Builder action(InstanceRecord instance, String id,
            Instant createdAt) {
        OutboxEntry.Builder builder = OutboxEntry.builder();
        builder.tenant(instance.tenant()).id(id).instanceId(instance.id()).actionType("email")
                .payload("{\"template\":\"welcome\"}").createdAt(createdAt)
                .nextAttemptAt(createdAt);
        return builder;
    }
}
