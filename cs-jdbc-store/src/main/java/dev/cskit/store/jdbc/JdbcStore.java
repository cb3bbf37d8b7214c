package dev.cskit.store.jdbc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cskit.core.Customer;
import dev.cskit.core.store.AlertStore;
import dev.cskit.core.store.CustomerStore;
import dev.cskit.core.store.DefinitionRecord;
import dev.cskit.core.store.DefinitionStore;
import dev.cskit.core.store.DueItemStore;
import dev.cskit.core.store.EventStore;
import dev.cskit.core.store.InstanceStore;
import dev.cskit.core.store.OutboxStore;
import dev.cskit.core.store.RecordBatch;
import dev.cskit.core.store.Store;
import dev.cskit.core.store.SubscriptionStore;
import dev.cskit.core.store.SurveyStore;
import dev.cskit.store.jdbc.internal.Database;
import dev.cskit.store.jdbc.internal.JdbcAlerts;
import dev.cskit.store.jdbc.internal.JdbcBatch;
import dev.cskit.store.jdbc.internal.JdbcCustomers;
import dev.cskit.store.jdbc.internal.JdbcDefinitions;
import dev.cskit.store.jdbc.internal.JdbcDueItems;
import dev.cskit.store.jdbc.internal.JdbcEvents;
import dev.cskit.store.jdbc.internal.JdbcInstances;
import dev.cskit.store.jdbc.internal.JdbcOutbox;
import dev.cskit.store.jdbc.internal.JdbcSubscriptions;
import dev.cskit.store.jdbc.internal.JdbcSurveys;
import dev.cskit.store.jdbc.internal.RecordKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The cskit {@link Store} over JDBC, for H2 2.x (a file or in-memory database, nothing to
 * install) and PostgreSQL 15 or newer (several application nodes on one database).
 *
 * <pre>{@code
 * Store store = JdbcStore.builder()
 *         .dataSource(dataSource)      // the application's pool; the store opens none
 *         .build();                    // detects the dialect, applies the migrations
 * }</pre>
 *
 * <p>Design note: how the store stays correct with several nodes.
 * <ul>
 *   <li>Every call takes a connection from the application's {@link DataSource} and gives it
 *       back before returning; writes run in one transaction, rolled back on any failure, so
 *       a failed call writes nothing.</li>
 *   <li>The instance commit checks the version in its first statement
 *       ({@code UPDATE ... WHERE id = ? AND version = ?}, or an insert-if-absent for a new
 *       instance); the row lock it takes serialises writers of one instance, so no update is
 *       lost (see {@link dev.cskit.core.VersionConflictException}).</li>
 *   <li>Due items and outbox entries are claimed for a lease with
 *       {@code FOR UPDATE SKIP LOCKED}; a claim writes the owner and the lease end, and only
 *       rows that are unleased or whose lease has ended can be claimed. A node that dies
 *       holding a claim loses it when the lease ends.</li>
 *   <li>Every statement names the tenant.</li>
 *   <li>Caches (Caffeine, bounded): definitions by tenant, key and version, which never
 *       change; and customers by tenant and id, invalidated by this node's writes and
 *       expiring after {@link Builder#customerCacheExpiry}. Instances, due items, the outbox
 *       and the latest definition version are always read from the database.</li>
 *   <li>Bad input (a value longer than its column, a duplicate key) is refused with an
 *       {@link dev.cskit.core.InvalidInputException} naming the field, before or instead of
 *       writing; any other {@link java.sql.SQLException} becomes a
 *       {@link dev.cskit.core.StoreException} that keeps the SQL state and the cause.</li>
 * </ul>
 *
 * <p>Note: PostgreSQL keeps instants to the microsecond; nanoseconds are truncated there
 * (H2 keeps them). Customer, subscription, event and survey records keep theirs, being
 * stored as JSON. Note: a customer cached on one node can be up to
 * {@link Builder#customerCacheExpiry} older than a write made by another node; set it to
 * zero to turn the customer cache off.
 *
 * <p>Thread-safe.
 */
public final class JdbcStore implements Store {

    private final Dialect dialect;
    private final JdbcCustomers customers;
    private final JdbcSubscriptions subscriptions;
    private final JdbcEvents events;
    private final JdbcSurveys surveys;
    private final JdbcDefinitions definitions;
    private final JdbcInstances instances;
    private final JdbcAlerts alerts;
    private final JdbcDueItems dueItems;
    private final JdbcOutbox outbox;
    private final JdbcBatch batch;

    private JdbcStore(Builder builder, Dialect dialect) {
        Database database = new Database(builder.dataSource, dialect);
        Cache<RecordKey, Customer> customerCache = Caffeine.newBuilder()
                .maximumSize(builder.customerCacheExpiry.isZero() ? 0 : builder.customerCacheSize)
                .expireAfterWrite(builder.customerCacheExpiry)
                .build();
        Cache<JdbcDefinitions.DefinitionKey, DefinitionRecord> definitionCache =
                Caffeine.newBuilder().maximumSize(builder.definitionCacheSize).build();
        this.dialect = dialect;
        this.customers = new JdbcCustomers(database, customerCache);
        this.subscriptions = new JdbcSubscriptions(database);
        this.events = new JdbcEvents(database);
        this.surveys = new JdbcSurveys(database);
        this.definitions = new JdbcDefinitions(database, definitionCache);
        this.alerts = new JdbcAlerts(database);
        this.dueItems = new JdbcDueItems(database);
        this.outbox = new JdbcOutbox(database);
        this.instances = new JdbcInstances(database, dueItems, alerts, outbox);
        this.batch = new JdbcBatch(database, customers, subscriptions, events, surveys);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the dialect the store speaks */
    public Dialect dialect() {
        return dialect;
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
    public int putAll(RecordBatch records, Instant receivedAt) {
        return batch.putAll(records, receivedAt);
    }

    /**
     * Builds a {@link JdbcStore}. Only the data source is required. Not thread-safe; the store
     * it builds is.
     */
    public static final class Builder {

        private DataSource dataSource;
        private Dialect dialect;
        private boolean migrate = true;
        private long definitionCacheSize = 1_000;
        private long customerCacheSize = 10_000;
        private Duration customerCacheExpiry = Duration.ofSeconds(5);

        private Builder() {
        }

        /**
         * Sets the database. The store takes a connection per call and closes it (gives it
         * back to the pool) before the call returns; it never opens a pool of its own.
         *
         * @param dataSource the application's data source, ideally a pool
         * @return this
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * Sets the dialect; unless set, it is detected from the connection metadata.
         *
         * @param dialect the dialect
         * @return this
         */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * Sets whether {@link #build()} applies the schema migrations with Flyway
         * ({@link JdbcSchema#migrate}); {@code true} unless set. Turn it off when the schema
         * is managed with another tool from the SQL files in the jar.
         *
         * @param migrate whether to migrate
         * @return this
         */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /**
         * Sets how many definitions (tenant, key and version) are cached; 1,000 unless set,
         * 0 turns the cache off.
         *
         * @param size the most entries, 0 or more
         * @return this
         * @throws IllegalArgumentException if the size is negative
         */
        public Builder definitionCacheSize(long size) {
            if (size < 0) {
                throw new IllegalArgumentException("definitionCacheSize must not be negative: "
                        + size);
            }
            this.definitionCacheSize = size;
            return this;
        }

        /**
         * Sets how many customers are cached; 10,000 unless set, 0 turns the cache off.
         *
         * @param size the most entries, 0 or more
         * @return this
         * @throws IllegalArgumentException if the size is negative
         */
        public Builder customerCacheSize(long size) {
            if (size < 0) {
                throw new IllegalArgumentException("customerCacheSize must not be negative: "
                        + size);
            }
            this.customerCacheSize = size;
            return this;
        }

        /**
         * Sets how long a cached customer is served before it is read again; 5 seconds
         * unless set, zero turns the cache off. This bounds how stale a customer written by
         * another node can be on this one.
         *
         * @param expiry the time to live, zero or more
         * @return this
         * @throws IllegalArgumentException if the expiry is negative
         */
        public Builder customerCacheExpiry(Duration expiry) {
            if (expiry.isNegative()) {
                throw new IllegalArgumentException("customerCacheExpiry must not be negative: "
                        + expiry);
            }
            this.customerCacheExpiry = expiry;
            return this;
        }

        /**
         * Builds the store: detects the dialect unless it was set, and applies the migrations
         * unless turned off.
         *
         * @return the store
         * @throws IllegalStateException if no data source was set
         * @throws dev.cskit.core.StoreException if the database cannot be reached or migrated
         */
        public JdbcStore build() {
            if (dataSource == null) {
                throw new IllegalStateException("a JdbcStore needs a DataSource: call"
                        + " dataSource(...) before build()");
            }
            Dialect resolved = dialect != null ? dialect : Dialect.detect(dataSource);
            if (migrate) {
                JdbcSchema.migrate(dataSource, resolved);
            }
            return new JdbcStore(this, resolved);
        }
    }
}
