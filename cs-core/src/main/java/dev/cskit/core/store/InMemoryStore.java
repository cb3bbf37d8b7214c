package dev.cskit.core.store;

import dev.cskit.core.Customer;
import dev.cskit.core.CustomerEvent;
import dev.cskit.core.CustomerId;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.NoSuchRecordException;
import dev.cskit.core.Subscription;
import dev.cskit.core.SurveyResponse;
import dev.cskit.core.TenantId;
import dev.cskit.core.VersionConflictException;
import dev.cskit.core.internal.memory.ClaimQueue;
import dev.cskit.core.internal.memory.DueKey;
import dev.cskit.core.internal.memory.GroupIndex;
import dev.cskit.core.internal.memory.TimeKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A {@link Store} that keeps everything in memory: for tests, the demo, and applications that
 * need no durability. Nothing survives the JVM.
 *
 * <p>Design note on concurrency. All state sits in plain maps and their indexes, one set per
 * tenant, guarded by a single {@link ReentrantReadWriteLock}. Every read takes the read lock,
 * so readers run in parallel and always see a state between two writes. Every write
 * (including claims, which change leases) takes the write lock for its whole duration, so
 * writes are serialised and atomic with respect to each other and to readers. A write first
 * validates all of its input against the current state and only then applies it; applying is
 * plain map and index updates that cannot fail, so a rejected write (invalid input, version
 * conflict) leaves every map and index exactly as it was. Stored values are immutable, and
 * lists handed out are immutable copies, so no caller can reach the maps without the lock.
 *
 * <p>Design note on indexes. Each record sits in a map by id, and every query has an index
 * kept in step with that map by the one method that writes the record: due items sorted by
 * (due instant, instance, key) and split into free ones and ones held by a lease, the held
 * ones also sorted by lease end; pending outbox entries the same way by (next attempt, id);
 * outbox entries by status, then creation; instances by customer (all, and running ones) by
 * start; audit trails as a list per instance; alerts by instance, and open ones by (raise
 * time, id); events by customer by occurrence, and by status by receipt; surveys and terms by
 * customer. So "what is due now" and "who is stuck now" are range queries over stored due
 * instants, never scans of all instances.
 *
 * <p>The store reads no clock: every instant comes from the caller, as the SPI passes it.
 * Arguments are never {@code null}; a {@code null} fails with a {@link NullPointerException}
 * naming the argument.
 *
 * <p>Note: the costs, for a tenant with n records of the kind asked for and k results: due
 * items' {@code due} and {@code claim}, and the outbox's {@code claim}, cost O(log n + k),
 * plus, for a claim, O(e log k) for the e held records whose lease has ended (held records
 * whose lease still runs are never visited); lists by customer, instance or status cost
 * O(log n + k); {@code count} by status O(1); a commit O(log n) per part it writes, its
 * audit entries O(1) each. {@link AlertStore#open} walks open alerts in raise order from the
 * oldest and stops at the limit, so filters by process, step or level that match few alerts
 * visit the open alerts before those; {@link DefinitionStore#latestOfEach} walks every
 * stored definition. Everything is kept in the heap: a large or durable workload wants the
 * JDBC store.
 */
public final class InMemoryStore implements Store {

    private static final Comparator<DueItem> BY_DUE_THEN_KEY = Comparator
            .comparing(DueItem::dueAt)
            .thenComparing(DueItem::key);

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<TenantId, TenantData> tenants = new HashMap<>();

    private final CustomerStore customers = new Customers();
    private final SubscriptionStore subscriptions = new Subscriptions();
    private final EventStore events = new Events();
    private final SurveyStore surveys = new Surveys();
    private final DefinitionStore definitions = new Definitions();
    private final InstanceStore instances = new Instances();
    private final AlertStore alerts = new Alerts();
    private final DueItemStore dueItems = new DueItems();
    private final OutboxStore outbox = new Outbox();

    /** Creates an empty store. */
    public InMemoryStore() {
    }

    @Override
    public CustomerStore customers() {
        return customers;
    }

    @Override
    public SubscriptionStore subscriptions() {
        return subscriptions;
    }

    @Override
    public EventStore events() {
        return events;
    }

    @Override
    public SurveyStore surveys() {
        return surveys;
    }

    @Override
    public DefinitionStore definitions() {
        return definitions;
    }

    @Override
    public InstanceStore instances() {
        return instances;
    }

    @Override
    public AlertStore alerts() {
        return alerts;
    }

    @Override
    public DueItemStore dueItems() {
        return dueItems;
    }

    @Override
    public OutboxStore outbox() {
        return outbox;
    }

    @Override
    public int putAll(RecordBatch batch, Instant receivedAt) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(receivedAt, "receivedAt");
        return write(() -> {
            checkBatch(batch);

            for (Customer customer : batch.customers()) {
                data(customer.tenant()).customers.put(customer.id(), customer);
            }
            for (Subscription term : batch.subscriptions()) {
                data(term.tenant()).putTerm(term);
            }
            for (SurveyResponse response : batch.surveys()) {
                data(response.tenant()).putSurvey(response);
            }

            int recorded = 0;
            for (CustomerEvent event : batch.events()) {
                if (recordEvent(event, receivedAt)) {
                    recorded++;
                }
            }
            return recorded;
        });
    }

    private static void checkBatch(RecordBatch batch) {
        Set<List<Object>> seen = new HashSet<>();
        for (int i = 0; i < batch.customers().size(); i++) {
            Customer customer = batch.customers().get(i);
            unique(seen, "customers[" + i + "].id", customer.id(),
                    List.of("customer", customer.tenant(), customer.id()));
        }
        for (int i = 0; i < batch.subscriptions().size(); i++) {
            Subscription term = batch.subscriptions().get(i);
            unique(seen, "subscriptions[" + i + "].id", term.id() + "@" + term.start(),
                    List.of("term", term.tenant(), term.id(), term.start()));
        }
        for (int i = 0; i < batch.surveys().size(); i++) {
            SurveyResponse response = batch.surveys().get(i);
            unique(seen, "surveys[" + i + "].id", response.id(),
                    List.of("survey", response.tenant(), response.id()));
        }
    }

    private static void unique(Set<List<Object>> seen, String field, Object value,
            List<Object> key) {
        if (!seen.add(key)) {
            throw new InvalidInputException(field, value,
                    "must not appear twice in one batch");
        }
    }

    private boolean recordEvent(CustomerEvent event, Instant receivedAt) {
        TenantData data = data(event.tenant());
        if (data.events.containsKey(event.id())) {
            return false;
        }
        data.putEvent(StoredEvent.builder().event(event).receivedAt(receivedAt)
                .status(EventStatus.RECEIVED).build());
        return true;
    }

    // ---- locking and tenant data

    private <T> T read(TenantId tenant, Function<TenantData, T> query) {
        Objects.requireNonNull(tenant, "tenant");
        Lock readLock = lock.readLock();
        readLock.lock();
        try {
            return query.apply(tenants.getOrDefault(tenant, TenantData.EMPTY));
        } finally {
            readLock.unlock();
        }
    }

    private <T> T write(Supplier<T> change) {
        Lock writeLock = lock.writeLock();
        writeLock.lock();
        try {
            return change.get();
        } finally {
            writeLock.unlock();
        }
    }

    private void writeVoid(Runnable change) {
        write(() -> {
            change.run();
            return null;
        });
    }

    /** Returns a tenant's data for writing, creating it; call only under the write lock. */
    private TenantData data(TenantId tenant) {
        return tenants.computeIfAbsent(tenant, t -> new TenantData());
    }

    /** Looks up the records of index keys, in the keys' order, at most {@code limit}. */
    private static <K, V> List<V> values(Collection<K> keys, Function<K, V> record,
            int limit) {
        List<V> values = new ArrayList<>(Math.min(keys.size(), limit));
        for (K key : keys) {
            if (values.size() == limit) {
                break;
            }
            values.add(record.apply(key));
        }
        return List.copyOf(values);
    }

    private static void checkLimit(int limit) {
        if (limit <= 0) {
            throw new InvalidInputException("limit", limit, "must be positive");
        }
    }

    private static void checkClaim(Instant now, int limit, String owner, Instant leaseUntil) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        checkLimit(limit);
        if (owner == null || owner.isBlank()) {
            throw new InvalidInputException("owner", owner, "must not be blank");
        }
        if (!leaseUntil.isAfter(now)) {
            throw new InvalidInputException("leaseUntil", leaseUntil,
                    "must be after now (" + now + ")");
        }
    }

    /** The key of a subscription term within a tenant. */
    private record TermKey(String id, Instant start) implements Comparable<TermKey> {

        @Override
        public int compareTo(TermKey other) {
            int byId = id.compareTo(other.id);
            return byId != 0 ? byId : start.compareTo(other.start);
        }
    }

    /** The key of a definition version within a tenant. */
    private record DefinitionKey(String key, int version) implements Comparable<DefinitionKey> {

        @Override
        public int compareTo(DefinitionKey other) {
            int byKey = key.compareTo(other.key);
            return byKey != 0 ? byKey : Integer.compare(version, other.version);
        }
    }

    /**
     * Everything stored for one tenant, with its indexes; guarded by the store's lock. Each
     * {@code put} method is the one way to write its kind of record: it replaces the record
     * with the same id and moves the record's index keys with it, and it cannot fail.
     */
    private static final class TenantData {

        static final TenantData EMPTY = new TenantData();

        final TreeMap<CustomerId, Customer> customers = new TreeMap<>();

        final TreeMap<TermKey, Subscription> terms = new TreeMap<>();
        final GroupIndex<CustomerId, TermKey> termsByCustomer = new GroupIndex<>();

        final Map<String, StoredEvent> events = new HashMap<>();
        final GroupIndex<CustomerId, TimeKey> eventsByCustomer = new GroupIndex<>();
        final GroupIndex<EventStatus, TimeKey> eventsByStatus = new GroupIndex<>();

        final Map<String, SurveyResponse> surveys = new HashMap<>();
        final NavigableSet<TimeKey> surveyOrder = new TreeSet<>();
        final GroupIndex<CustomerId, TimeKey> surveysByCustomer = new GroupIndex<>();

        final TreeMap<DefinitionKey, DefinitionRecord> definitions = new TreeMap<>();

        final Map<String, InstanceRecord> instances = new HashMap<>();
        final GroupIndex<CustomerId, TimeKey> instancesByCustomer = new GroupIndex<>();
        final GroupIndex<CustomerId, TimeKey> runningByCustomer = new GroupIndex<>();
        final Map<InstanceStatus, Long> instanceCounts = new EnumMap<>(InstanceStatus.class);
        final Map<String, List<AuditEntry>> audit = new HashMap<>();

        /** Each instance's due items, ordered by due instant, then key. */
        final Map<String, List<DueItem>> dueItems = new HashMap<>();
        final ClaimQueue<DueKey, DueItem> dueQueue = new ClaimQueue<>(DueKey::dueAt);

        final Map<String, Alert> alerts = new HashMap<>();
        final GroupIndex<String, TimeKey> alertsByInstance = new GroupIndex<>();
        final NavigableSet<TimeKey> openAlerts = new TreeSet<>();

        final Map<String, OutboxEntry> outbox = new HashMap<>();
        final GroupIndex<OutboxStatus, TimeKey> outboxByStatus = new GroupIndex<>();
        final ClaimQueue<TimeKey, OutboxEntry> pendingOutbox = new ClaimQueue<>(TimeKey::at);

        void putTerm(Subscription term) {
            TermKey key = new TermKey(term.id(), term.start());
            Subscription was = terms.put(key, term);
            if (was != null) {
                termsByCustomer.remove(was.customerId(), key);
            }
            termsByCustomer.add(term.customerId(), key);
        }

        void putSurvey(SurveyResponse response) {
            SurveyResponse was = surveys.put(response.id(), response);
            if (was != null) {
                TimeKey old = new TimeKey(was.answeredAt(), was.id());
                surveyOrder.remove(old);
                surveysByCustomer.remove(was.customerId(), old);
            }
            TimeKey key = new TimeKey(response.answeredAt(), response.id());
            surveyOrder.add(key);
            surveysByCustomer.add(response.customerId(), key);
        }

        void putEvent(StoredEvent stored) {
            StoredEvent was = events.put(stored.event().id(), stored);
            if (was != null) {
                eventsByCustomer.remove(was.event().customerId(), occurrence(was));
                eventsByStatus.remove(was.status(), receipt(was));
            }
            eventsByCustomer.add(stored.event().customerId(), occurrence(stored));
            eventsByStatus.add(stored.status(), receipt(stored));
        }

        private static TimeKey occurrence(StoredEvent stored) {
            return new TimeKey(stored.event().occurredAt(), stored.event().id());
        }

        private static TimeKey receipt(StoredEvent stored) {
            return new TimeKey(stored.receivedAt(), stored.event().id());
        }

        void putInstance(InstanceRecord instance) {
            InstanceRecord was = instances.put(instance.id(), instance);
            if (was != null) {
                TimeKey old = new TimeKey(was.startedAt(), was.id());
                instancesByCustomer.remove(was.customerId(), old);
                runningByCustomer.remove(was.customerId(), old);
                instanceCounts.merge(was.status(), -1L, Long::sum);
            }

            TimeKey key = new TimeKey(instance.startedAt(), instance.id());
            instancesByCustomer.add(instance.customerId(), key);
            if (instance.status() == InstanceStatus.RUNNING) {
                runningByCustomer.add(instance.customerId(), key);
            }
            instanceCounts.merge(instance.status(), 1L, Long::sum);
        }

        void appendAudit(String instanceId, List<AuditEntry> entries) {
            if (!entries.isEmpty()) {
                audit.computeIfAbsent(instanceId, id -> new ArrayList<>()).addAll(entries);
            }
        }

        /** Replaces all of an instance's due items. */
        void replaceDueItems(String instanceId, List<DueItem> items) {
            for (DueItem item : dueItems.getOrDefault(instanceId, List.of())) {
                dueQueue.remove(dueKey(item));
            }
            for (DueItem item : items) {
                dueQueue.put(dueKey(item), item, item.leaseUntil());
            }
            if (items.isEmpty()) {
                dueItems.remove(instanceId);
            } else {
                dueItems.put(instanceId, items.stream().sorted(BY_DUE_THEN_KEY).toList());
            }
        }

        /** Replaces the stored item with the same instance and key, and the same due instant. */
        void putDueItem(DueItem item) {
            List<DueItem> items = new ArrayList<>(dueItems.get(item.instanceId()));
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).key().equals(item.key())) {
                    items.set(i, item);
                }
            }
            dueItems.put(item.instanceId(), List.copyOf(items));
            dueQueue.put(dueKey(item), item, item.leaseUntil());
        }

        private static DueKey dueKey(DueItem item) {
            return new DueKey(item.dueAt(), item.instanceId(), item.key());
        }

        void putAlert(Alert alert) {
            Alert was = alerts.put(alert.id(), alert);
            if (was != null) {
                TimeKey old = new TimeKey(was.raisedAt(), was.id());
                alertsByInstance.remove(was.instanceId(), old);
                openAlerts.remove(old);
            }

            TimeKey key = new TimeKey(alert.raisedAt(), alert.id());
            alertsByInstance.add(alert.instanceId(), key);
            if (alert.isOpen()) {
                openAlerts.add(key);
            }
        }

        void putOutbox(OutboxEntry entry) {
            OutboxEntry was = outbox.put(entry.id(), entry);
            if (was != null) {
                outboxByStatus.remove(was.status(), new TimeKey(was.createdAt(), was.id()));
                pendingOutbox.remove(new TimeKey(was.nextAttemptAt(), was.id()));
            }

            outboxByStatus.add(entry.status(), new TimeKey(entry.createdAt(), entry.id()));
            if (entry.status() == OutboxStatus.PENDING) {
                pendingOutbox.put(new TimeKey(entry.nextAttemptAt(), entry.id()), entry,
                        entry.leaseUntil());
            }
        }
    }

    // ---- the interfaces

    private final class Customers implements CustomerStore {

        @Override
        public void put(Customer customer) {
            Objects.requireNonNull(customer, "customer");
            writeVoid(() -> data(customer.tenant()).customers.put(customer.id(), customer));
        }

        @Override
        public Optional<Customer> find(TenantId tenant, CustomerId id) {
            Objects.requireNonNull(id, "id");
            return read(tenant, d -> Optional.ofNullable(d.customers.get(id)));
        }

        @Override
        public List<Customer> list(TenantId tenant) {
            return read(tenant, d -> List.copyOf(d.customers.values()));
        }

        @Override
        public long count(TenantId tenant) {
            return read(tenant, d -> (long) d.customers.size());
        }
    }

    private final class Subscriptions implements SubscriptionStore {

        @Override
        public void put(Subscription term) {
            Objects.requireNonNull(term, "term");
            writeVoid(() -> data(term.tenant()).putTerm(term));
        }

        @Override
        public List<Subscription> history(TenantId tenant, String subscriptionId) {
            Objects.requireNonNull(subscriptionId, "subscriptionId");
            TermKey first = new TermKey(subscriptionId, Instant.MIN);
            TermKey last = new TermKey(subscriptionId, Instant.MAX);
            return read(tenant, d -> List.copyOf(
                    d.terms.subMap(first, true, last, true).values()));
        }

        @Override
        public List<Subscription> forCustomer(TenantId tenant, CustomerId customer) {
            Objects.requireNonNull(customer, "customer");
            return read(tenant, d -> values(d.termsByCustomer.keys(customer), d.terms::get,
                    Integer.MAX_VALUE));
        }

        @Override
        public List<Subscription> list(TenantId tenant) {
            return read(tenant, d -> List.copyOf(d.terms.values()));
        }
    }

    private final class Events implements EventStore {

        @Override
        public boolean record(CustomerEvent event, Instant receivedAt) {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(receivedAt, "receivedAt");
            return write(() -> recordEvent(event, receivedAt));
        }

        @Override
        public Optional<StoredEvent> find(TenantId tenant, String eventId) {
            Objects.requireNonNull(eventId, "eventId");
            return read(tenant, d -> Optional.ofNullable(d.events.get(eventId)));
        }

        @Override
        public void setStatus(TenantId tenant, String eventId, EventStatus status) {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(status, "status");
            writeVoid(() -> {
                TenantData data = tenants.getOrDefault(tenant, TenantData.EMPTY);
                StoredEvent stored = data.events.get(eventId);
                if (stored == null) {
                    throw new NoSuchRecordException("event", eventId, tenant);
                }
                data.putEvent(StoredEvent.builder().copyFrom(stored).status(status).build());
            });
        }

        @Override
        public List<StoredEvent> forCustomer(TenantId tenant, CustomerId customer) {
            Objects.requireNonNull(customer, "customer");
            return read(tenant, d -> values(d.eventsByCustomer.keys(customer),
                    key -> d.events.get(key.id()), Integer.MAX_VALUE));
        }

        @Override
        public List<StoredEvent> withStatus(TenantId tenant, EventStatus status, int limit) {
            Objects.requireNonNull(status, "status");
            checkLimit(limit);
            return read(tenant, d -> values(d.eventsByStatus.keys(status),
                    key -> d.events.get(key.id()), limit));
        }
    }

    private final class Surveys implements SurveyStore {

        @Override
        public void put(SurveyResponse response) {
            Objects.requireNonNull(response, "response");
            writeVoid(() -> data(response.tenant()).putSurvey(response));
        }

        @Override
        public List<SurveyResponse> forCustomer(TenantId tenant, CustomerId customer) {
            Objects.requireNonNull(customer, "customer");
            return read(tenant, d -> values(d.surveysByCustomer.keys(customer),
                    key -> d.surveys.get(key.id()), Integer.MAX_VALUE));
        }

        @Override
        public List<SurveyResponse> list(TenantId tenant) {
            return read(tenant, d -> values(d.surveyOrder, key -> d.surveys.get(key.id()),
                    Integer.MAX_VALUE));
        }
    }

    private final class Definitions implements DefinitionStore {

        @Override
        public void put(DefinitionRecord definition) {
            Objects.requireNonNull(definition, "definition");
            writeVoid(() -> {
                DefinitionKey key = new DefinitionKey(definition.key(), definition.version());
                TenantData data = data(definition.tenant());
                DefinitionRecord stored = data.definitions.get(key);
                if (stored == null) {
                    data.definitions.put(key, definition);
                } else if (!stored.content().equals(definition.content())) {
                    throw new InvalidInputException("definition.content",
                            definition.key() + " v" + definition.version(),
                            "must equal the content already stored for that key and version;"
                                    + " a changed definition needs a new version");
                }
            });
        }

        @Override
        public Optional<DefinitionRecord> find(TenantId tenant, String key, int version) {
            Objects.requireNonNull(key, "key");
            return read(tenant, d -> Optional.ofNullable(
                    d.definitions.get(new DefinitionKey(key, version))));
        }

        @Override
        public Optional<DefinitionRecord> latest(TenantId tenant, String key) {
            Objects.requireNonNull(key, "key");
            return read(tenant, d -> Optional.ofNullable(d.definitions.floorEntry(
                    new DefinitionKey(key, Integer.MAX_VALUE)))
                    .map(Map.Entry::getValue)
                    .filter(definition -> definition.key().equals(key)));
        }

        @Override
        public List<DefinitionRecord> latestOfEach(TenantId tenant) {
            return read(tenant, d -> {
                Map<String, DefinitionRecord> latest = new TreeMap<>();
                for (DefinitionRecord definition : d.definitions.values()) {
                    latest.put(definition.key(), definition);
                }
                return List.copyOf(latest.values());
            });
        }
    }

    private final class Instances implements InstanceStore {

        /**
         * {@inheritDoc}
         *
         * <p>Checks, in this order, before anything is written: the version, then that the
         * audit entries continue the stored trail without gaps, that due item keys are
         * unique, that raised alert ids are unique in the commit, and that outbox ids are
         * unique and not stored yet. Raised alerts whose id is stored already are left as they
         * are; cleared ids that name no open alert of this instance are ignored.
         */
        @Override
        public void commit(InstanceCommit commit) {
            Objects.requireNonNull(commit, "commit");
            writeVoid(() -> {
                InstanceRecord instance = commit.instance();
                TenantData data = data(instance.tenant());
                checkVersion(data, commit);
                checkAudit(data, commit);
                checkParts(data, commit);
                apply(data, commit);
            });
        }

        private void checkVersion(TenantData data, InstanceCommit commit) {
            InstanceRecord stored = data.instances.get(commit.instance().id());
            long actual = stored == null ? -1 : stored.version();
            boolean matches = commit.expectedVersion() == 0
                    ? stored == null
                    : actual == commit.expectedVersion();
            if (!matches) {
                throw new VersionConflictException("instance", commit.instance().id(),
                        commit.expectedVersion(), actual);
            }
        }

        private void checkAudit(TenantData data, InstanceCommit commit) {
            List<AuditEntry> trail = data.audit.getOrDefault(commit.instance().id(), List.of());
            long next = trail.isEmpty() ? 1 : trail.get(trail.size() - 1).sequence() + 1;
            for (int i = 0; i < commit.audit().size(); i++) {
                long sequence = commit.audit().get(i).sequence();
                if (sequence != next) {
                    throw new InvalidInputException("audit[" + i + "].sequence", sequence,
                            "must be " + next + ", continuing the stored trail without gaps");
                }
                next++;
            }
        }

        private void checkParts(TenantData data, InstanceCommit commit) {
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < commit.dueItems().size(); i++) {
                String key = commit.dueItems().get(i).key();
                if (!keys.add(key)) {
                    throw new InvalidInputException("dueItems[" + i + "].key", key,
                            "must be unique within the instance");
                }
            }

            Set<String> alertIds = new HashSet<>();
            for (int i = 0; i < commit.raise().size(); i++) {
                String id = commit.raise().get(i).id();
                if (!alertIds.add(id)) {
                    throw new InvalidInputException("raise[" + i + "].id", id,
                            "must not appear twice in one commit");
                }
            }

            Set<String> outboxIds = new HashSet<>();
            for (int i = 0; i < commit.outbox().size(); i++) {
                String id = commit.outbox().get(i).id();
                if (!outboxIds.add(id) || data.outbox.containsKey(id)) {
                    throw new InvalidInputException("outbox[" + i + "].id", id,
                            "must be new: an outbox id is stored once");
                }
            }
        }

        private void apply(TenantData data, InstanceCommit commit) {
            InstanceRecord instance = commit.instance();
            String id = instance.id();
            data.putInstance(instance);
            data.appendAudit(id, commit.audit());
            data.replaceDueItems(id, commit.dueItems());

            for (Alert alert : commit.raise()) {
                if (!data.alerts.containsKey(alert.id())) {
                    data.putAlert(alert);
                }
            }
            for (String alertId : commit.clear()) {
                Alert alert = data.alerts.get(alertId);
                if (alert != null && alert.isOpen() && alert.instanceId().equals(id)) {
                    data.putAlert(Alert.builder().copyFrom(alert)
                            .clearedAt(instance.updatedAt()).build());
                }
            }

            for (OutboxEntry entry : commit.outbox()) {
                data.putOutbox(entry);
            }
        }

        @Override
        public Optional<InstanceRecord> find(TenantId tenant, String instanceId) {
            Objects.requireNonNull(instanceId, "instanceId");
            return read(tenant, d -> Optional.ofNullable(d.instances.get(instanceId)));
        }

        @Override
        public List<InstanceRecord> forCustomer(TenantId tenant, CustomerId customer) {
            Objects.requireNonNull(customer, "customer");
            return read(tenant, d -> values(d.instancesByCustomer.keys(customer),
                    key -> d.instances.get(key.id()), Integer.MAX_VALUE));
        }

        @Override
        public List<InstanceRecord> runningForCustomer(TenantId tenant, CustomerId customer) {
            Objects.requireNonNull(customer, "customer");
            return read(tenant, d -> values(d.runningByCustomer.keys(customer),
                    key -> d.instances.get(key.id()), Integer.MAX_VALUE));
        }

        @Override
        public long count(TenantId tenant, InstanceStatus status) {
            Objects.requireNonNull(status, "status");
            return read(tenant, d -> d.instanceCounts.getOrDefault(status, 0L));
        }

        @Override
        public List<AuditEntry> audit(TenantId tenant, String instanceId) {
            Objects.requireNonNull(instanceId, "instanceId");
            return read(tenant, d -> List.copyOf(d.audit.getOrDefault(instanceId, List.of())));
        }
    }

    private final class Alerts implements AlertStore {

        @Override
        public List<Alert> open(TenantId tenant, AlertQuery query) {
            Objects.requireNonNull(query, "query");
            checkLimit(query.limit());
            Predicate<Alert> matches = alert ->
                    query.processKey().map(alert.processKey()::equals).orElse(true)
                    && query.step().map(alert.step()::equals).orElse(true)
                    && query.level().map(alert.level()::equals).orElse(true);
            return read(tenant, d -> {
                // Raised strictly before an instant: keys below the first one at that instant.
                NavigableSet<TimeKey> raised = query.raisedBefore()
                        .map(before -> d.openAlerts.headSet(new TimeKey(before, ""), false))
                        .orElse(d.openAlerts);

                List<Alert> found = new ArrayList<>();
                for (TimeKey key : raised) {
                    if (found.size() == query.limit()) {
                        break;
                    }
                    Alert alert = d.alerts.get(key.id());
                    if (matches.test(alert)) {
                        found.add(alert);
                    }
                }
                return List.copyOf(found);
            });
        }

        @Override
        public List<Alert> forInstance(TenantId tenant, String instanceId) {
            Objects.requireNonNull(instanceId, "instanceId");
            return read(tenant, d -> values(d.alertsByInstance.keys(instanceId),
                    key -> d.alerts.get(key.id()), Integer.MAX_VALUE));
        }

        @Override
        public Optional<Alert> find(TenantId tenant, String alertId) {
            Objects.requireNonNull(alertId, "alertId");
            return read(tenant, d -> Optional.ofNullable(d.alerts.get(alertId)));
        }
    }

    private final class DueItems implements DueItemStore {

        @Override
        public List<DueItem> due(TenantId tenant, Instant now, int limit) {
            Objects.requireNonNull(now, "now");
            checkLimit(limit);
            return read(tenant, d -> List.copyOf(d.dueQueue.due(now, limit)));
        }

        @Override
        public List<DueItem> claim(TenantId tenant, Instant now, int limit, String owner,
                Instant leaseUntil) {
            Objects.requireNonNull(tenant, "tenant");
            checkClaim(now, limit, owner, leaseUntil);
            return write(() -> {
                TenantData data = tenants.getOrDefault(tenant, TenantData.EMPTY);
                List<DueItem> claimed = new ArrayList<>();
                for (DueItem item : data.dueQueue.claimable(now, limit)) {
                    DueItem held = DueItem.builder().copyFrom(item).claimedBy(owner)
                            .leaseUntil(leaseUntil).build();
                    data.putDueItem(held);
                    claimed.add(held);
                }
                return List.copyOf(claimed);
            });
        }

        @Override
        public List<DueItem> forInstance(TenantId tenant, String instanceId) {
            Objects.requireNonNull(instanceId, "instanceId");
            return read(tenant, d -> d.dueItems.getOrDefault(instanceId, List.of()));
        }
    }

    private final class Outbox implements OutboxStore {

        @Override
        public List<OutboxEntry> claim(TenantId tenant, Instant now, int limit, String owner,
                Instant leaseUntil) {
            Objects.requireNonNull(tenant, "tenant");
            checkClaim(now, limit, owner, leaseUntil);
            return write(() -> {
                TenantData data = tenants.getOrDefault(tenant, TenantData.EMPTY);
                List<OutboxEntry> claimed = new ArrayList<>();
                for (OutboxEntry entry : data.pendingOutbox.claimable(now, limit)) {
                    OutboxEntry held = OutboxEntry.builder().copyFrom(entry).claimedBy(owner)
                            .leaseUntil(leaseUntil).build();
                    data.putOutbox(held);
                    claimed.add(held);
                }
                return List.copyOf(claimed);
            });
        }

        @Override
        public void markDelivered(TenantId tenant, String id) {
            update(tenant, id, entry -> released(entry)
                    .status(OutboxStatus.DELIVERED)
                    .build());
        }

        @Override
        public void markFailed(TenantId tenant, String id, String error,
                Optional<Instant> retryAt) {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(retryAt, "retryAt");
            update(tenant, id, entry -> {
                OutboxEntry.Builder failed = released(entry);
                failed.lastError(error);
                if (retryAt.isPresent()) {
                    failed.status(OutboxStatus.PENDING).nextAttemptAt(retryAt.get());
                } else {
                    failed.status(OutboxStatus.FAILED);
                }
                return failed.build();
            });
        }

        /** Returns a builder for the entry with one more attempt and no claim. */
        private OutboxEntry.Builder released(OutboxEntry entry) {
            OutboxEntry.Builder builder = OutboxEntry.builder();
            builder.copyFrom(entry)
                    .attempts(entry.attempts() + 1)
                    .claimedBy(Optional.empty())
                    .leaseUntil(Optional.empty());
            return builder;
        }

        private void update(TenantId tenant, String id,
                UnaryOperator<OutboxEntry> change) {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(id, "id");
            writeVoid(() -> {
                TenantData data = tenants.getOrDefault(tenant, TenantData.EMPTY);
                OutboxEntry entry = data.outbox.get(id);
                if (entry == null) {
                    throw new NoSuchRecordException("outbox entry", id, tenant);
                }
                data.putOutbox(change.apply(entry));
            });
        }

        @Override
        public Optional<OutboxEntry> find(TenantId tenant, String id) {
            Objects.requireNonNull(id, "id");
            return read(tenant, d -> Optional.ofNullable(d.outbox.get(id)));
        }

        @Override
        public List<OutboxEntry> list(TenantId tenant, OutboxStatus status, int limit) {
            Objects.requireNonNull(status, "status");
            checkLimit(limit);
            return read(tenant, d -> values(d.outboxByStatus.keys(status),
                    key -> d.outbox.get(key.id()), limit));
        }
    }
}
