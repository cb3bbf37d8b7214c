package dev.cskit.core.store;

import static dev.cskit.core.store.StoreFixtures.ACME;
import static dev.cskit.core.store.StoreFixtures.GLOBEX;
import static dev.cskit.core.store.StoreFixtures.PROCESS;
import static dev.cskit.core.store.StoreFixtures.T0;
import static dev.cskit.core.store.StoreFixtures.TENANT_A;
import static dev.cskit.core.store.StoreFixtures.TENANT_B;
import static dev.cskit.core.store.StoreFixtures.action;
import static dev.cskit.core.store.StoreFixtures.alert;
import static dev.cskit.core.store.StoreFixtures.at;
import static dev.cskit.core.store.StoreFixtures.audit;
import static dev.cskit.core.store.StoreFixtures.customer;
import static dev.cskit.core.store.StoreFixtures.definition;
import static dev.cskit.core.store.StoreFixtures.due;
import static dev.cskit.core.store.StoreFixtures.event;
import static dev.cskit.core.store.StoreFixtures.instance;
import static dev.cskit.core.store.StoreFixtures.next;
import static dev.cskit.core.store.StoreFixtures.nps;
import static dev.cskit.core.store.StoreFixtures.start;
import static dev.cskit.core.store.StoreFixtures.term;
import static dev.cskit.core.store.StoreFixtures.touch;
import static dev.cskit.core.store.StoreFixtures.transition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.cskit.core.Customer;
import dev.cskit.core.CustomerEvent;
import dev.cskit.core.CustomerId;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.LifecycleStage;
import dev.cskit.core.NoSuchRecordException;
import dev.cskit.core.Subscription;
import dev.cskit.core.SurveyResponse;
import dev.cskit.core.TenantId;
import dev.cskit.core.VersionConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every {@link Store} keeps. An implementation's test extends this class and
 * returns a fresh, empty store from {@link #newStore()}; every test (and every nested test)
 * gets its own.
 *
 * <p>The tests use fixed instants only (see {@link StoreFixtures}) and rely on nothing but
 * the SPI, so they run unchanged against memory, H2 and PostgreSQL. Tests with threads use
 * real concurrency and a timeout.
 */
public abstract class StoreContract {

    /** The store under test, fresh for each test. */
    protected Store store;

    /**
     * Creates the store under test.
     *
     * @return a new, empty store
     */
    protected abstract Store newStore();

    /**
     * Releases the store after a test; does nothing unless overridden.
     *
     * @param used the store the test used
     */
    protected void closeStore(Store used) {
    }

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @AfterEach
    void releaseStore() {
        closeStore(store);
    }

    /** Starts an instance of tenant A for ACME and returns it as stored. */
    InstanceRecord started(String id) {
        return started(instance(TENANT_A, id, ACME).build());
    }

    InstanceRecord started(InstanceRecord instance) {
        store.instances().commit(start(instance).build());
        return store.instances().find(instance.tenant(), instance.id()).orElseThrow();
    }

    InstanceRecord load(InstanceRecord instance) {
        return store.instances().find(instance.tenant(), instance.id()).orElseThrow();
    }

    @Nested
    class Customers {

        @Test
        void put_thenFindReturnsTheCustomer() {
            Customer acme = customer(TENANT_A, ACME).putAttributes("region", "EMEA").build();

            store.customers().put(acme);

            assertThat(store.customers().find(TENANT_A, ACME)).contains(acme);
        }

        @Test
        void find_unknownIdIsEmpty() {
            store.customers().put(customer(TENANT_A, ACME).build());

            assertThat(store.customers().find(TENANT_A, GLOBEX)).isEmpty();
        }

        @Test
        void put_sameIdReplacesTheCustomer() {
            Customer first = customer(TENANT_A, ACME).build();
            Customer moved = first.moveTo(LifecycleStage.ACTIVE, at(60), "contract signed");

            store.customers().put(first);
            store.customers().put(moved);

            assertThat(store.customers().find(TENANT_A, ACME)).contains(moved);
            assertThat(store.customers().count(TENANT_A)).isEqualTo(1);
        }

        @Test
        void list_isOrderedById() {
            CustomerId zeta = CustomerId.of("zeta");
            store.customers().put(customer(TENANT_A, zeta).build());
            store.customers().put(customer(TENANT_A, GLOBEX).build());
            store.customers().put(customer(TENANT_A, ACME).build());

            assertThat(store.customers().list(TENANT_A)).extracting(Customer::id)
                    .containsExactly(ACME, GLOBEX, zeta);
        }

        @Test
        void count_countsTheTenantsCustomers() {
            assertThat(store.customers().count(TENANT_A)).isZero();

            store.customers().put(customer(TENANT_A, ACME).build());
            store.customers().put(customer(TENANT_A, GLOBEX).build());

            assertThat(store.customers().count(TENANT_A)).isEqualTo(2);
        }
    }

    @Nested
    class Subscriptions {

        @Test
        void history_isTheTermsInStartOrder() {
            Subscription second = term(TENANT_A, "sub-1", ACME, at(100)).seats(8).build();
            Subscription first = term(TENANT_A, "sub-1", ACME, at(0)).end(at(100)).build();
            store.subscriptions().put(second);
            store.subscriptions().put(first);

            assertThat(store.subscriptions().history(TENANT_A, "sub-1"))
                    .containsExactly(first, second);
        }

        @Test
        void history_unknownIdIsEmpty() {
            assertThat(store.subscriptions().history(TENANT_A, "sub-1")).isEmpty();
        }

        @Test
        void put_sameIdAndStartReplacesTheTerm() {
            Subscription running = term(TENANT_A, "sub-1", ACME, at(0)).build();
            Subscription cancelled = Subscription.builder().copyFrom(running).end(at(50))
                    .cancellationReason("budget").build();

            store.subscriptions().put(running);
            store.subscriptions().put(cancelled);

            assertThat(store.subscriptions().history(TENANT_A, "sub-1"))
                    .containsExactly(cancelled);
        }

        @Test
        void forCustomer_isTheCustomersTermsBySubscriptionThenStart() {
            Subscription b1 = term(TENANT_A, "sub-b", ACME, at(0)).end(at(10)).build();
            Subscription b2 = term(TENANT_A, "sub-b", ACME, at(10)).build();
            Subscription a1 = term(TENANT_A, "sub-a", ACME, at(5)).build();
            Subscription other = term(TENANT_A, "sub-c", GLOBEX, at(0)).build();
            for (Subscription term : List.of(b2, other, a1, b1)) {
                store.subscriptions().put(term);
            }

            assertThat(store.subscriptions().forCustomer(TENANT_A, ACME))
                    .containsExactly(a1, b1, b2);
        }

        @Test
        void list_isEveryTermBySubscriptionThenStart() {
            Subscription c = term(TENANT_A, "sub-c", GLOBEX, at(0)).build();
            Subscription a2 = term(TENANT_A, "sub-a", ACME, at(20)).build();
            Subscription a1 = term(TENANT_A, "sub-a", ACME, at(5)).end(at(20)).build();
            for (Subscription term : List.of(c, a2, a1)) {
                store.subscriptions().put(term);
            }

            assertThat(store.subscriptions().list(TENANT_A)).containsExactly(a1, a2, c);
        }
    }

    @Nested
    class Events {

        @Test
        void record_newEventIsStoredAsReceived() {
            CustomerEvent used = event(TENANT_A, "ev-1", ACME, at(0)).build();

            assertThat(store.events().record(used, at(1))).isTrue();

            StoredEvent stored = store.events().find(TENANT_A, "ev-1").orElseThrow();
            assertThat(stored.event()).isEqualTo(used);
            assertThat(stored.receivedAt()).isEqualTo(at(1));
            assertThat(stored.status()).isEqualTo(EventStatus.RECEIVED);
        }

        @Test
        void record_sameIdTwice_secondReturnsFalseAndChangesNothing() {
            CustomerEvent first = event(TENANT_A, "ev-1", ACME, at(0)).build();
            CustomerEvent other = event(TENANT_A, "ev-1", GLOBEX, at(5)).type("ticket.opened")
                    .putAttributes("priority", "high").build();
            store.events().record(first, at(1));

            assertThat(store.events().record(other, at(9))).isFalse();

            StoredEvent stored = store.events().find(TENANT_A, "ev-1").orElseThrow();
            assertThat(stored.event()).isEqualTo(first);
            assertThat(stored.receivedAt()).isEqualTo(at(1));
            assertThat(store.events().forCustomer(TENANT_A, GLOBEX)).isEmpty();
        }

        @Test
        void record_duplicateAfterStatusChange_keepsTheStatus() {
            CustomerEvent used = event(TENANT_A, "ev-1", ACME, at(0)).build();
            store.events().record(used, at(1));
            store.events().setStatus(TENANT_A, "ev-1", EventStatus.APPLIED);

            assertThat(store.events().record(used, at(2))).isFalse();

            assertThat(store.events().find(TENANT_A, "ev-1").orElseThrow().status())
                    .isEqualTo(EventStatus.APPLIED);
        }

        @Test
        void find_unknownIdIsEmpty() {
            assertThat(store.events().find(TENANT_A, "ev-1")).isEmpty();
        }

        @Test
        void setStatus_changesOnlyTheStatus() {
            CustomerEvent used = event(TENANT_A, "ev-1", ACME, at(0)).build();
            store.events().record(used, at(1));

            store.events().setStatus(TENANT_A, "ev-1", EventStatus.UNMATCHED);

            StoredEvent stored = store.events().find(TENANT_A, "ev-1").orElseThrow();
            assertThat(stored.status()).isEqualTo(EventStatus.UNMATCHED);
            assertThat(stored.event()).isEqualTo(used);
            assertThat(stored.receivedAt()).isEqualTo(at(1));
        }

        @Test
        void setStatus_unknownEventThrowsNoSuchRecord() {
            assertThatThrownBy(() -> store.events().setStatus(TENANT_A, "ev-1",
                    EventStatus.APPLIED)).isInstanceOf(NoSuchRecordException.class);
        }

        @Test
        void forCustomer_isOrderedByOccurrenceThenId() {
            store.events().record(event(TENANT_A, "ev-b", ACME, at(10)).build(), at(11));
            store.events().record(event(TENANT_A, "ev-c", ACME, at(5)).build(), at(12));
            store.events().record(event(TENANT_A, "ev-a", ACME, at(10)).build(), at(13));
            store.events().record(event(TENANT_A, "ev-x", GLOBEX, at(1)).build(), at(14));

            assertThat(store.events().forCustomer(TENANT_A, ACME))
                    .extracting(e -> e.event().id()).containsExactly("ev-c", "ev-a", "ev-b");
        }

        @Test
        void withStatus_isOrderedByReceiptThenIdAndLimited() {
            store.events().record(event(TENANT_A, "ev-b", ACME, at(0)).build(), at(20));
            store.events().record(event(TENANT_A, "ev-a", ACME, at(0)).build(), at(20));
            store.events().record(event(TENANT_A, "ev-c", ACME, at(0)).build(), at(10));
            store.events().record(event(TENANT_A, "ev-d", ACME, at(0)).build(), at(5));
            store.events().setStatus(TENANT_A, "ev-d", EventStatus.APPLIED);

            assertThat(store.events().withStatus(TENANT_A, EventStatus.RECEIVED, 10))
                    .extracting(e -> e.event().id()).containsExactly("ev-c", "ev-a", "ev-b");
            assertThat(store.events().withStatus(TENANT_A, EventStatus.RECEIVED, 2))
                    .extracting(e -> e.event().id()).containsExactly("ev-c", "ev-a");
            assertThat(store.events().withStatus(TENANT_A, EventStatus.APPLIED, 10))
                    .extracting(e -> e.event().id()).containsExactly("ev-d");
        }

        @Test
        void withStatus_limitZeroIsInvalid() {
            assertThatThrownBy(() -> store.events().withStatus(TENANT_A, EventStatus.RECEIVED,
                    0)).isInstanceOf(InvalidInputException.class).hasMessageContaining("limit");
        }
    }

    @Nested
    class Surveys {

        @Test
        void forCustomer_isOrderedByAnswerTimeThenId() {
            SurveyResponse late = nps(TENANT_A, "r-a", ACME, 9, at(30)).build();
            SurveyResponse earlyB = nps(TENANT_A, "r-b", ACME, 3, at(10)).build();
            SurveyResponse earlyC = nps(TENANT_A, "r-c", ACME, 10, at(10)).build();
            SurveyResponse other = nps(TENANT_A, "r-d", GLOBEX, 7, at(0)).build();
            for (SurveyResponse response : List.of(late, earlyC, other, earlyB)) {
                store.surveys().put(response);
            }

            assertThat(store.surveys().forCustomer(TENANT_A, ACME))
                    .containsExactly(earlyB, earlyC, late);
            assertThat(store.surveys().list(TENANT_A))
                    .containsExactly(other, earlyB, earlyC, late);
        }

        @Test
        void put_sameIdReplacesTheAnswer() {
            store.surveys().put(nps(TENANT_A, "r-1", ACME, 4, at(0)).build());
            SurveyResponse corrected = nps(TENANT_A, "r-1", ACME, 8, at(0))
                    .comment("typo fixed").build();

            store.surveys().put(corrected);

            assertThat(store.surveys().list(TENANT_A)).containsExactly(corrected);
        }
    }

    @Nested
    class Definitions {

        @Test
        void put_thenFindReturnsThatVersion() {
            DefinitionRecord v1 = definition(TENANT_A, PROCESS, 1).build();
            DefinitionRecord v2 = definition(TENANT_A, PROCESS, 2).build();
            store.definitions().put(v1);
            store.definitions().put(v2);

            assertThat(store.definitions().find(TENANT_A, PROCESS, 1)).contains(v1);
            assertThat(store.definitions().find(TENANT_A, PROCESS, 2)).contains(v2);
            assertThat(store.definitions().find(TENANT_A, PROCESS, 3)).isEmpty();
        }

        @Test
        void latest_isTheHighestVersion() {
            store.definitions().put(definition(TENANT_A, PROCESS, 2).build());
            store.definitions().put(definition(TENANT_A, PROCESS, 10).build());
            store.definitions().put(definition(TENANT_A, PROCESS, 1).build());
            store.definitions().put(definition(TENANT_A, PROCESS + ".z", 20).build());

            assertThat(store.definitions().latest(TENANT_A, PROCESS)).map(d -> d.version())
                    .contains(10);
        }

        @Test
        void latest_unknownKeyIsEmpty() {
            store.definitions().put(definition(TENANT_A, PROCESS, 1).build());

            assertThat(store.definitions().latest(TENANT_A, "offboarding")).isEmpty();
        }

        @Test
        void latestOfEach_isTheLatestVersionPerKeyByKey() {
            DefinitionRecord welcome = definition(TENANT_A, "welcome", 3).build();
            DefinitionRecord growth = definition(TENANT_A, "growth", 1).build();
            store.definitions().put(definition(TENANT_A, "welcome", 1).build());
            store.definitions().put(welcome);
            store.definitions().put(growth);
            store.definitions().put(definition(TENANT_A, "welcome", 2).build());

            assertThat(store.definitions().latestOfEach(TENANT_A))
                    .containsExactly(growth, welcome);
        }

        @Test
        void put_sameContentAgain_keepsTheFirst() {
            DefinitionRecord first = definition(TENANT_A, PROCESS, 1).build();
            store.definitions().put(first);

            store.definitions().put(DefinitionRecord.builder().copyFrom(first)
                    .storedAt(at(60)).build());

            assertThat(store.definitions().find(TENANT_A, PROCESS, 1)).contains(first);
        }

        @Test
        void put_otherContentForSameVersion_isInvalidAndChangesNothing() {
            DefinitionRecord first = definition(TENANT_A, PROCESS, 1).build();
            store.definitions().put(first);
            DefinitionRecord changed = DefinitionRecord.builder().copyFrom(first)
                    .content("{\"changed\":true}").build();

            assertThatThrownBy(() -> store.definitions().put(changed))
                    .isInstanceOf(InvalidInputException.class);

            assertThat(store.definitions().find(TENANT_A, PROCESS, 1)).contains(first);
        }
    }

    @Nested
    class Instances {

        @Test
        void commit_newInstance_isFoundAtVersionOne() {
            InstanceRecord fresh = instance(TENANT_A, "i-1", ACME).state("{\"tasks\":[]}")
                    .build();

            store.instances().commit(start(fresh).build());

            assertThat(store.instances().find(TENANT_A, "i-1")).contains(fresh);
        }

        @Test
        void find_unknownIdIsEmpty() {
            assertThat(store.instances().find(TENANT_A, "i-1")).isEmpty();
        }

        @Test
        void commit_transition_storesTheNewStateAndVersion() {
            InstanceRecord loaded = started("i-1");
            InstanceCommit commit = transition(loaded, 2, "setup", at(30)).build();

            store.instances().commit(commit);

            InstanceRecord stored = load(loaded);
            assertThat(stored).isEqualTo(commit.instance());
            assertThat(stored.version()).isEqualTo(2);
            assertThat(stored.step()).isEqualTo("setup");
        }

        @Test
        void commit_newInstanceThatExists_throwsVersionConflict() {
            InstanceRecord loaded = started("i-1");

            assertThatThrownBy(() -> store.instances().commit(start(
                    instance(TENANT_A, "i-1", GLOBEX).build()).build()))
                    .isInstanceOf(VersionConflictException.class);

            assertThat(load(loaded)).isEqualTo(loaded);
        }

        @Test
        void commit_staleVersion_throwsVersionConflictAndChangesNothing() {
            InstanceRecord v1 = started("i-1");
            store.instances().commit(transition(v1, 2, "setup", at(10)).build());
            InstanceRecord v2 = load(v1);

            InstanceCommit stale = transition(v1, 3, "licences", at(20)).build();
            assertThatThrownBy(() -> store.instances().commit(stale))
                    .isInstanceOf(VersionConflictException.class)
                    .satisfies(e -> {
                        VersionConflictException conflict = (VersionConflictException) e;
                        assertThat(conflict.expected()).isEqualTo(1);
                        assertThat(conflict.actual()).isEqualTo(2);
                    });

            assertThat(load(v1)).isEqualTo(v2);
            assertThat(store.instances().audit(TENANT_A, "i-1")).hasSize(2);
        }

        @Test
        void commit_expectedVersionOfUnknownInstance_throwsVersionConflict() {
            InstanceRecord ghost = instance(TENANT_A, "i-1", ACME).version(4).build();
            InstanceCommit commit = InstanceCommit.builder().instance(ghost).expectedVersion(3)
                    .build();

            assertThatThrownBy(() -> store.instances().commit(commit))
                    .isInstanceOf(VersionConflictException.class);

            assertThat(store.instances().find(TENANT_A, "i-1")).isEmpty();
        }

        @Test
        void forCustomer_isOrderedByStartThenId() {
            started(instance(TENANT_A, "i-c", ACME).startedAt(at(5)).build());
            started(instance(TENANT_A, "i-b", ACME).startedAt(at(10)).build());
            started(instance(TENANT_A, "i-a", ACME).startedAt(at(10)).build());
            started(instance(TENANT_A, "i-z", GLOBEX).startedAt(at(0)).build());

            assertThat(store.instances().forCustomer(TENANT_A, ACME))
                    .extracting(InstanceRecord::id).containsExactly("i-c", "i-a", "i-b");
        }

        @Test
        void runningForCustomer_leavesOutEndedInstances() {
            InstanceRecord done = started(instance(TENANT_A, "i-1", ACME).build());
            started(instance(TENANT_A, "i-2", ACME).startedAt(at(1)).build());
            InstanceRecord cancelled = started(instance(TENANT_A, "i-3", ACME).build());
            store.instances().commit(touch(done).instance(next(done)
                    .status(InstanceStatus.COMPLETED).build()).build());
            store.instances().commit(touch(cancelled).instance(next(cancelled)
                    .status(InstanceStatus.CANCELLED).build()).build());

            assertThat(store.instances().runningForCustomer(TENANT_A, ACME))
                    .extracting(InstanceRecord::id).containsExactly("i-2");
        }

        @Test
        void count_countsByStatus() {
            InstanceRecord done = started("i-1");
            started("i-2");
            started("i-3");
            store.instances().commit(touch(done).instance(next(done)
                    .status(InstanceStatus.COMPLETED).build()).build());

            assertThat(store.instances().count(TENANT_A, InstanceStatus.RUNNING)).isEqualTo(2);
            assertThat(store.instances().count(TENANT_A, InstanceStatus.COMPLETED))
                    .isEqualTo(1);
            assertThat(store.instances().count(TENANT_A, InstanceStatus.CANCELLED)).isZero();
        }
    }

    @Nested
    class Audit {

        @Test
        void audit_keepsEntriesInSequenceOrderAcrossCommits() {
            InstanceRecord loaded = started("i-1");
            List<String> steps = List.of("setup", "licences", "training", "done");
            long sequence = 2;
            for (String step : steps) {
                store.instances().commit(transition(loaded, sequence, step, at(sequence))
                        .build());
                loaded = load(loaded);
                sequence++;
            }

            List<AuditEntry> trail = store.instances().audit(TENANT_A, "i-1");
            assertThat(trail).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L, 4L,
                    5L);
            assertThat(trail).extracting(AuditEntry::toStep)
                    .containsExactly("contract", "setup", "licences", "training", "done");
            assertThat(trail).extracting(e -> e.fromStep().orElse("-"))
                    .containsExactly("-", "contract", "setup", "licences", "training");
        }

        @Test
        void audit_severalEntriesInOneCommitKeepTheirOrder() {
            InstanceRecord loaded = started("i-1");
            InstanceRecord next = next(loaded).step("licences").build();
            AuditEntry two = audit(next, 2, "setup", at(1)).fromStep("contract")
                    .trigger("checklist").putDetail("task", "sign").build();
            AuditEntry three = audit(next, 3, "licences", at(1)).fromStep("setup").build();

            store.instances().commit(InstanceCommit.builder().instance(next)
                    .expectedVersion(1).addAudit(two, three).build());

            assertThat(store.instances().audit(TENANT_A, "i-1")).element(1).isEqualTo(two);
            assertThat(store.instances().audit(TENANT_A, "i-1")).element(2).isEqualTo(three);
        }

        @Test
        void audit_unknownInstanceIsEmpty() {
            assertThat(store.instances().audit(TENANT_A, "i-1")).isEmpty();
        }

        @Test
        void commit_auditWithGap_isInvalidAndChangesNothing() {
            InstanceRecord loaded = started("i-1");

            assertThatThrownBy(() -> store.instances().commit(
                    transition(loaded, 3, "setup", at(5)).build()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("sequence");

            assertThat(load(loaded)).isEqualTo(loaded);
            assertThat(store.instances().audit(TENANT_A, "i-1")).hasSize(1);
        }

        @Test
        void commit_auditRepeatingASequence_isInvalid() {
            InstanceRecord loaded = started("i-1");

            assertThatThrownBy(() -> store.instances().commit(
                    transition(loaded, 1, "setup", at(5)).build()))
                    .isInstanceOf(InvalidInputException.class);

            assertThat(store.instances().audit(TENANT_A, "i-1")).hasSize(1);
        }

        @Test
        void commit_newInstanceAuditNotStartingAtOne_isInvalidAndStoresNothing() {
            InstanceRecord fresh = instance(TENANT_A, "i-1", ACME).build();
            InstanceCommit commit = InstanceCommit.builder().instance(fresh).expectedVersion(0)
                    .addAudit(audit(fresh, 2, "contract", T0).build()).build();

            assertThatThrownBy(() -> store.instances().commit(commit))
                    .isInstanceOf(InvalidInputException.class);

            assertThat(store.instances().find(TENANT_A, "i-1")).isEmpty();
            assertThat(store.instances().audit(TENANT_A, "i-1")).isEmpty();
        }

        @Test
        void commit_withoutAudit_keepsTheTrail() {
            InstanceRecord loaded = started("i-1");

            store.instances().commit(touch(loaded).build());

            assertThat(store.instances().audit(TENANT_A, "i-1")).hasSize(1);
            assertThat(load(loaded).version()).isEqualTo(2);
        }
    }

    @Nested
    class Concurrency {

        private static final int THREADS = 8;

        private ExecutorService pool;

        @BeforeEach
        void startPool() {
            pool = Executors.newFixedThreadPool(THREADS);
        }

        @AfterEach
        void stopPool() throws InterruptedException {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        @Test
        @Timeout(60)
        void commit_concurrentFromSameVersion_exactlyOneWinsPerVersion() throws Exception {
            InstanceRecord loaded = started("i-1");
            int rounds = 5;

            for (int round = 0; round < rounds; round++) {
                InstanceRecord base = loaded;
                long sequence = base.version() + 1;
                List<Callable<Boolean>> attempts = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    InstanceCommit commit = transition(base, sequence, "step-" + t,
                            at(round * 10 + t)).build();
                    attempts.add(() -> tryCommit(commit));
                }

                List<Boolean> outcomes = runTogether(attempts);

                assertThat(outcomes.stream().filter(won -> won).count())
                        .as("winners in round %d", round).isEqualTo(1);
                loaded = load(base);
                assertThat(loaded.version()).isEqualTo(base.version() + 1);
            }

            List<AuditEntry> trail = store.instances().audit(TENANT_A, "i-1");
            assertThat(trail).extracting(AuditEntry::sequence)
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(trail.get(rounds).toStep()).isEqualTo(loaded.step());
        }

        @Test
        @Timeout(60)
        void commit_concurrentIncrementsWithRetry_loseNoUpdate() throws Exception {
            started(instance(TENANT_A, "i-1", ACME).state("0").build());
            int perThread = 10;
            List<Callable<Boolean>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(() -> {
                    for (int done = 0; done < perThread; ) {
                        InstanceRecord current = store.instances().find(TENANT_A, "i-1")
                                .orElseThrow();
                        int counter = Integer.parseInt(current.state());
                        InstanceCommit commit = touch(current).instance(next(current)
                                .state(Integer.toString(counter + 1)).build()).build();
                        if (tryCommit(commit)) {
                            done++;
                        }
                    }
                    return true;
                });
            }

            runTogether(workers);

            InstanceRecord last = store.instances().find(TENANT_A, "i-1").orElseThrow();
            assertThat(last.state()).isEqualTo(Integer.toString(THREADS * perThread));
            assertThat(last.version()).isEqualTo(1L + THREADS * perThread);
        }

        @Test
        @Timeout(60)
        void claim_concurrentOwners_claimEachDueItemOnce() throws Exception {
            int items = 40;
            for (int i = 0; i < items / 4; i++) {
                InstanceRecord loaded = started("i-" + i);
                InstanceCommit.Builder commit = touch(loaded);
                for (int k = 0; k < 4; k++) {
                    commit.addDueItems(due(loaded, "timer:" + k, at(i + k)).build());
                }
                store.instances().commit(commit.build());
            }
            List<Callable<List<DueItem>>> claims = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String owner = "node-" + t;
                claims.add(() -> {
                    List<DueItem> mine = new ArrayList<>();
                    for (int batch = 0; batch < 10; batch++) {
                        mine.addAll(store.dueItems().claim(TENANT_A, at(1000), 3, owner,
                                at(2000)));
                    }
                    return mine;
                });
            }

            List<List<DueItem>> claimed = runTogether(claims);
            // Under contention SKIP LOCKED may return fewer rows than are free; what the
            // racing owners left is claimed afterwards, so lost and doubled claims both show.
            List<DueItem> rest = store.dueItems().claim(TENANT_A, at(1000), items, "sweeper",
                    at(2000));

            List<String> all = Stream.concat(claimed.stream().flatMap(List::stream),
                    rest.stream()).map(item -> item.instanceId() + "/" + item.key()).toList();
            assertThat(all).hasSize(items).doesNotHaveDuplicates();
            assertThat(claimed.stream().mapToInt(List::size).sum()).isPositive();
        }

        @Test
        @Timeout(60)
        void record_sameEventConcurrently_isNewForExactlyOneCaller() throws Exception {
            List<Callable<Boolean>> deliveries = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                CustomerEvent delivery = event(TENANT_A, "ev-1", ACME, at(0))
                        .putAttributes("delivery", Integer.toString(t)).build();
                Instant receivedAt = at(t);
                deliveries.add(() -> store.events().record(delivery, receivedAt));
            }

            List<Boolean> outcomes = runTogether(deliveries);

            assertThat(outcomes.stream().filter(isNew -> isNew).count()).isEqualTo(1);
            int winner = outcomes.indexOf(true);
            StoredEvent stored = store.events().find(TENANT_A, "ev-1").orElseThrow();
            assertThat(stored.event().attributes()).containsEntry("delivery",
                    Integer.toString(winner));
            assertThat(stored.receivedAt()).isEqualTo(at(winner));
        }

        @Test
        @Timeout(60)
        void claim_concurrentOwners_claimEachOutboxEntryOnce() throws Exception {
            InstanceRecord loaded = started("i-1");
            InstanceCommit.Builder commit = touch(loaded);
            int entries = 30;
            for (int i = 0; i < entries; i++) {
                commit.addOutbox(action(loaded, String.format("o-%02d", i), at(i)).build());
            }
            store.instances().commit(commit.build());
            List<Callable<List<OutboxEntry>>> claims = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String owner = "node-" + t;
                claims.add(() -> {
                    List<OutboxEntry> mine = new ArrayList<>();
                    for (int batch = 0; batch < 8; batch++) {
                        mine.addAll(store.outbox().claim(TENANT_A, at(1000), 2, owner,
                                at(2000)));
                    }
                    return mine;
                });
            }

            List<List<OutboxEntry>> claimed = runTogether(claims);
            // As for due items: what the racing owners left is claimed afterwards.
            List<OutboxEntry> rest = store.outbox().claim(TENANT_A, at(1000), entries,
                    "sweeper", at(2000));

            List<String> all = Stream.concat(claimed.stream().flatMap(List::stream),
                    rest.stream()).map(OutboxEntry::id).toList();
            assertThat(all).hasSize(entries).doesNotHaveDuplicates();
            assertThat(claimed.stream().mapToInt(List::size).sum()).isPositive();
        }

        private boolean tryCommit(InstanceCommit commit) {
            try {
                store.instances().commit(commit);
                return true;
            } catch (VersionConflictException conflict) {
                return false;
            }
        }

        private <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();

            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(50, TimeUnit.SECONDS));
            }
            return results;
        }
    }

    @Nested
    class DueItems {

        @Test
        void commit_storesTheDueItemsOrderedByDueThenKey() {
            InstanceRecord loaded = started("i-1");
            DueItem warn = due(loaded, "sla:warn", at(60)).kind("sla").build();
            DueItem reminderB = due(loaded, "timer:b", at(30)).build();
            DueItem reminderA = due(loaded, "timer:a", at(30)).build();

            store.instances().commit(touch(loaded).addDueItems(warn, reminderB, reminderA)
                    .build());

            assertThat(store.dueItems().forInstance(TENANT_A, "i-1"))
                    .containsExactly(reminderA, reminderB, warn);
        }

        @Test
        void due_returnsItemsDueAtOrBeforeNowByDueThenInstanceThenKey() {
            InstanceRecord one = started("i-1");
            InstanceRecord two = started("i-2");
            store.instances().commit(touch(one).addDueItems(
                    due(one, "b", at(10)).build(),
                    due(one, "a", at(20)).build(),
                    due(one, "late", at(21)).build()).build());
            store.instances().commit(touch(two).addDueItems(
                    due(two, "a", at(10)).build(),
                    due(two, "c", at(5)).build()).build());

            assertThat(store.dueItems().due(TENANT_A, at(20), 100))
                    .extracting(item -> item.instanceId() + "/" + item.key())
                    .containsExactly("i-2/c", "i-1/b", "i-2/a", "i-1/a");
            assertThat(store.dueItems().due(TENANT_A, at(20), 2))
                    .extracting(item -> item.instanceId() + "/" + item.key())
                    .containsExactly("i-2/c", "i-1/b");
            assertThat(store.dueItems().due(TENANT_A, at(4), 100)).isEmpty();
        }

        @Test
        void due_limitZeroIsInvalid() {
            assertThatThrownBy(() -> store.dueItems().due(TENANT_A, T0, 0))
                    .isInstanceOf(InvalidInputException.class);
        }

        @Test
        void commit_replacesTheInstancesDueItems() {
            InstanceRecord loaded = started("i-1");
            store.instances().commit(touch(loaded).addDueItems(
                    due(loaded, "timer:a", at(10)).build(),
                    due(loaded, "timer:b", at(20)).build()).build());
            loaded = load(loaded);
            DueItem replacement = due(loaded, "timer:c", at(15)).build();

            store.instances().commit(touch(loaded).addDueItems(replacement).build());

            assertThat(store.dueItems().forInstance(TENANT_A, "i-1"))
                    .containsExactly(replacement);
            assertThat(store.dueItems().due(TENANT_A, at(100), 100))
                    .containsExactly(replacement);
        }

        @Test
        void commit_withNoDueItems_clearsThem() {
            InstanceRecord loaded = started("i-1");
            store.instances().commit(touch(loaded).addDueItems(
                    due(loaded, "timer:a", at(10)).build()).build());

            store.instances().commit(touch(load(loaded)).build());

            assertThat(store.dueItems().forInstance(TENANT_A, "i-1")).isEmpty();
            assertThat(store.dueItems().due(TENANT_A, at(100), 100)).isEmpty();
        }

        @Test
        void commit_duplicateDueKey_isInvalidAndChangesNothing() {
            InstanceRecord loaded = started("i-1");
            InstanceCommit twice = touch(loaded).addDueItems(
                    due(loaded, "timer:a", at(10)).build(),
                    due(loaded, "timer:a", at(20)).build()).build();

            assertThatThrownBy(() -> store.instances().commit(twice))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("timer:a");

            assertThat(load(loaded)).isEqualTo(loaded);
            assertThat(store.dueItems().forInstance(TENANT_A, "i-1")).isEmpty();
        }

        @Test
        void claim_takesDueUnclaimedItemsForTheOwner() {
            InstanceRecord loaded = started("i-1");
            store.instances().commit(touch(loaded).addDueItems(
                    due(loaded, "timer:a", at(10)).build(),
                    due(loaded, "timer:b", at(50)).build()).build());

            List<DueItem> claimed = store.dueItems().claim(TENANT_A, at(20), 10, "node-1",
                    at(25));

            assertThat(claimed).singleElement().satisfies(item -> {
                assertThat(item.key()).isEqualTo("timer:a");
                assertThat(item.claimedBy()).contains("node-1");
                assertThat(item.leaseUntil()).contains(at(25));
            });
            assertThat(store.dueItems().forInstance(TENANT_A, "i-1")).element(0)
                    .isEqualTo(claimed.get(0));
        }

        @Test
        void claim_heldItemIsNotClaimedAgainUntilItsLeaseEnds() {
            InstanceRecord loaded = started("i-1");
            store.instances().commit(touch(loaded).addDueItems(
                    due(loaded, "timer:a", at(10)).build()).build());
            store.dueItems().claim(TENANT_A, at(20), 10, "node-1", at(25));

            assertThat(store.dueItems().claim(TENANT_A, at(24), 10, "node-2", at(30)))
                    .isEmpty();
            assertThat(store.dueItems().claim(TENANT_A, at(24), 10, "node-1", at(30)))
                    .isEmpty();
            List<DueItem> reclaimed = store.dueItems().claim(TENANT_A, at(25), 10, "node-2",
                    at(35));

            assertThat(reclaimed).singleElement().satisfies(item -> {
                assertThat(item.claimedBy()).contains("node-2");
                assertThat(item.leaseUntil()).contains(at(35));
            });
        }

        @Test
        void due_listsClaimedItemsToo() {
            InstanceRecord loaded = started("i-1");
            store.instances().commit(touch(loaded).addDueItems(
                    due(loaded, "timer:a", at(10)).build()).build());
            store.dueItems().claim(TENANT_A, at(20), 10, "node-1", at(25));

            assertThat(store.dueItems().due(TENANT_A, at(20), 10)).singleElement()
                    .satisfies(item -> assertThat(item.claimedBy()).contains("node-1"));
        }

        @Test
        void claim_takesAtMostTheLimitInDueOrder() {
            InstanceRecord loaded = started("i-1");
            store.instances().commit(touch(loaded).addDueItems(
                    due(loaded, "c", at(3)).build(),
                    due(loaded, "a", at(1)).build(),
                    due(loaded, "b", at(2)).build()).build());

            assertThat(store.dueItems().claim(TENANT_A, at(10), 2, "node-1", at(20)))
                    .extracting(DueItem::key).containsExactly("a", "b");
            assertThat(store.dueItems().claim(TENANT_A, at(10), 2, "node-2", at(20)))
                    .extracting(DueItem::key).containsExactly("c");
        }

        @Test
        void commit_finishesAClaimedItemByReplacingIt() {
            InstanceRecord loaded = started("i-1");
            store.instances().commit(touch(loaded).addDueItems(
                    due(loaded, "timer:a", at(10)).build()).build());
            store.dueItems().claim(TENANT_A, at(20), 10, "node-1", at(25));
            loaded = load(loaded);

            store.instances().commit(transition(loaded, 2, "setup", at(21)).build());

            assertThat(store.dueItems().forInstance(TENANT_A, "i-1")).isEmpty();
            assertThat(store.dueItems().claim(TENANT_A, at(30), 10, "node-2", at(40)))
                    .isEmpty();
        }

        @Test
        void claim_invalidArgumentsAreRefused() {
            assertThatThrownBy(() -> store.dueItems().claim(TENANT_A, T0, 0, "node-1", at(1)))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> store.dueItems().claim(TENANT_A, T0, 5, " ", at(1)))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> store.dueItems().claim(TENANT_A, T0, 5, "node-1", T0))
                    .isInstanceOf(InvalidInputException.class);
        }

        @Test
        void due_isExactlyTheItemsDueByNowSorted() {
            AtomicInteger runs = new AtomicInteger();
            qt().withExamples(60).withShrinkCycles(20)
                    .forAll(lists().of(integers().between(0, 500)).ofSizeBetween(0, 30),
                            integers().between(-10, 510))
                    .checkAssert((offsets, now) -> {
                        TenantId tenant = TenantId.of("prop-" + runs.incrementAndGet());
                        List<DueItem> items = storeDueItems(tenant, offsets);

                        List<DueItem> expected = items.stream()
                                .filter(item -> !item.dueAt().isAfter(at(now)))
                                .sorted(Comparator.comparing(DueItem::dueAt)
                                        .thenComparing(DueItem::instanceId)
                                        .thenComparing(DueItem::key))
                                .toList();
                        assertThat(store.dueItems().due(tenant, at(now), 1000))
                                .containsExactlyElementsOf(expected);
                    });
        }

        @Test
        void claim_takesTheFirstUnheldDueItemsInOrder() {
            AtomicInteger runs = new AtomicInteger();
            qt().withExamples(40).withShrinkCycles(20)
                    .forAll(lists().of(integers().between(0, 100)).ofSizeBetween(0, 20),
                            integers().between(1, 6))
                    .checkAssert((offsets, limit) -> {
                        TenantId tenant = TenantId.of("claim-" + runs.incrementAndGet());
                        List<DueItem> items = storeDueItems(tenant, offsets);
                        List<String> expected = items.stream()
                                .filter(item -> !item.dueAt().isAfter(at(50)))
                                .sorted(Comparator.comparing(DueItem::dueAt)
                                        .thenComparing(DueItem::instanceId)
                                        .thenComparing(DueItem::key))
                                .map(item -> item.instanceId() + "/" + item.key())
                                .toList();

                        List<String> claimed = new ArrayList<>();
                        for (int round = 0; round <= expected.size() / limit; round++) {
                            List<DueItem> batch = store.dueItems().claim(tenant, at(50), limit,
                                    "node-" + round, at(60));
                            assertThat(batch.size()).isLessThanOrEqualTo(limit);
                            batch.forEach(item -> claimed.add(
                                    item.instanceId() + "/" + item.key()));
                        }

                        assertThat(claimed).containsExactlyElementsOf(expected);
                    });
        }

        /** Spreads due items over three instances of a tenant; item i falls due offsets[i]. */
        private List<DueItem> storeDueItems(TenantId tenant, List<Integer> offsets) {
            List<DueItem> items = new ArrayList<>();
            for (int n = 0; n < 3; n++) {
                InstanceRecord loaded = started(instance(tenant, "i-" + n, ACME).build());
                InstanceCommit.Builder commit = touch(loaded);
                for (int i = n; i < offsets.size(); i += 3) {
                    DueItem item = due(loaded, "k-" + i, at(offsets.get(i))).build();
                    commit.addDueItems(item);
                    items.add(item);
                }
                store.instances().commit(commit.build());
            }
            return items;
        }
    }

    @Nested
    class Alerts {

        @Test
        void commit_raise_storesAnOpenAlert() {
            InstanceRecord loaded = started("i-1");
            Alert late = alert(loaded, "a-1", at(60)).build();

            store.instances().commit(touch(loaded).addRaise(late).build());

            assertThat(store.alerts().find(TENANT_A, "a-1")).contains(late);
            assertThat(store.alerts().open(TENANT_A, AlertQuery.all())).containsExactly(late);
            assertThat(store.alerts().forInstance(TENANT_A, "i-1")).containsExactly(late);
        }

        @Test
        void commit_raiseSameIdTwice_keepsTheFirst() {
            InstanceRecord loaded = started("i-1");
            Alert first = alert(loaded, "a-1", at(60)).build();
            store.instances().commit(touch(loaded).addRaise(first).build());
            Alert again = alert(loaded, "a-1", at(90)).reason("again").level("escalate")
                    .build();

            store.instances().commit(touch(load(loaded)).addRaise(again).build());

            assertThat(store.alerts().find(TENANT_A, "a-1")).contains(first);
            assertThat(store.alerts().forInstance(TENANT_A, "i-1")).hasSize(1);
        }

        @Test
        void commit_clear_closesTheAlertAtTheUpdateInstant() {
            InstanceRecord loaded = started("i-1");
            Alert late = alert(loaded, "a-1", at(60)).build();
            store.instances().commit(touch(loaded).addRaise(late).build());

            loaded = load(loaded);
            store.instances().commit(transition(loaded, 2, "setup", at(75)).addClear("a-1")
                    .build());

            Alert cleared = store.alerts().find(TENANT_A, "a-1").orElseThrow();
            assertThat(cleared.clearedAt()).contains(at(75));
            assertThat(cleared.isOpen()).isFalse();
            assertThat(store.alerts().open(TENANT_A, AlertQuery.all())).isEmpty();
            assertThat(store.alerts().forInstance(TENANT_A, "i-1")).containsExactly(cleared);
        }

        @Test
        void commit_clearUnknownAlert_doesNothing() {
            InstanceRecord loaded = started("i-1");

            store.instances().commit(touch(loaded).addClear("a-404").build());

            assertThat(load(loaded).version()).isEqualTo(2);
            assertThat(store.alerts().find(TENANT_A, "a-404")).isEmpty();
        }

        @Test
        void commit_clearAnotherInstancesAlert_leavesItOpen() {
            InstanceRecord one = started("i-1");
            InstanceRecord two = started("i-2");
            store.instances().commit(touch(one).addRaise(alert(one, "a-1", at(5)).build())
                    .build());

            store.instances().commit(touch(two).addClear("a-1").build());

            assertThat(store.alerts().find(TENANT_A, "a-1").orElseThrow().isOpen()).isTrue();
        }

        @Test
        void open_filtersByProcessStepLevelAndAge() {
            InstanceRecord loaded = started("i-1");
            Alert warn = alert(loaded, "a-warn", at(10)).build();
            Alert escalate = alert(loaded, "a-esc", at(20)).level("escalate").build();
            Alert otherStep = alert(loaded, "a-step", at(30)).step("setup").build();
            Alert otherProcess = alert(loaded, "a-proc", at(40)).processKey("welcome").build();
            store.instances().commit(touch(loaded)
                    .addRaise(warn, escalate, otherStep, otherProcess).build());

            assertThat(open(AlertQuery.builder().processKey(PROCESS).build()))
                    .containsExactly("a-warn", "a-esc", "a-step");
            assertThat(open(AlertQuery.builder().step("contract").build()))
                    .containsExactly("a-warn", "a-esc", "a-proc");
            assertThat(open(AlertQuery.builder().level("escalate").build()))
                    .containsExactly("a-esc");
            assertThat(open(AlertQuery.builder().raisedBefore(at(30)).build()))
                    .containsExactly("a-warn", "a-esc");
            assertThat(open(AlertQuery.builder().processKey(PROCESS).step("contract")
                    .level("warn").raisedBefore(at(11)).build()))
                    .containsExactly("a-warn");
            assertThat(open(AlertQuery.builder().level("stuck").build())).isEmpty();
        }

        @Test
        void open_isOrderedByRaiseTimeThenIdAndLimited() {
            InstanceRecord loaded = started("i-1");
            store.instances().commit(touch(loaded).addRaise(
                    alert(loaded, "a-c", at(5)).build(),
                    alert(loaded, "a-b", at(10)).build(),
                    alert(loaded, "a-a", at(10)).build()).build());

            assertThat(open(AlertQuery.all())).containsExactly("a-c", "a-a", "a-b");
            assertThat(open(AlertQuery.builder().limit(2).build()))
                    .containsExactly("a-c", "a-a");
        }

        @Test
        void open_leavesOutClearedAlerts() {
            InstanceRecord loaded = started("i-1");
            store.instances().commit(touch(loaded).addRaise(
                    alert(loaded, "a-1", at(5)).build(),
                    alert(loaded, "a-2", at(6)).build()).build());

            store.instances().commit(touch(load(loaded)).addClear("a-1").build());

            assertThat(open(AlertQuery.all())).containsExactly("a-2");
            assertThat(store.alerts().forInstance(TENANT_A, "i-1")).extracting(Alert::id)
                    .containsExactly("a-1", "a-2");
        }

        @Test
        void open_limitZeroIsInvalid() {
            assertThatThrownBy(() -> store.alerts().open(TENANT_A,
                    AlertQuery.builder().limit(0).build()))
                    .isInstanceOf(InvalidInputException.class);
        }

        @Test
        void find_unknownIdIsEmpty() {
            assertThat(store.alerts().find(TENANT_A, "a-1")).isEmpty();
        }

        private List<String> open(AlertQuery query) {
            return store.alerts().open(TENANT_A, query).stream().map(Alert::id).toList();
        }
    }

    @Nested
    class Outbox {

        @Test
        void commit_storesPendingEntries() {
            InstanceRecord loaded = started("i-1");
            OutboxEntry email = action(loaded, "o-1", at(1)).build();

            store.instances().commit(touch(loaded).addOutbox(email).build());

            OutboxEntry stored = store.outbox().find(TENANT_A, "o-1").orElseThrow();
            assertThat(stored).isEqualTo(email);
            assertThat(stored.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(stored.attempts()).isZero();
        }

        @Test
        void list_isOrderedByCreationThenIdAndLimited() {
            InstanceRecord loaded = started("i-1");
            store.instances().commit(touch(loaded).addOutbox(
                    action(loaded, "o-b", at(5)).build(),
                    action(loaded, "o-a", at(5)).build(),
                    action(loaded, "o-c", at(1)).build()).build());

            assertThat(list(OutboxStatus.PENDING, 10)).containsExactly("o-c", "o-a", "o-b");
            assertThat(list(OutboxStatus.PENDING, 1)).containsExactly("o-c");
            assertThat(list(OutboxStatus.DELIVERED, 10)).isEmpty();
        }

        @Test
        void claim_takesPendingEntriesWhoseAttemptIsDue() {
            InstanceRecord loaded = started("i-1");
            store.instances().commit(touch(loaded).addOutbox(
                    action(loaded, "o-1", at(1)).build(),
                    action(loaded, "o-2", at(1)).nextAttemptAt(at(30)).build()).build());

            List<OutboxEntry> claimed = store.outbox().claim(TENANT_A, at(10), 10, "node-1",
                    at(15));

            assertThat(claimed).singleElement().satisfies(entry -> {
                assertThat(entry.id()).isEqualTo("o-1");
                assertThat(entry.claimedBy()).contains("node-1");
                assertThat(entry.leaseUntil()).contains(at(15));
            });
        }

        @Test
        void claim_heldEntryIsNotClaimedAgainUntilItsLeaseEnds() {
            InstanceRecord loaded = started("i-1");
            store.instances().commit(touch(loaded).addOutbox(
                    action(loaded, "o-1", at(1)).build()).build());
            store.outbox().claim(TENANT_A, at(10), 10, "node-1", at(15));

            assertThat(store.outbox().claim(TENANT_A, at(14), 10, "node-2", at(20))).isEmpty();

            assertThat(store.outbox().claim(TENANT_A, at(15), 10, "node-2", at(20)))
                    .extracting(e -> e.claimedBy().orElseThrow()).containsExactly("node-2");
        }

        @Test
        void claim_isOrderedByNextAttemptThenIdAndLimited() {
            InstanceRecord loaded = started("i-1");
            store.instances().commit(touch(loaded).addOutbox(
                    action(loaded, "o-b", at(0)).nextAttemptAt(at(2)).build(),
                    action(loaded, "o-a", at(0)).nextAttemptAt(at(2)).build(),
                    action(loaded, "o-c", at(0)).nextAttemptAt(at(1)).build()).build());

            assertThat(store.outbox().claim(TENANT_A, at(5), 2, "node-1", at(9)))
                    .extracting(OutboxEntry::id).containsExactly("o-c", "o-a");
        }

        @Test
        void markDelivered_countsTheAttemptAndReleasesTheClaim() {
            InstanceRecord loaded = started("i-1");
            store.instances().commit(touch(loaded).addOutbox(
                    action(loaded, "o-1", at(1)).build()).build());
            store.outbox().claim(TENANT_A, at(10), 10, "node-1", at(15));

            store.outbox().markDelivered(TENANT_A, "o-1");

            OutboxEntry delivered = store.outbox().find(TENANT_A, "o-1").orElseThrow();
            assertThat(delivered.status()).isEqualTo(OutboxStatus.DELIVERED);
            assertThat(delivered.attempts()).isEqualTo(1);
            assertThat(delivered.claimedBy()).isEmpty();
            assertThat(delivered.leaseUntil()).isEmpty();
            assertThat(store.outbox().claim(TENANT_A, at(100), 10, "node-2", at(200)))
                    .isEmpty();
            assertThat(list(OutboxStatus.DELIVERED, 10)).containsExactly("o-1");
        }

        @Test
        void markFailed_withRetry_isPendingAgainFromTheRetryInstant() {
            InstanceRecord loaded = started("i-1");
            store.instances().commit(touch(loaded).addOutbox(
                    action(loaded, "o-1", at(1)).build()).build());
            store.outbox().claim(TENANT_A, at(10), 10, "node-1", at(15));

            store.outbox().markFailed(TENANT_A, "o-1", "smtp timeout", Optional.of(at(40)));

            OutboxEntry failed = store.outbox().find(TENANT_A, "o-1").orElseThrow();
            assertThat(failed.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.lastError()).contains("smtp timeout");
            assertThat(failed.nextAttemptAt()).isEqualTo(at(40));
            assertThat(failed.claimedBy()).isEmpty();
            assertThat(store.outbox().claim(TENANT_A, at(39), 10, "node-2", at(50))).isEmpty();
            assertThat(store.outbox().claim(TENANT_A, at(40), 10, "node-2", at(50)))
                    .extracting(OutboxEntry::id).containsExactly("o-1");
        }

        @Test
        void markFailed_withoutRetry_givesUp() {
            InstanceRecord loaded = started("i-1");
            store.instances().commit(touch(loaded).addOutbox(
                    action(loaded, "o-1", at(1)).build()).build());
            store.outbox().claim(TENANT_A, at(10), 10, "node-1", at(15));
            store.outbox().markFailed(TENANT_A, "o-1", "timeout", Optional.of(at(20)));
            store.outbox().claim(TENANT_A, at(20), 10, "node-1", at(25));

            store.outbox().markFailed(TENANT_A, "o-1", "mailbox gone", Optional.empty());

            OutboxEntry failed = store.outbox().find(TENANT_A, "o-1").orElseThrow();
            assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
            assertThat(failed.attempts()).isEqualTo(2);
            assertThat(failed.lastError()).contains("mailbox gone");
            assertThat(list(OutboxStatus.FAILED, 10)).containsExactly("o-1");
            assertThat(store.outbox().claim(TENANT_A, at(1000), 10, "node-1", at(2000)))
                    .isEmpty();
        }

        @Test
        void markDeliveredOrFailed_unknownEntryThrowsNoSuchRecord() {
            assertThatThrownBy(() -> store.outbox().markDelivered(TENANT_A, "o-1"))
                    .isInstanceOf(NoSuchRecordException.class);
            assertThatThrownBy(() -> store.outbox().markFailed(TENANT_A, "o-1", "x",
                    Optional.empty())).isInstanceOf(NoSuchRecordException.class);
        }

        @Test
        void commit_outboxIdAlreadyStored_isInvalidAndChangesNothing() {
            InstanceRecord loaded = started("i-1");
            OutboxEntry first = action(loaded, "o-1", at(1)).build();
            store.instances().commit(touch(loaded).addOutbox(first).build());
            InstanceRecord v2 = load(loaded);
            InstanceCommit again = transition(v2, 2, "setup", at(5))
                    .addOutbox(action(v2, "o-1", at(5)).actionType("task").build()).build();

            assertThatThrownBy(() -> store.instances().commit(again))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("o-1");

            assertThat(load(loaded)).isEqualTo(v2);
            assertThat(store.outbox().find(TENANT_A, "o-1")).contains(first);
            assertThat(store.instances().audit(TENANT_A, "i-1")).hasSize(1);
        }

        @Test
        void claimAndList_invalidArgumentsAreRefused() {
            assertThatThrownBy(() -> store.outbox().claim(TENANT_A, T0, 0, "node-1", at(1)))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> store.outbox().claim(TENANT_A, T0, 1, "", at(1)))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> store.outbox().claim(TENANT_A, T0, 1, "node-1", at(-1)))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> store.outbox().list(TENANT_A, OutboxStatus.PENDING, -1))
                    .isInstanceOf(InvalidInputException.class);
        }

        private List<String> list(OutboxStatus status, int limit) {
            return store.outbox().list(TENANT_A, status, limit).stream().map(OutboxEntry::id)
                    .toList();
        }
    }

    @Nested
    class RejectedWrites {

        @Test
        void commit_conflictingParts_writesNoneOfThem() {
            InstanceRecord fresh = instance(TENANT_A, "i-1", ACME).build();
            InstanceCommit commit = start(fresh)
                    .addDueItems(due(fresh, "timer:a", at(10)).build(),
                            due(fresh, "timer:a", at(20)).build())
                    .addRaise(alert(fresh, "a-1", at(1)).build())
                    .addOutbox(action(fresh, "o-1", at(1)).build())
                    .build();

            assertThatThrownBy(() -> store.instances().commit(commit))
                    .isInstanceOf(InvalidInputException.class);

            assertNothingStoredFor(TENANT_A, "i-1");
        }

        @Test
        void commit_versionConflict_writesNoneOfItsParts() {
            InstanceRecord v1 = started("i-1");
            store.instances().commit(touch(v1).build());
            InstanceCommit stale = transition(v1, 2, "setup", at(10))
                    .addDueItems(due(v1, "timer:a", at(10)).build())
                    .addRaise(alert(v1, "a-1", at(10)).build())
                    .addOutbox(action(v1, "o-1", at(10)).build())
                    .build();

            assertThatThrownBy(() -> store.instances().commit(stale))
                    .isInstanceOf(VersionConflictException.class);

            assertThat(load(v1).version()).isEqualTo(2);
            assertThat(load(v1).step()).isEqualTo("contract");
            assertThat(store.instances().audit(TENANT_A, "i-1")).hasSize(1);
            assertThat(store.dueItems().forInstance(TENANT_A, "i-1")).isEmpty();
            assertThat(store.alerts().forInstance(TENANT_A, "i-1")).isEmpty();
            assertThat(store.outbox().find(TENANT_A, "o-1")).isEmpty();
        }

        @Test
        void commit_duplicateRaisedAlertId_isInvalidAndStoresNothing() {
            InstanceRecord fresh = instance(TENANT_A, "i-1", ACME).build();
            InstanceCommit commit = start(fresh)
                    .addRaise(alert(fresh, "a-1", at(1)).build(),
                            alert(fresh, "a-1", at(2)).level("escalate").build())
                    .build();

            assertThatThrownBy(() -> store.instances().commit(commit))
                    .isInstanceOf(InvalidInputException.class);

            assertNothingStoredFor(TENANT_A, "i-1");
        }

        @Test
        void putAll_storesEveryRecordAndCountsNewEvents() {
            store.events().record(event(TENANT_A, "ev-old", ACME, at(0)).build(), at(0));
            Customer acme = customer(TENANT_A, ACME).build();
            Subscription term = term(TENANT_A, "sub-1", ACME, at(0)).build();
            SurveyResponse answer = nps(TENANT_A, "r-1", ACME, 9, at(3)).build();
            RecordBatch batch = RecordBatch.builder().addCustomers(acme)
                    .addSubscriptions(term).addSurveys(answer)
                    .addEvents(event(TENANT_A, "ev-old", ACME, at(1)).build(),
                            event(TENANT_A, "ev-1", ACME, at(1)).build(),
                            event(TENANT_A, "ev-2", ACME, at(2)).build(),
                            event(TENANT_A, "ev-1", GLOBEX, at(9)).build())
                    .build();

            assertThat(store.putAll(batch, at(10))).isEqualTo(2);

            assertThat(store.customers().list(TENANT_A)).containsExactly(acme);
            assertThat(store.subscriptions().list(TENANT_A)).containsExactly(term);
            assertThat(store.surveys().list(TENANT_A)).containsExactly(answer);
            assertThat(store.events().forCustomer(TENANT_A, ACME))
                    .extracting(e -> e.event().id() + "@" + e.receivedAt())
                    .containsExactly("ev-old@" + at(0), "ev-1@" + at(10), "ev-2@" + at(10));
            assertThat(store.events().forCustomer(TENANT_A, GLOBEX)).isEmpty();
        }

        @Test
        void putAll_emptyBatchStoresNothing() {
            assertThat(store.putAll(RecordBatch.builder().build(), T0)).isZero();

            assertThat(store.customers().count(TENANT_A)).isZero();
        }

        @Test
        void putAll_duplicateCustomer_isInvalidAndStoresNothing() {
            RecordBatch batch = RecordBatch.builder()
                    .addCustomers(customer(TENANT_A, ACME).build(),
                            customer(TENANT_A, GLOBEX).build(),
                            customer(TENANT_A, ACME).name("Acme again").build())
                    .addSubscriptions(term(TENANT_A, "sub-1", ACME, at(0)).build())
                    .addSurveys(nps(TENANT_A, "r-1", ACME, 9, at(3)).build())
                    .addEvents(event(TENANT_A, "ev-1", ACME, at(1)).build())
                    .build();

            assertThatThrownBy(() -> store.putAll(batch, at(10)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("acme");

            assertBatchStoredNothing();
        }

        @Test
        void putAll_duplicateTerm_isInvalidAndStoresNothing() {
            RecordBatch batch = RecordBatch.builder()
                    .addCustomers(customer(TENANT_A, ACME).build())
                    .addSubscriptions(term(TENANT_A, "sub-1", ACME, at(0)).build(),
                            term(TENANT_A, "sub-1", ACME, at(0)).seats(9).build())
                    .addEvents(event(TENANT_A, "ev-1", ACME, at(1)).build())
                    .build();

            assertThatThrownBy(() -> store.putAll(batch, at(10)))
                    .isInstanceOf(InvalidInputException.class);

            assertBatchStoredNothing();
        }

        @Test
        void putAll_duplicateSurvey_isInvalidAndStoresNothing() {
            RecordBatch batch = RecordBatch.builder()
                    .addCustomers(customer(TENANT_A, ACME).build())
                    .addSurveys(nps(TENANT_A, "r-1", ACME, 9, at(3)).build(),
                            nps(TENANT_A, "r-1", ACME, 2, at(4)).build())
                    .addEvents(event(TENANT_A, "ev-1", ACME, at(1)).build())
                    .build();

            assertThatThrownBy(() -> store.putAll(batch, at(10)))
                    .isInstanceOf(InvalidInputException.class);

            assertBatchStoredNothing();
        }

        @Test
        void putAll_sameKeysInTwoTenants_isAccepted() {
            RecordBatch batch = RecordBatch.builder()
                    .addCustomers(customer(TENANT_A, ACME).build(),
                            customer(TENANT_B, ACME).build())
                    .addEvents(event(TENANT_A, "ev-1", ACME, at(1)).build(),
                            event(TENANT_B, "ev-1", ACME, at(1)).build())
                    .build();

            assertThat(store.putAll(batch, at(10))).isEqualTo(2);

            assertThat(store.customers().count(TENANT_A)).isEqualTo(1);
            assertThat(store.customers().count(TENANT_B)).isEqualTo(1);
        }

        private void assertBatchStoredNothing() {
            assertThat(store.customers().count(TENANT_A)).isZero();
            assertThat(store.subscriptions().list(TENANT_A)).isEmpty();
            assertThat(store.surveys().list(TENANT_A)).isEmpty();
            assertThat(store.events().find(TENANT_A, "ev-1")).isEmpty();
            assertThat(store.events().record(event(TENANT_A, "ev-1", ACME, at(1)).build(),
                    at(11))).isTrue();
        }
    }

    void assertNothingStoredFor(TenantId tenant, String instanceId) {
        assertThat(store.instances().find(tenant, instanceId)).isEmpty();
        assertThat(store.instances().audit(tenant, instanceId)).isEmpty();
        assertThat(store.instances().count(tenant, InstanceStatus.RUNNING)).isZero();
        assertThat(store.dueItems().forInstance(tenant, instanceId)).isEmpty();
        assertThat(store.dueItems().due(tenant, Instant.MAX, 100)).isEmpty();
        assertThat(store.alerts().forInstance(tenant, instanceId)).isEmpty();
        assertThat(store.alerts().open(tenant, AlertQuery.all())).isEmpty();
        assertThat(store.outbox().list(tenant, OutboxStatus.PENDING, 100)).isEmpty();
    }

    @Nested
    class ReturnedLists {

        @Test
        void lists_areImmutable() {
            store.customers().put(customer(TENANT_A, ACME).build());
            store.events().record(event(TENANT_A, "ev-1", ACME, at(0)).build(), at(1));
            InstanceRecord loaded = started("i-1");
            store.instances().commit(touch(loaded)
                    .addDueItems(due(loaded, "timer:a", at(10)).build())
                    .addRaise(alert(loaded, "a-1", at(10)).build())
                    .build());

            List<List<?>> lists = List.of(
                    store.customers().list(TENANT_A),
                    store.events().forCustomer(TENANT_A, ACME),
                    store.instances().audit(TENANT_A, "i-1"),
                    store.instances().forCustomer(TENANT_A, ACME),
                    store.dueItems().due(TENANT_A, at(10), 10),
                    store.alerts().open(TENANT_A, AlertQuery.all()));

            for (List<?> list : lists) {
                assertThat(list).isNotEmpty();
                assertThatThrownBy(list::clear)
                        .isInstanceOf(UnsupportedOperationException.class);
            }
            assertThat(store.customers().count(TENANT_A)).isEqualTo(1);
        }

        @Test
        void lists_areSnapshotsUnchangedByLaterWrites() {
            store.customers().put(customer(TENANT_A, ACME).build());
            List<Customer> before = store.customers().list(TENANT_A);

            store.customers().put(customer(TENANT_A, GLOBEX).build());

            assertThat(before).extracting(Customer::id).containsExactly(ACME);
        }
    }

    @Nested
    class TenantIsolation {

        private InstanceRecord instanceA;

        /** Fills tenant A with one record of every kind; tenant B stays empty. */
        @BeforeEach
        void fillTenantA() {
            store.customers().put(customer(TENANT_A, ACME).build());
            store.subscriptions().put(term(TENANT_A, "sub-1", ACME, at(0)).build());
            store.events().record(event(TENANT_A, "ev-1", ACME, at(0)).build(), at(1));
            store.surveys().put(nps(TENANT_A, "r-1", ACME, 9, at(2)).build());
            store.definitions().put(definition(TENANT_A, PROCESS, 1).build());
            InstanceRecord loaded = started("i-1");
            store.instances().commit(touch(loaded)
                    .addDueItems(due(loaded, "timer:a", at(10)).build())
                    .addRaise(alert(loaded, "a-1", at(10)).build())
                    .addOutbox(action(loaded, "o-1", at(10)).build())
                    .build());
            instanceA = load(loaded);
        }

        @Test
        void customers_ofAnotherTenantAreInvisible() {
            assertThat(store.customers().find(TENANT_B, ACME)).isEmpty();
            assertThat(store.customers().list(TENANT_B)).isEmpty();
            assertThat(store.customers().count(TENANT_B)).isZero();
        }

        @Test
        void customers_sameIdInAnotherTenantIsAnotherCustomer() {
            Customer other = customer(TENANT_B, ACME).name("Other Acme").build();

            store.customers().put(other);

            assertThat(store.customers().find(TENANT_B, ACME)).contains(other);
            assertThat(store.customers().find(TENANT_A, ACME).orElseThrow().name())
                    .isEqualTo("Customer acme");
        }

        @Test
        void subscriptions_ofAnotherTenantAreInvisible() {
            assertThat(store.subscriptions().history(TENANT_B, "sub-1")).isEmpty();
            assertThat(store.subscriptions().forCustomer(TENANT_B, ACME)).isEmpty();
            assertThat(store.subscriptions().list(TENANT_B)).isEmpty();
        }

        @Test
        void events_ofAnotherTenantAreInvisible() {
            assertThat(store.events().find(TENANT_B, "ev-1")).isEmpty();
            assertThat(store.events().forCustomer(TENANT_B, ACME)).isEmpty();
            assertThat(store.events().withStatus(TENANT_B, EventStatus.RECEIVED, 10)).isEmpty();
            assertThatThrownBy(() -> store.events().setStatus(TENANT_B, "ev-1",
                    EventStatus.APPLIED)).isInstanceOf(NoSuchRecordException.class);
            assertThat(store.events().find(TENANT_A, "ev-1").orElseThrow().status())
                    .isEqualTo(EventStatus.RECEIVED);
        }

        @Test
        void events_sameIdInAnotherTenantIsNew() {
            assertThat(store.events().record(event(TENANT_B, "ev-1", ACME, at(5)).build(),
                    at(6))).isTrue();

            assertThat(store.events().find(TENANT_A, "ev-1").orElseThrow().receivedAt())
                    .isEqualTo(at(1));
        }

        @Test
        void surveys_ofAnotherTenantAreInvisible() {
            assertThat(store.surveys().forCustomer(TENANT_B, ACME)).isEmpty();
            assertThat(store.surveys().list(TENANT_B)).isEmpty();
        }

        @Test
        void definitions_ofAnotherTenantAreInvisible() {
            assertThat(store.definitions().find(TENANT_B, PROCESS, 1)).isEmpty();
            assertThat(store.definitions().latest(TENANT_B, PROCESS)).isEmpty();
            assertThat(store.definitions().latestOfEach(TENANT_B)).isEmpty();
        }

        @Test
        void definitions_sameKeyAndVersionInAnotherTenantMayDiffer() {
            DefinitionRecord other = definition(TENANT_B, PROCESS, 1).content("{\"b\":1}")
                    .build();

            store.definitions().put(other);

            assertThat(store.definitions().find(TENANT_B, PROCESS, 1)).contains(other);
            assertThat(store.definitions().find(TENANT_A, PROCESS, 1).orElseThrow().content())
                    .isNotEqualTo(other.content());
        }

        @Test
        void instances_ofAnotherTenantAreInvisible() {
            assertThat(store.instances().find(TENANT_B, "i-1")).isEmpty();
            assertThat(store.instances().forCustomer(TENANT_B, ACME)).isEmpty();
            assertThat(store.instances().runningForCustomer(TENANT_B, ACME)).isEmpty();
            assertThat(store.instances().count(TENANT_B, InstanceStatus.RUNNING)).isZero();
            assertThat(store.instances().audit(TENANT_B, "i-1")).isEmpty();
        }

        @Test
        void instances_sameIdInAnotherTenantStartsAfresh() {
            InstanceRecord other = instance(TENANT_B, "i-1", GLOBEX).build();

            store.instances().commit(start(other).build());

            assertThat(store.instances().find(TENANT_B, "i-1")).contains(other);
            assertThat(store.instances().audit(TENANT_B, "i-1")).hasSize(1);
            assertThat(load(instanceA)).isEqualTo(instanceA);
            assertThat(store.dueItems().forInstance(TENANT_B, "i-1")).isEmpty();
            assertThat(store.dueItems().forInstance(TENANT_A, "i-1")).hasSize(1);
        }

        @Test
        void instances_commitInAnotherTenantCannotClearAlerts() {
            InstanceRecord other = instance(TENANT_B, "i-1", ACME).build();

            store.instances().commit(start(other).addClear("a-1").build());

            assertThat(store.alerts().find(TENANT_A, "a-1").orElseThrow().isOpen()).isTrue();
        }

        @Test
        void alerts_ofAnotherTenantAreInvisible() {
            assertThat(store.alerts().open(TENANT_B, AlertQuery.all())).isEmpty();
            assertThat(store.alerts().open(TENANT_B, AlertQuery.builder().processKey(PROCESS)
                    .step("contract").level("warn").raisedBefore(Instant.MAX).build()))
                    .isEmpty();
            assertThat(store.alerts().forInstance(TENANT_B, "i-1")).isEmpty();
            assertThat(store.alerts().find(TENANT_B, "a-1")).isEmpty();
        }

        @Test
        void dueItems_ofAnotherTenantAreInvisibleAndUnclaimable() {
            assertThat(store.dueItems().due(TENANT_B, at(100), 10)).isEmpty();
            assertThat(store.dueItems().forInstance(TENANT_B, "i-1")).isEmpty();
            assertThat(store.dueItems().claim(TENANT_B, at(100), 10, "node-b", at(200)))
                    .isEmpty();

            assertThat(store.dueItems().claim(TENANT_A, at(100), 10, "node-a", at(200)))
                    .extracting(DueItem::key).containsExactly("timer:a");
        }

        @Test
        void outbox_ofAnotherTenantIsInvisibleAndUntouchable() {
            assertThat(store.outbox().find(TENANT_B, "o-1")).isEmpty();
            assertThat(store.outbox().list(TENANT_B, OutboxStatus.PENDING, 10)).isEmpty();
            assertThat(store.outbox().claim(TENANT_B, at(100), 10, "node-b", at(200)))
                    .isEmpty();
            assertThatThrownBy(() -> store.outbox().markDelivered(TENANT_B, "o-1"))
                    .isInstanceOf(NoSuchRecordException.class);
            assertThatThrownBy(() -> store.outbox().markFailed(TENANT_B, "o-1", "x",
                    Optional.empty())).isInstanceOf(NoSuchRecordException.class);

            OutboxEntry untouched = store.outbox().find(TENANT_A, "o-1").orElseThrow();
            assertThat(untouched.attempts()).isZero();
            assertThat(untouched.claimedBy()).isEmpty();
        }

        @Test
        void outbox_sameIdInAnotherTenantIsAccepted() {
            InstanceRecord other = instance(TENANT_B, "i-9", ACME).build();

            store.instances().commit(start(other).addOutbox(action(other, "o-1", at(3))
                    .build()).build());

            assertThat(store.outbox().list(TENANT_B, OutboxStatus.PENDING, 10))
                    .extracting(OutboxEntry::instanceId).containsExactly("i-9");
            assertThat(store.outbox().find(TENANT_A, "o-1").orElseThrow().instanceId())
                    .isEqualTo("i-1");
        }

        @Test
        void tenantA_seesItsOwnRecords() {
            Set<String> seen = new HashSet<>();
            store.customers().list(TENANT_A).forEach(c -> seen.add("customer"));
            store.subscriptions().list(TENANT_A).forEach(s -> seen.add("term"));
            store.events().forCustomer(TENANT_A, ACME).forEach(e -> seen.add("event"));
            store.surveys().list(TENANT_A).forEach(s -> seen.add("survey"));
            store.definitions().latestOfEach(TENANT_A).forEach(d -> seen.add("definition"));
            store.instances().forCustomer(TENANT_A, ACME).forEach(i -> seen.add("instance"));
            store.instances().audit(TENANT_A, "i-1").forEach(a -> seen.add("audit"));
            store.alerts().open(TENANT_A, AlertQuery.all()).forEach(a -> seen.add("alert"));
            store.dueItems().due(TENANT_A, at(100), 10).forEach(d -> seen.add("due"));
            store.outbox().list(TENANT_A, OutboxStatus.PENDING, 10)
                    .forEach(o -> seen.add("outbox"));

            assertThat(seen.stream().sorted().collect(Collectors.joining(","))).isEqualTo(
                    "alert,audit,customer,definition,due,event,instance,outbox,survey,term");
        }
    }
}
