package dev.cskit.store.jdbc;

import static dev.cskit.store.jdbc.Records.T0;
import static dev.cskit.store.jdbc.Records.TENANT;
import static dev.cskit.store.jdbc.Records.alert;
import static dev.cskit.store.jdbc.Records.audit;
import static dev.cskit.store.jdbc.Records.due;
import static dev.cskit.store.jdbc.Records.instance;
import static dev.cskit.store.jdbc.Records.move;
import static dev.cskit.store.jdbc.Records.outbox;
import static dev.cskit.store.jdbc.Records.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cskit.core.Customer;
import dev.cskit.core.CustomerEvent;
import dev.cskit.core.CustomerId;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.StoreException;
import dev.cskit.core.SurveyKind;
import dev.cskit.core.SurveyResponse;
import dev.cskit.core.TenantId;
import dev.cskit.core.VersionConflictException;
import dev.cskit.core.store.DueItem;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.core.store.OutboxEntry;
import dev.cskit.core.store.OutboxStatus;
import dev.cskit.core.store.RecordBatch;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JDBC store's own guarantees, beyond the SPI contract: the version check under
 * concurrency, all-or-nothing commits, leases, bad input and failures. Run on each database
 * by a subclass.
 */
abstract class JdbcStoreSemanticsTest {

    private DataSource dataSource;
    private JdbcStore store;

    /** @return a data source of a migrated database, the same for the whole class */
    abstract DataSource database();

    /** @return the SQL state of "no such table" on this database */
    abstract String missingTableState();

    @BeforeEach
    void openStore() {
        dataSource = database();
        StoreTables.emptyAll(dataSource);
        store = JdbcStore.builder().dataSource(dataSource).migrate(false).build();
    }

    @Test
    void commit_newInstance_storesEveryPart() {
        Instant reminder = T0.plus(Duration.ofDays(2));
        store.instances().commit(start("i-1")
                .addDueItems(due("i-1", "timer:reminder", reminder))
                .addRaise(alert("i-1", "i-1:start:warn", "warn"))
                .addOutbox(outbox("i-1", "i-1:1:email"))
                .build());

        assertThat(store.instances().find(TENANT, "i-1")).contains(instance("i-1", 1, "start"));
        assertThat(store.instances().audit(TENANT, "i-1"))
                .containsExactly(audit("i-1", 1, null, "start"));
        assertThat(store.dueItems().forInstance(TENANT, "i-1"))
                .containsExactly(due("i-1", "timer:reminder", reminder));
        assertThat(store.alerts().forInstance(TENANT, "i-1"))
                .containsExactly(alert("i-1", "i-1:start:warn", "warn"));
        assertThat(store.outbox().find(TENANT, "i-1:1:email"))
                .contains(outbox("i-1", "i-1:1:email"));
    }

