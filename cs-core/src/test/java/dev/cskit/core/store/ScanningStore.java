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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A second implementation of the store, for tests: every query filters and sorts a tenant's
 * records afresh, so it is slow but plainly right. It is what {@link InMemoryStore} was
 * before it had indexes, and the indexed store must answer every query as this one does.
 *
 * <p>Thread-safe: one read-write lock, reads shared, writes exclusive and validated before
 * anything is applied.
 */
final class ScanningStore implements Store {

    private static final Comparator<DueItem> DUE_ORDER = Comparator
            .comparing(DueItem::dueAt)
            .thenComparing(DueItem::instanceId)
            .thenComparing(DueItem::key);

    private static final Comparator<Alert> ALERT_ORDER = Comparator
            .comparing(Alert::raisedAt)
            .thenComparing(Alert::id);

    private static final Comparator<InstanceRecord> INSTANCE_ORDER = Comparator
            .comparing(InstanceRecord::startedAt)
            .thenComparing(InstanceRecord::id);

    private static final Comparator<SurveyResponse> SURVEY_ORDER = Comparator
            .comparing(SurveyResponse::answeredAt)
            .thenComparing(SurveyResponse::id);

    private static final Comparator<Subscription> TERM_ORDER = Comparator
            .comparing(Subscription::id)
            .thenComparing(Subscription::start);

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
    ScanningStore() {
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
                data(term.tenant()).terms.put(new TermKey(term.id(), term.start()), term);
            }
            for (SurveyResponse response : batch.surveys()) {
                data(response.tenant()).surveys.put(response.id(), response);
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
        Map<String, StoredEvent> inbox = data(event.tenant()).events;
        if (inbox.containsKey(event.id())) {
            return false;
        }
        inbox.put(event.id(), StoredEvent.builder().event(event).receivedAt(receivedAt)
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

    private static <T> List<T> sorted(Collection<T> values, Predicate<T> filter,
            Comparator<? super T> order, int limit) {
        return values.stream().filter(filter).sorted(order).limit(limit).toList();
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

    private static boolean leaseRunning(Optional<Instant> leaseUntil, Instant now) {
        return leaseUntil.isPresent() && leaseUntil.get().isAfter(now);
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

    /** Everything stored for one tenant; guarded by the store's lock. */
    private static final class TenantData {

        static final TenantData EMPTY = new TenantData();

        final TreeMap<CustomerId, Customer> customers = new TreeMap<>();
        final TreeMap<TermKey, Subscription> terms = new TreeMap<>();
        final Map<String, StoredEvent> events = new HashMap<>();
        final Map<String, SurveyResponse> surveys = new HashMap<>();
        final TreeMap<DefinitionKey, DefinitionRecord> definitions = new TreeMap<>();
        final Map<String, InstanceRecord> instances = new HashMap<>();
        final Map<String, List<AuditEntry>> audit = new HashMap<>();
        final Map<String, List<DueItem>> dueItems = new HashMap<>();
        final Map<String, Alert> alerts = new HashMap<>();
        final Map<String, OutboxEntry> outbox = new HashMap<>();
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
            writeVoid(() -> data(term.tenant()).terms
                    .put(new TermKey(term.id(), term.start()), term));
        }

        @Override
        public List<Subscription> history(TenantId tenant, String subscriptionId) {
            Objects.requireNonNull(subscriptionId, "subscriptionId");
            return read(tenant, d -> sorted(d.terms.values(),
                    t -> t.id().equals(subscriptionId), TERM_ORDER, Integer.MAX_VALUE));
        }

        @Override
        public List<Subscription> forCustomer(TenantId tenant, CustomerId customer) {
            Objects.requireNonNull(customer, "customer");
            return read(tenant, d -> sorted(d.terms.values(),
                    t -> t.customerId().equals(customer), TERM_ORDER, Integer.MAX_VALUE));
        }

        @Override
        public List<Subscription> list(TenantId tenant) {
            return read(tenant, d -> List.copyOf(d.terms.values()));
        }
    }

    private final class Events implements EventStore {

        private final Comparator<StoredEvent> byOccurrence = Comparator
                .comparing((StoredEvent e) -> e.event().occurredAt())
                .thenComparing(e -> e.event().id());

        private final Comparator<StoredEvent> byReceipt = Comparator
                .comparing(StoredEvent::receivedAt)
                .thenComparing(e -> e.event().id());

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
                data.events.put(eventId,
                        StoredEvent.builder().copyFrom(stored).status(status).build());
            });
        }

        @Override
        public List<StoredEvent> forCustomer(TenantId tenant, CustomerId customer) {
            Objects.requireNonNull(customer, "customer");
            return read(tenant, d -> sorted(d.events.values(),
                    e -> e.event().customerId().equals(customer), byOccurrence,
                    Integer.MAX_VALUE));
        }

        @Override
        public List<StoredEvent> withStatus(TenantId tenant, EventStatus status, int limit) {
            Objects.requireNonNull(status, "status");
            checkLimit(limit);
            return read(tenant, d -> sorted(d.events.values(), e -> e.status() == status,
                    byReceipt, limit));
        }
    }

