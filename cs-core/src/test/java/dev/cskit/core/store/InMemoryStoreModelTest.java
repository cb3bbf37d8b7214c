package dev.cskit.core.store;

import static dev.cskit.core.store.StoreFixtures.action;
import static dev.cskit.core.store.StoreFixtures.alert;
import static dev.cskit.core.store.StoreFixtures.at;
import static dev.cskit.core.store.StoreFixtures.audit;
import static dev.cskit.core.store.StoreFixtures.customer;
import static dev.cskit.core.store.StoreFixtures.due;
import static dev.cskit.core.store.StoreFixtures.event;
import static dev.cskit.core.store.StoreFixtures.instance;
import static dev.cskit.core.store.StoreFixtures.nps;
import static dev.cskit.core.store.StoreFixtures.term;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.cskit.core.CustomerId;
import dev.cskit.core.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Checks the indexed {@link InMemoryStore} against {@link ScanningStore}, a second
 * implementation that answers every query by filtering and sorting all of a tenant's records.
 * Random sequences of writes and claims go to both stores; after each step the write's result
 * (or refusal) and the answer to every query must be the same in both.
 *
 * <p>The random values come from small pools (two tenants, four customers, six instances,
 * twenty minutes) so that ids, instants and leases collide often: records are replaced,
 * move between customers and statuses, and leases run out, are claimed again, or still run
 * when a claim asks at an earlier instant than the one before.
 */
class InMemoryStoreModelTest {

    private static final List<TenantId> TENANTS = List.of(StoreFixtures.TENANT_A,
            StoreFixtures.TENANT_B);
    private static final int CUSTOMERS = 4;
    private static final int INSTANCES = 6;
    private static final int MINUTES = 20;

    @Test
    void randomOperations_answerEveryQueryAsTheScanningStore() {
        qt().withExamples(200).withShrinkCycles(0)
                .forAll(longs().all(), integers().between(1, 80))
                .checkAssert((seed, steps) -> new Run(seed).play(steps));
    }

    @Test
    void claims_atShiftingInstants_takeWhatTheScanningStoreTakes() {
        qt().withExamples(200).withShrinkCycles(0)
                .forAll(longs().all(), integers().between(1, 40))
                .checkAssert((seed, steps) -> new Run(seed).playClaims(steps));
    }

    /** One random sequence of operations, played on both stores. */
    private static final class Run {

        private final Random random;
        private final Store indexed = new InMemoryStore();
        private final Store scanning = new ScanningStore();
        private int outboxIds;

        Run(long seed) {
            this.random = new Random(seed);
        }

        void play(int steps) {
            for (int step = 0; step < steps; step++) {
                apply(step, anyOperation());
            }
        }

        /** Mostly claims and commits of due items and outbox entries, at random instants. */
        void playClaims(int steps) {
            for (int step = 0; step < steps; step++) {
                int pick = random.nextInt(4);
                apply(step, pick == 0 ? commit() : pick == 1 ? claimDue()
                        : pick == 2 ? claimOutbox() : releaseOutbox());
            }
        }

        private void apply(int step, Function<Store, Object> operation) {
            Object expected = outcome(operation, scanning);
            Object actual = outcome(operation, indexed);
            assertThat(actual).as("result of step %d", step).isEqualTo(expected);
            assertThat(snapshot(indexed)).as("queries after step %d", step)
                    .isEqualTo(snapshot(scanning));
        }

        private static Object outcome(Function<Store, Object> operation, Store store) {
            try {
                return operation.apply(store);
            } catch (RuntimeException e) {
                return "threw " + e.getClass().getName() + ": " + e.getMessage();
            }
        }

        // ---- operations: every random choice is made before the store is touched

        private Function<Store, Object> anyOperation() {
            return switch (random.nextInt(10)) {
                case 0, 1, 2 -> commit();
                case 3 -> claimDue();
                case 4 -> claimOutbox();
                case 5 -> releaseOutbox();
                case 6 -> recordEvent();
                case 7 -> setEventStatus();
                case 8 -> putSurveyOrTerm();
                default -> putCustomer();
            };
        }