    @Test
    void commit_staleVersion_conflictsAndWritesNothing() {
        store.instances().commit(start("i-1").build());
        store.instances().commit(move("i-1", 1, "setup").addAudit(audit("i-1", 2, "start",
                "setup")).build());
        List<Long> before = StoreTables.counts(dataSource);

        assertThatThrownBy(() -> store.instances().commit(move("i-1", 1, "training")
                .addAudit(audit("i-1", 2, "start", "training"))
                .addDueItems(due("i-1", "timer:x", T0))
                .addOutbox(outbox("i-1", "i-1:2:email")).build()))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                    assertThat(e.expected()).isEqualTo(1);
                    assertThat(e.actual()).isEqualTo(2);
                });
        assertThat(store.instances().find(TENANT, "i-1").map(InstanceRecord::step))
                .contains("setup");
        assertThat(StoreTables.counts(dataSource)).isEqualTo(before);
    }

    @Test
    void commit_newInstanceWhoseIdExists_conflicts() {
        store.instances().commit(start("i-1").build());

        assertThatThrownBy(() -> store.instances().commit(start("i-1").build()))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                    assertThat(e.expected()).isZero();
                    assertThat(e.actual()).isEqualTo(1);
                });
        assertThat(store.instances().audit(TENANT, "i-1")).hasSize(1);
    }

    @Test
    void commit_unknownInstanceAtAVersion_conflictsWithNone() {
        assertThatThrownBy(() -> store.instances().commit(move("i-9", 3, "setup").build()))
                .isInstanceOfSatisfying(VersionConflictException.class,
                        e -> assertThat(e.actual()).isEqualTo(-1));
        assertThat(StoreTables.counts(dataSource)).containsOnly(0L);
    }

    @Test
    void commit_auditSequenceAlreadyStored_isRefusedAndRolledBack() {
        store.instances().commit(start("i-1").addDueItems(due("i-1", "timer:a", T0)).build());
        List<Long> before = StoreTables.counts(dataSource);

        // The trail is checked after the instance row was updated: that update is undone.
        assertThatThrownBy(() -> store.instances().commit(move("i-1", 1, "setup")
                .addAudit(audit("i-1", 1, "start", "setup")).build()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(
                        e.problems().get(0).field()).isEqualTo("audit[0].sequence"));

        assertThat(StoreTables.counts(dataSource)).isEqualTo(before);
        assertThat(store.instances().find(TENANT, "i-1").map(InstanceRecord::version))
                .contains(1L);
    }

    @Test
    void commit_outboxIdAlreadyStored_isRefusedByTheDatabaseAndRolledBack() {
        store.instances().commit(start("i-1").addDueItems(due("i-1", "timer:a", T0))
                .addOutbox(outbox("i-1", "o-1")).build());
        List<Long> before = StoreTables.counts(dataSource);

        // Instance, audit, due items and alerts are written before the outbox insert fails.
        assertThatThrownBy(() -> store.instances().commit(move("i-1", 1, "setup")
                .addAudit(audit("i-1", 2, "start", "setup"))
                .addDueItems(due("i-1", "timer:b", T0), due("i-1", "timer:c", T0))
                .addRaise(alert("i-1", "a-1", "warn"))
                .addOutbox(outbox("i-1", "o-1")).build()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems().get(0).field()).isEqualTo("outbox.id");
                    assertThat(e.getCause()).isInstanceOf(SQLException.class);
                });

        assertThat(StoreTables.counts(dataSource)).isEqualTo(before);
        assertThat(store.instances().find(TENANT, "i-1").map(InstanceRecord::version))
                .contains(1L);
        assertThat(store.dueItems().forInstance(TENANT, "i-1")).extracting(DueItem::key)
                .containsExactly("timer:a");
        assertThat(store.alerts().forInstance(TENANT, "i-1")).isEmpty();
    }

    @Test
    void commit_valuesLongerThanTheirColumns_areRefusedNamingEachField() {
        String step = "s".repeat(201);
        String level = "l".repeat(51);

        assertThatThrownBy(() -> store.instances().commit(start("i-1")
                .instance(instance("i-1", 1, step))
                .addRaise(alert("i-1", "a-1", level)).build()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).extracting(InvalidInputException.Problem::field)
                            .containsExactly("instance.step", "raise[0].level");
                    assertThat(e.getMessage()).contains("at most 200 characters")
                            .contains("at most 50 characters");
                });
        assertThat(StoreTables.counts(dataSource)).containsOnly(0L);
    }

    @Test
    void commit_replacesDueItemsAndClearsAlertsAtTheUpdateInstant() {
        store.instances().commit(start("i-1")
                .addDueItems(due("i-1", "timer:a", T0), due("i-1", "sla:warn", T0))
                .addRaise(alert("i-1", "w", "warn"), alert("i-1", "b", "breach")).build());
        InstanceRecord next = instance("i-1", 2, "setup");

        store.instances().commit(move("i-1", 1, "setup").instance(next)
                .addDueItems(due("i-1", "timer:b", T0.plusSeconds(5)))
                .addClear("w").addRaise(alert("i-1", "b", "escalate")).build());

        assertThat(store.dueItems().forInstance(TENANT, "i-1")).extracting(DueItem::key)
                .containsExactly("timer:b");
        assertThat(store.alerts().find(TENANT, "w").flatMap(a -> a.clearedAt()))
                .contains(next.updatedAt());
        // An alert id already stored is left as it is.
        assertThat(store.alerts().find(TENANT, "b").map(a -> a.level())).contains("breach");
    }

    @Test
    void commit_concurrentWritersOfOneInstance_loseNoUpdate() throws Exception {
        store.instances().commit(start("i-1").build());
        int threads = 4;
        int incrementsEach = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            writers.add(pool.submit(() -> increment(incrementsEach)));
        }
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        InstanceRecord last = store.instances().find(TENANT, "i-1").orElseThrow();
        int total = threads * incrementsEach;
        assertThat(last.state()).isEqualTo("{\"n\":" + total + "}");
        assertThat(last.version()).isEqualTo(total + 1);
        assertThat(store.instances().audit(TENANT, "i-1")).extracting(a -> a.sequence())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, total + 1).boxed().toList());
    }

    /** Adds one to the counter in the state, {@code times} times, retrying on conflicts. */
    private void increment(int times) {
        for (int i = 0; i < times; ) {
            InstanceRecord loaded = store.instances().find(TENANT, "i-1").orElseThrow();
            int n = loaded.state().equals("{}") ? 0 : Integer.parseInt(
                    loaded.state().replaceAll("\\D", ""));
            InstanceRecord next = InstanceRecord.builder().copyFrom(loaded)
                    .version(loaded.version() + 1).state("{\"n\":" + (n + 1) + "}").build();
            try {
                store.instances().commit(move("i-1", loaded.version(), "start").instance(next)
                        .addAudit(audit("i-1", next.version(), "start", "start")).build());
                i++;
            } catch (VersionConflictException e) {
                // Another writer landed first: load again and redo the increment.
            }
        }
    }

    @Test
    void claim_fourNodesAtOnce_eachItemGoesToOneNode() throws Exception {
        for (int i = 0; i < 200; i++) {
            store.instances().commit(start("i-" + i)
                    .addDueItems(due("i-" + i, "timer:t", T0.plusMillis(i))).build());
        }
        Instant now = T0.plusSeconds(1);
        ConcurrentLinkedQueue<String> claimed = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> nodes = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            String owner = "node-" + n;
            nodes.add(pool.submit(() -> {
                List<DueItem> batch;
                do {
                    batch = store.dueItems().claim(TENANT, now, 7, owner, now.plusSeconds(60));
                    batch.forEach(item -> {
                        assertThat(item.claimedBy()).contains(owner);
                        claimed.add(item.instanceId());
                    });
                } while (!batch.isEmpty());
            }));
        }
        for (Future<?> node : nodes) {
            node.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(claimed).hasSize(200).doesNotHaveDuplicates();
        assertThat(store.dueItems().claim(TENANT, now, 10, "late", now.plusSeconds(60)))
                .isEmpty();
    }

    @Test
    void claim_leaseRunsOut_anotherNodeTakesTheItem() {
        store.instances().commit(start("i-1").addDueItems(due("i-1", "timer:t", T0)).build());
        Instant leaseEnd = T0.plusSeconds(60);

        assertThat(store.dueItems().claim(TENANT, T0, 10, "a", leaseEnd)).hasSize(1);
        assertThat(store.dueItems().claim(TENANT, T0.plusSeconds(59), 10, "b",
                T0.plusSeconds(120))).isEmpty();
        List<DueItem> retaken = store.dueItems().claim(TENANT, leaseEnd, 10, "b",
                T0.plusSeconds(120));

        assertThat(retaken).singleElement().satisfies(item -> {
            assertThat(item.claimedBy()).contains("b");
            assertThat(item.leaseUntil()).contains(T0.plusSeconds(120));
        });
        assertThat(store.dueItems().forInstance(TENANT, "i-1")).containsExactlyElementsOf(retaken);
    }

    @Test
    void outbox_failedThenRetriedThenDelivered_countsAttempts() {
        store.instances().commit(start("i-1").addOutbox(outbox("i-1", "o-1")).build());

        assertThat(store.outbox().claim(TENANT, T0, 10, "a", T0.plusSeconds(30))).hasSize(1);
        store.outbox().markFailed(TENANT, "o-1", "smtp down", Optional.of(T0.plusSeconds(10)));
        assertThat(store.outbox().claim(TENANT, T0.plusSeconds(9), 10, "a",
                T0.plusSeconds(40))).isEmpty();
        assertThat(store.outbox().claim(TENANT, T0.plusSeconds(10), 10, "b",
                T0.plusSeconds(40))).extracting(OutboxEntry::claimedBy)
                .containsExactly(Optional.of("b"));
        store.outbox().markDelivered(TENANT, "o-1");

        OutboxEntry entry = store.outbox().find(TENANT, "o-1").orElseThrow();
        assertThat(entry.status()).isEqualTo(OutboxStatus.DELIVERED);
        assertThat(entry.attempts()).isEqualTo(2);
        assertThat(entry.lastError()).contains("smtp down");
        assertThat(entry.claimedBy()).isEmpty();
        assertThat(store.outbox().list(TENANT, OutboxStatus.DELIVERED, 10)).containsExactly(entry);
    }

    @Test
    void everyQuery_seesOnlyItsTenant() {
        TenantId other = TenantId.of("globex");
        store.instances().commit(start("i-1").addDueItems(due("i-1", "timer:t", T0)).build());
        Customer customer = Customer.builder().tenant(other).id(CustomerId.of("c-i-1"))
                .name("Globex").build();
        store.customers().put(customer);

        assertThat(store.instances().find(other, "i-1")).isEmpty();
        assertThat(store.instances().audit(other, "i-1")).isEmpty();
        assertThat(store.dueItems().claim(other, T0, 10, "n", T0.plusSeconds(1))).isEmpty();
        assertThat(store.dueItems().due(TENANT, T0, 10)).hasSize(1);
        assertThat(store.customers().find(TENANT, CustomerId.of("c-i-1"))).isEmpty();
        assertThat(store.customers().find(other, CustomerId.of("c-i-1"))).contains(customer);
        assertThat(store.customers().count(TENANT)).isZero();
    }

    @Test
    void putAll_failingHalfway_writesNothing() {
        StoreTables.execute(dataSource, "ALTER TABLE cskit_survey RENAME TO cskit_survey_away");
        Customer customer = Customer.builder().tenant(TENANT).id(CustomerId.of("c-1"))
                .name("Acme").build();
        CustomerEvent event = CustomerEvent.builder().tenant(TENANT).id("e-1")
                .type("feature.used").customerId(customer.id()).occurredAt(T0).build();
        SurveyResponse survey = SurveyResponse.builder().tenant(TENANT).id("s-1")
                .customerId(customer.id()).kind(SurveyKind.NPS).score(9).answeredAt(T0)
                .build();
        RecordBatch batch = RecordBatch.builder().addCustomers(customer).addEvents(event)
                .addSurveys(survey).build();

        try {
            assertThatThrownBy(() -> store.putAll(batch, T0))
                    .isInstanceOfSatisfying(StoreException.class, e -> {
                        assertThat(e.sqlState()).contains(missingTableState());
                        assertThat(e.getCause()).isInstanceOf(SQLException.class);
                    });
        } finally {
            StoreTables.execute(dataSource, "ALTER TABLE cskit_survey_away RENAME TO cskit_survey");
        }
        assertThat(store.customers().count(TENANT)).isZero();
        assertThat(store.events().find(TENANT, "e-1")).isEmpty();
    }

    @Test
    void putAll_repeatedEventIds_countOnlyNewOnes() {
        CustomerId id = CustomerId.of("c-1");
        List<CustomerEvent> events = IntStream.of(1, 2, 1, 3).mapToObj(i -> CustomerEvent
                .builder().tenant(TENANT).id("e-" + i).type("login").customerId(id)
                .occurredAt(T0.plusSeconds(i)).build()).toList();
        store.events().record(events.get(3), T0);

        int fresh = store.putAll(RecordBatch.builder().addAllEvents(events).build(), T0);

        assertThat(fresh).isEqualTo(2);
        Set<String> ids = store.events().forCustomer(TENANT, id).stream()
                .map(e -> e.event().id()).collect(Collectors.toCollection(HashSet::new));
        assertThat(ids).containsExactlyInAnyOrder("e-1", "e-2", "e-3");
    }
}