    private final class Surveys implements SurveyStore {

        @Override
        public void put(SurveyResponse response) {
            Objects.requireNonNull(response, "response");
            writeVoid(() -> data(response.tenant()).surveys.put(response.id(), response));
        }

        @Override
        public List<SurveyResponse> forCustomer(TenantId tenant, CustomerId customer) {
            Objects.requireNonNull(customer, "customer");
            return read(tenant, d -> sorted(d.surveys.values(),
                    s -> s.customerId().equals(customer), SURVEY_ORDER, Integer.MAX_VALUE));
        }

        @Override
        public List<SurveyResponse> list(TenantId tenant) {
            return read(tenant, d -> sorted(d.surveys.values(), s -> true, SURVEY_ORDER,
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
            data.instances.put(id, instance);

            if (!commit.audit().isEmpty()) {
                List<AuditEntry> trail = new ArrayList<>(
                        data.audit.getOrDefault(id, List.of()));
                trail.addAll(commit.audit());
                data.audit.put(id, List.copyOf(trail));
            }

            if (commit.dueItems().isEmpty()) {
                data.dueItems.remove(id);
            } else {
                data.dueItems.put(id, List.copyOf(commit.dueItems()));
            }

            for (Alert alert : commit.raise()) {
                data.alerts.putIfAbsent(alert.id(), alert);
            }
            for (String alertId : commit.clear()) {
                Alert alert = data.alerts.get(alertId);
                if (alert != null && alert.isOpen() && alert.instanceId().equals(id)) {
                    data.alerts.put(alertId, Alert.builder().copyFrom(alert)
                            .clearedAt(instance.updatedAt()).build());
                }
            }

            for (OutboxEntry entry : commit.outbox()) {
                data.outbox.put(entry.id(), entry);
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
            return read(tenant, d -> sorted(d.instances.values(),
                    i -> i.customerId().equals(customer), INSTANCE_ORDER, Integer.MAX_VALUE));
        }

        @Override
        public List<InstanceRecord> runningForCustomer(TenantId tenant, CustomerId customer) {
            Objects.requireNonNull(customer, "customer");
            return read(tenant, d -> sorted(d.instances.values(),
                    i -> i.customerId().equals(customer) && i.status() == InstanceStatus.RUNNING,
                    INSTANCE_ORDER, Integer.MAX_VALUE));
        }

        @Override
        public long count(TenantId tenant, InstanceStatus status) {
            Objects.requireNonNull(status, "status");
            return read(tenant, d -> d.instances.values().stream()
                    .filter(i -> i.status() == status).count());
        }

        @Override
        public List<AuditEntry> audit(TenantId tenant, String instanceId) {
            Objects.requireNonNull(instanceId, "instanceId");
            return read(tenant, d -> d.audit.getOrDefault(instanceId, List.of()));
        }
    }

    private final class Alerts implements AlertStore {

        @Override
        public List<Alert> open(TenantId tenant, AlertQuery query) {
            Objects.requireNonNull(query, "query");
            checkLimit(query.limit());
            Predicate<Alert> matches = alert -> alert.isOpen()
                    && query.processKey().map(alert.processKey()::equals).orElse(true)
                    && query.step().map(alert.step()::equals).orElse(true)
                    && query.level().map(alert.level()::equals).orElse(true)
                    && query.raisedBefore().map(alert.raisedAt()::isBefore).orElse(true);
            return read(tenant, d -> sorted(d.alerts.values(), matches, ALERT_ORDER,
                    query.limit()));
        }

        @Override
        public List<Alert> forInstance(TenantId tenant, String instanceId) {
            Objects.requireNonNull(instanceId, "instanceId");
            return read(tenant, d -> sorted(d.alerts.values(),
                    a -> a.instanceId().equals(instanceId), ALERT_ORDER, Integer.MAX_VALUE));
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
            return read(tenant, d -> d.dueItems.values().stream()
                    .flatMap(List::stream)
                    .filter(item -> !item.dueAt().isAfter(now))
                    .sorted(DUE_ORDER)
                    .limit(limit)
                    .toList());
        }

        @Override
        public List<DueItem> claim(TenantId tenant, Instant now, int limit, String owner,
                Instant leaseUntil) {
            Objects.requireNonNull(tenant, "tenant");
            checkClaim(now, limit, owner, leaseUntil);
            return write(() -> {
                TenantData data = tenants.getOrDefault(tenant, TenantData.EMPTY);
                List<DueItem> chosen = data.dueItems.values().stream()
                        .flatMap(List::stream)
                        .filter(item -> !item.dueAt().isAfter(now)
                                && !leaseRunning(item.leaseUntil(), now))
                        .sorted(DUE_ORDER)
                        .limit(limit)
                        .toList();

                List<DueItem> claimed = new ArrayList<>();
                for (DueItem item : chosen) {
                    DueItem held = DueItem.builder().copyFrom(item).claimedBy(owner)
                            .leaseUntil(leaseUntil).build();
                    List<DueItem> items = new ArrayList<>(data.dueItems.get(item.instanceId()));
                    items.set(items.indexOf(item), held);
                    data.dueItems.put(item.instanceId(), List.copyOf(items));
                    claimed.add(held);
                }
                return List.copyOf(claimed);
            });
        }

        @Override
        public List<DueItem> forInstance(TenantId tenant, String instanceId) {
            Objects.requireNonNull(instanceId, "instanceId");
            Comparator<DueItem> order = Comparator.comparing(DueItem::dueAt)
                    .thenComparing(DueItem::key);
            return read(tenant, d -> sorted(d.dueItems.getOrDefault(instanceId, List.of()),
                    item -> true, order, Integer.MAX_VALUE));
        }
    }

    private final class Outbox implements OutboxStore {

        private final Comparator<OutboxEntry> byNextAttempt = Comparator
                .comparing(OutboxEntry::nextAttemptAt)
                .thenComparing(OutboxEntry::id);

        private final Comparator<OutboxEntry> byCreation = Comparator
                .comparing(OutboxEntry::createdAt)
                .thenComparing(OutboxEntry::id);

        @Override
        public List<OutboxEntry> claim(TenantId tenant, Instant now, int limit, String owner,
                Instant leaseUntil) {
            Objects.requireNonNull(tenant, "tenant");
            checkClaim(now, limit, owner, leaseUntil);
            return write(() -> {
                TenantData data = tenants.getOrDefault(tenant, TenantData.EMPTY);
                List<OutboxEntry> chosen = sorted(data.outbox.values(),
                        entry -> entry.status() == OutboxStatus.PENDING
                                && !entry.nextAttemptAt().isAfter(now)
                                && !leaseRunning(entry.leaseUntil(), now),
                        byNextAttempt, limit);

                List<OutboxEntry> claimed = new ArrayList<>();
                for (OutboxEntry entry : chosen) {
                    OutboxEntry held = OutboxEntry.builder().copyFrom(entry).claimedBy(owner)
                            .leaseUntil(leaseUntil).build();
                    data.outbox.put(entry.id(), held);
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
                data.outbox.put(id, change.apply(entry));
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
            return read(tenant, d -> sorted(d.outbox.values(), e -> e.status() == status,
                    byCreation, limit));
        }
    }
}