        private Function<Store, Object> commit() {
            TenantId tenant = tenant();
            String id = instanceId();
            CustomerId customer = customerId();
            InstanceStatus status = pick(InstanceStatus.values());
            Instant startedAt = minute();
            Instant updatedAt = minute();
            String step = "step-" + random.nextInt(3);
            boolean staleVersion = random.nextInt(8) == 0;
            int auditEntries = random.nextInt(3);
            boolean auditGap = random.nextInt(10) == 0;

            List<int[]> dueItems = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                // key, due minute, lease minute or -1 for none
                dueItems.add(new int[] {random.nextInt(4), random.nextInt(MINUTES),
                        random.nextInt(3) == 0 ? random.nextInt(MINUTES) : -1});
            }
            List<int[]> raised = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                raised.add(new int[] {random.nextInt(8), random.nextInt(MINUTES),
                        random.nextInt(2)});
            }
            List<String> cleared = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                cleared.add("a-" + random.nextInt(8));
            }
            List<int[]> actions = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                // a repeated id now and then, which the commit must refuse
                int outboxId = random.nextInt(12) == 0 ? Math.max(0, outboxIds - 1)
                        : outboxIds++;
                actions.add(new int[] {outboxId, random.nextInt(MINUTES),
                        random.nextInt(MINUTES)});
            }

            return store -> {
                Optional<InstanceRecord> loaded = store.instances().find(tenant, id);
                long expected = loaded.map(InstanceRecord::version).orElse(0L)
                        + (staleVersion ? 1 : 0);
                InstanceRecord next = instance(tenant, id, customer).status(status).step(step)
                        .startedAt(startedAt).updatedAt(updatedAt).version(expected + 1)
                        .build();
                InstanceCommit.Builder commit = InstanceCommit.builder();
                commit.instance(next).expectedVersion(expected);

                long sequence = store.instances().audit(tenant, id).size() + 1
                        + (auditGap ? 1 : 0);
                for (int i = 0; i < auditEntries; i++) {
                    commit.addAudit(audit(next, sequence + i, step, updatedAt).build());
                }
                for (int[] item : dueItems) {
                    DueItem.Builder due = due(next, "k-" + item[0], at(item[1]));
                    if (item[2] >= 0) {
                        due.claimedBy("node-x").leaseUntil(at(item[2]));
                    }
                    commit.addDueItems(due.build());
                }
                for (int[] alert : raised) {
                    commit.addRaise(alert(next, "a-" + alert[0], at(alert[1]))
                            .level(alert[2] == 0 ? "warn" : "breach").build());
                }
                commit.addAllClear(cleared);
                for (int[] entry : actions) {
                    commit.addOutbox(action(next, "o-" + entry[0], at(entry[1]))
                            .nextAttemptAt(at(entry[2])).build());
                }
                store.instances().commit(commit.build());
                return "committed";
            };
        }

        private Function<Store, Object> claimDue() {
            TenantId tenant = tenant();
            int now = random.nextInt(MINUTES + 2) - 1;
            int limit = 1 + random.nextInt(5);
            String owner = "node-" + random.nextInt(2);
            int lease = 1 + random.nextInt(6);
            return store -> store.dueItems().claim(tenant, at(now), limit, owner,
                    at(now + lease));
        }

        private Function<Store, Object> claimOutbox() {
            TenantId tenant = tenant();
            int now = random.nextInt(MINUTES + 2) - 1;
            int limit = 1 + random.nextInt(5);
            String owner = "node-" + random.nextInt(2);
            int lease = 1 + random.nextInt(6);
            return store -> store.outbox().claim(tenant, at(now), limit, owner,
                    at(now + lease));
        }

        private Function<Store, Object> releaseOutbox() {
            TenantId tenant = tenant();
            String id = "o-" + random.nextInt(Math.max(1, outboxIds + 1));
            int how = random.nextInt(3);
            int retry = random.nextInt(MINUTES);
            return store -> {
                if (how == 0) {
                    store.outbox().markDelivered(tenant, id);
                } else {
                    store.outbox().markFailed(tenant, id, "boom",
                            how == 1 ? Optional.of(at(retry)) : Optional.empty());
                }
                return "released";
            };
        }

        private Function<Store, Object> recordEvent() {
            TenantId tenant = tenant();
            String id = "e-" + random.nextInt(10);
            CustomerId customer = customerId();
            Instant occurredAt = minute();
            Instant receivedAt = minute();
            return store -> store.events().record(
                    event(tenant, id, customer, occurredAt).build(), receivedAt);
        }

        private Function<Store, Object> setEventStatus() {
            TenantId tenant = tenant();
            String id = "e-" + random.nextInt(10);
            EventStatus status = pick(EventStatus.values());
            return store -> {
                store.events().setStatus(tenant, id, status);
                return "set";
            };
        }

        private Function<Store, Object> putSurveyOrTerm() {
            TenantId tenant = tenant();
            String id = "s-" + random.nextInt(4);
            CustomerId customer = customerId();
            Instant at = minute();
            int score = random.nextInt(11);
            boolean survey = random.nextBoolean();
            return store -> {
                if (survey) {
                    store.surveys().put(nps(tenant, id, customer, score, at).build());
                } else {
                    store.subscriptions().put(term(tenant, id, customer, at).build());
                }
                return "put";
            };
        }

        private Function<Store, Object> putCustomer() {
            TenantId tenant = tenant();
            CustomerId id = customerId();
            String plan = "plan-" + random.nextInt(3);
            return store -> {
                store.customers().put(customer(tenant, id).plan(plan).build());
                return "put";
            };
        }

        private TenantId tenant() {
            return TENANTS.get(random.nextInt(TENANTS.size()));
        }

        private CustomerId customerId() {
            return CustomerId.of("c-" + random.nextInt(CUSTOMERS));
        }

        private String instanceId() {
            return "i-" + random.nextInt(INSTANCES);
        }

        private Instant minute() {
            return at(random.nextInt(MINUTES));
        }

        private <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }
    }

    // ---- every query of the SPI, over the pools the operations draw from

    private static List<Object> snapshot(Store store) {
        List<Object> answers = new ArrayList<>();
        for (TenantId tenant : TENANTS) {
            answers.add(store.customers().list(tenant));
            answers.add(store.customers().count(tenant));
            answers.add(store.subscriptions().list(tenant));
            answers.add(store.surveys().list(tenant));
            for (int s = 0; s < 4; s++) {
                answers.add(store.subscriptions().history(tenant, "s-" + s));
            }
            for (int c = 0; c < CUSTOMERS; c++) {
                CustomerId customer = CustomerId.of("c-" + c);
                answers.add(store.subscriptions().forCustomer(tenant, customer));
                answers.add(store.surveys().forCustomer(tenant, customer));
                answers.add(store.events().forCustomer(tenant, customer));
                answers.add(store.instances().forCustomer(tenant, customer));
                answers.add(store.instances().runningForCustomer(tenant, customer));
            }
            for (int e = 0; e < 10; e++) {
                answers.add(store.events().find(tenant, "e-" + e));
            }
            for (EventStatus status : EventStatus.values()) {
                answers.add(store.events().withStatus(tenant, status, 1000));
                answers.add(store.events().withStatus(tenant, status, 2));
            }
            for (InstanceStatus status : InstanceStatus.values()) {
                answers.add(store.instances().count(tenant, status));
            }
            for (int i = 0; i < INSTANCES; i++) {
                String id = "i-" + i;
                answers.add(store.instances().find(tenant, id));
                answers.add(store.instances().audit(tenant, id));
                answers.add(store.alerts().forInstance(tenant, id));
                answers.add(store.dueItems().forInstance(tenant, id));
            }
            addAlerts(answers, store, tenant);
            addDueAndOutbox(answers, store, tenant);
        }
        return answers;
    }

    private static void addAlerts(List<Object> answers, Store store, TenantId tenant) {
        for (int a = 0; a < 8; a++) {
            answers.add(store.alerts().find(tenant, "a-" + a));
        }
        answers.add(store.alerts().open(tenant, AlertQuery.all()));
        answers.add(store.alerts().open(tenant, AlertQuery.builder().limit(2).build()));
        answers.add(store.alerts().open(tenant, AlertQuery.builder().level("breach")
                .limit(2).build()));
        answers.add(store.alerts().open(tenant, AlertQuery.builder().step("step-1")
                .processKey(StoreFixtures.PROCESS).build()));
        for (int minute = 0; minute <= MINUTES; minute += 5) {
            answers.add(store.alerts().open(tenant, AlertQuery.builder()
                    .raisedBefore(at(minute)).build()));
            answers.add(store.alerts().open(tenant, AlertQuery.builder().level("warn")
                    .raisedBefore(at(minute)).limit(1).build()));
        }
    }

    private static void addDueAndOutbox(List<Object> answers, Store store, TenantId tenant) {
        for (int minute = -1; minute <= MINUTES; minute++) {
            answers.add(store.dueItems().due(tenant, at(minute), 1000));
            answers.add(store.dueItems().due(tenant, at(minute), 3));
        }
        for (OutboxStatus status : OutboxStatus.values()) {
            answers.add(store.outbox().list(tenant, status, 1000));
            answers.add(store.outbox().list(tenant, status, 2));
        }
    }
}
