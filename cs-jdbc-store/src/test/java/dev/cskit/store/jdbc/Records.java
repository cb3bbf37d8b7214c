package dev.cskit.store.jdbc;

import dev.cskit.core.CustomerId;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.Alert;
import dev.cskit.core.store.AuditEntry;
import dev.cskit.core.store.DueItem;
import dev.cskit.core.store.InstanceCommit;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.core.store.InstanceStatus;
import dev.cskit.core.store.OutboxEntry;
import java.time.Instant;
import java.util.Optional;

/** Small builders of SPI records for the store's own tests. */
final class Records {

    static final TenantId TENANT = TenantId.of("acme");
    static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");

    private Records() {
    }

    static InstanceRecord instance(String id, long version, String step) {
        return InstanceRecord.builder().tenant(TENANT).id(id)
                .customerId(CustomerId.of("c-" + id)).definitionKey("onboarding")
                .definitionVersion(1).status(InstanceStatus.RUNNING).step(step)
                .stepEnteredAt(T0.plusSeconds(version)).startedAt(T0)
                .updatedAt(T0.plusSeconds(version)).version(version).build();
    }

    static AuditEntry audit(String instanceId, long sequence, String from, String to) {
        return AuditEntry.builder().tenant(TENANT).instanceId(instanceId).sequence(sequence)
                .fromStep(Optional.ofNullable(from)).toStep(to).trigger("event")
                .at(T0.plusSeconds(sequence)).actor("system").build();
    }

    static DueItem due(String instanceId, String key, Instant at) {
        return DueItem.builder().tenant(TENANT).instanceId(instanceId).key(key).kind("timer")
                .dueAt(at).build();
    }

    static Alert alert(String instanceId, String id, String level) {
        return Alert.builder().tenant(TENANT).id(id).instanceId(instanceId)
                .customerId(CustomerId.of("c-" + instanceId)).processKey("onboarding")
                .step("setup").level(level).dueAt(T0).raisedAt(T0.plusSeconds(60))
                .reason("setup takes longer than 2 days").build();
    }

    static OutboxEntry outbox(String instanceId, String id) {
        return OutboxEntry.builder().tenant(TENANT).id(id).instanceId(instanceId)
                .actionType("email").payload("{\"template\":\"welcome\"}").createdAt(T0)
                .nextAttemptAt(T0).build();
    }

    /** The first commit of an instance: version 1 in step {@code start}. */
    static InstanceCommit.Builder start(String id) {
        return InstanceCommit.builder().instance(instance(id, 1, "start")).expectedVersion(0)
                .addAudit(audit(id, 1, null, "start"));
    }

    /** A commit moving an instance from version {@code from} to the next, into a step. */
    static InstanceCommit.Builder move(String id, long from, String step) {
        return InstanceCommit.builder().instance(instance(id, from + 1, step))
                .expectedVersion(from);
    }
}
