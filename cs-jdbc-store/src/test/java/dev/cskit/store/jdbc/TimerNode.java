package dev.cskit.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cskit.core.CsKitJson;
import dev.cskit.core.CustomerId;
import dev.cskit.core.TenantId;
import dev.cskit.core.VersionConflictException;
import dev.cskit.core.store.Alert;
import dev.cskit.core.store.AuditEntry;
import dev.cskit.core.store.DueItem;
import dev.cskit.core.store.InstanceCommit;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.core.store.InstanceStatus;
import dev.cskit.core.store.OutboxEntry;
import dev.cskit.core.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One application node as the scale and crash tests run it: what a process runner does with
 * the store, reduced to one process shape. An instance waits in step {@code waiting} with a
 * timer ({@code timer:t}, moves it to {@code reminded} and asks for an email) and an SLA level
 * ({@code sla:warn}, raises an alert). Events add one to a counter in the state. Every
 * decision is committed with the version it was made on, and redone on a conflict.
 *
 * <p>The state is {@code {"audit":n,"events":e,"slaFired":s}}: the last audit sequence, the
 * events applied, and how often the SLA level was handled (1 when handled once).
 */
final class TimerNode {

    static final String TIMER = "timer:t";
    static final String SLA = "sla:warn";

    private final Store store;
    private final TenantId tenant;
    private final String name;
    final AtomicInteger fired = new AtomicInteger();
    final AtomicInteger conflicts = new AtomicInteger();

    TimerNode(Store store, TenantId tenant, String name) {
        this.store = store;
        this.tenant = tenant;
        this.name = name;
    }

    /** Starts an instance with its timer and SLA level due at {@code dueAt}. */
    static InstanceCommit start(TenantId tenant, String id, Instant startedAt, Instant dueAt) {
        InstanceRecord instance = InstanceRecord.builder().tenant(tenant).id(id)
                .customerId(CustomerId.of("c-" + id)).definitionKey("scale")
                .definitionVersion(1).status(InstanceStatus.RUNNING).step("waiting")
                .stepEnteredAt(startedAt).startedAt(startedAt).updatedAt(startedAt).version(1)
                .state(state(1, 0, 0)).build();
        return InstanceCommit.builder().instance(instance).expectedVersion(0)
                .addAudit(AuditEntry.builder().tenant(tenant).instanceId(id).sequence(1)
                        .toStep("waiting").trigger("start").at(startedAt).actor("test").build())
                .addDueItems(due(tenant, id, TIMER, "timer", dueAt),
                        due(tenant, id, SLA, "sla", dueAt.plusMillis(1)))
                .build();
    }

    private static DueItem due(TenantId tenant, String id, String key, String kind,
            Instant at) {
        return DueItem.builder().tenant(tenant).instanceId(id).key(key).kind(kind).dueAt(at)
                .build();
    }

    static String state(long audit, long events, long slaFired) {
        return "{\"audit\":" + audit + ",\"events\":" + events + ",\"slaFired\":" + slaFired
                + "}";
    }

    static long field(InstanceRecord instance, String name) {
        try {
            JsonNode state = CsKitJson.mapper().readTree(instance.state());
            return state.get(name).asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Claims and handles due items until none is left to claim.
     *
     * @param now the sweep's instant
     * @param lease how long a claim holds
     * @param batch how many items to claim at once
     */
    void sweep(Instant now, Duration lease, int batch) {
        List<DueItem> claimed;
        do {
            claimed = store.dueItems().claim(tenant, now, batch, name, now.plus(lease));
            for (DueItem item : claimed) {
                handle(item, now);
            }
        } while (!claimed.isEmpty());
    }

    /**
     * Handles one claimed item: decides on the instance as loaded and commits, again on a
     * conflict.
     *
     * @return whether this node fired it (false when another decision already had)
     */
    boolean handle(DueItem item, Instant now) {
        for (int attempt = 0; attempt < 100; attempt++) {
            InstanceRecord loaded = store.instances().find(tenant, item.instanceId())
                    .orElseThrow();
            // Due items are read after the instance: if they changed since, so did the
            // instance's version, and the commit below conflicts.
            List<DueItem> pending = new ArrayList<>(store.dueItems()
                    .forInstance(tenant, item.instanceId()));
            if (!pending.removeIf(d -> d.key().equals(item.key()))) {
                return false;
            }
            try {
                store.instances().commit(decide(loaded, item, pending, now));
                fired.incrementAndGet();
                return true;
            } catch (VersionConflictException e) {
                conflicts.incrementAndGet();
            }
        }
        throw new IllegalStateException("no commit for " + item + " after 100 attempts");
    }

    private InstanceCommit decide(InstanceRecord loaded, DueItem item, List<DueItem> pending,
            Instant now) {
        long audit = field(loaded, "audit");
        long events = field(loaded, "events");
        long slaFired = field(loaded, "slaFired");
        InstanceRecord.Builder next = InstanceRecord.builder().copyFrom(loaded)
                .version(loaded.version() + 1).updatedAt(now);
        InstanceCommit.Builder commit = InstanceCommit.builder()
                .expectedVersion(loaded.version()).addAllDueItems(pending);
        if (item.key().equals(TIMER)) {
            next.step("reminded").stepEnteredAt(now).state(state(audit + 1, events, slaFired));
            commit.addAudit(AuditEntry.builder().tenant(tenant).instanceId(loaded.id())
                    .sequence(audit + 1).fromStep(loaded.step()).toStep("reminded")
                    .trigger("timer").triggerRef(TIMER).at(now).actor(name).build());
            commit.addOutbox(OutboxEntry.builder().tenant(tenant).id(loaded.id() + ":" + TIMER)
                    .instanceId(loaded.id()).actionType("email")
                    .payload("{\"template\":\"reminder\"}").createdAt(now).nextAttemptAt(now)
                    .build());
        } else {
            next.state(state(audit, events, slaFired + 1));
            commit.addRaise(Alert.builder().tenant(tenant).id(loaded.id() + ":waiting:warn")
                    .instanceId(loaded.id()).customerId(loaded.customerId())
                    .processKey(loaded.definitionKey()).step("waiting").level("warn")
                    .dueAt(item.dueAt()).raisedAt(now).reason("waiting past its SLA").build());
        }
        return commit.instance(next.build()).build();
    }

    /** Applies one event to an instance: one more on its counter, one audit entry. */
    void applyEvent(String instanceId, String eventId, Instant now) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            InstanceRecord loaded = store.instances().find(tenant, instanceId).orElseThrow();
            List<DueItem> pending = store.dueItems().forInstance(tenant, instanceId);
            long audit = field(loaded, "audit") + 1;
            InstanceRecord next = InstanceRecord.builder().copyFrom(loaded)
                    .version(loaded.version() + 1).updatedAt(now)
                    .state(state(audit, field(loaded, "events") + 1, field(loaded, "slaFired")))
                    .build();
            try {
                store.instances().commit(InstanceCommit.builder().instance(next)
                        .expectedVersion(loaded.version()).addAllDueItems(pending)
                        .addAudit(AuditEntry.builder().tenant(tenant).instanceId(instanceId)
                                .sequence(audit).fromStep(loaded.step()).toStep(loaded.step())
                                .trigger("event").triggerRef(eventId).at(now).actor(name)
                                .build())
                        .build());
                return;
            } catch (VersionConflictException e) {
                conflicts.incrementAndGet();
            }
        }
        throw new IllegalStateException("event " + eventId + " not applied after 1000 tries");
    }

    /**
     * Claims outbox entries and delivers them: appends each id to a log, then marks it
     * delivered. A node killed between the two leaves the entry leased; after the lease it
     * is delivered again, with the same id.
     *
     * @return how many entries were delivered
     */
    int deliver(Instant now, Duration lease, int batch, Path log) {
        List<OutboxEntry> claimed = store.outbox().claim(tenant, now, batch, name,
                now.plus(lease));
        for (OutboxEntry entry : claimed) {
            try {
                Files.writeString(log, entry.id() + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            store.outbox().markDelivered(tenant, entry.id());
        }
        return claimed.size();
    }

    Store store() {
        return store;
    }

    Optional<InstanceRecord> find(String id) {
        return store.instances().find(tenant, id);
    }
}
