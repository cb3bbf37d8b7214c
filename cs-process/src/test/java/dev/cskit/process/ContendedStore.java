package dev.cskit.process;

import dev.cskit.core.CustomerId;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.AlertStore;
import dev.cskit.core.store.AuditEntry;
import dev.cskit.core.store.CustomerStore;
import dev.cskit.core.store.DefinitionStore;
import dev.cskit.core.store.DueItemStore;
import dev.cskit.core.store.EventStore;
import dev.cskit.core.store.InstanceCommit;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.core.store.InstanceStatus;
import dev.cskit.core.store.InstanceStore;
import dev.cskit.core.store.OutboxStore;
import dev.cskit.core.store.RecordBatch;
import dev.cskit.core.store.Store;
import dev.cskit.core.store.SubscriptionStore;
import dev.cskit.core.store.SurveyStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A real store seen through a door a rival walks through first: before each of the first
 * {@code rivalCommits} instance commits, {@code rival} runs (typically another runner on the
 * same underlying store committing to the same instance), so the commit meets a real version
 * conflict. Everything else goes straight to the underlying store.
 */
final class ContendedStore implements Store {

    private final Store store;
    private final Runnable rival;
    private int rivalCommits;

    ContendedStore(Store store, int rivalCommits, Runnable rival) {
        this.store = store;
        this.rivalCommits = rivalCommits;
        this.rival = rival;
    }

    private final InstanceStore instances = new InstanceStore() {
        @Override
        public void commit(InstanceCommit commit) {
            if (commit.expectedVersion() > 0 && rivalCommits > 0) {
                rivalCommits--;
                rival.run();
            }
            store.instances().commit(commit);
        }

        @Override
        public Optional<InstanceRecord> find(TenantId tenant, String instanceId) {
            return store.instances().find(tenant, instanceId);
        }

        @Override
        public List<InstanceRecord> forCustomer(TenantId tenant, CustomerId customer) {
            return store.instances().forCustomer(tenant, customer);
        }

        @Override
        public List<InstanceRecord> runningForCustomer(TenantId tenant, CustomerId customer) {
            return store.instances().runningForCustomer(tenant, customer);
        }

        @Override
        public long count(TenantId tenant, InstanceStatus status) {
            return store.instances().count(tenant, status);
        }

        @Override
        public List<AuditEntry> audit(TenantId tenant, String instanceId) {
            return store.instances().audit(tenant, instanceId);
        }
    };

    @Override
    public CustomerStore customers() {
        return store.customers();
    }

    @Override
    public SubscriptionStore subscriptions() {
        return store.subscriptions();
    }

    @Override
    public EventStore events() {
        return store.events();
    }

    @Override
    public SurveyStore surveys() {
        return store.surveys();
    }

    @Override
    public DefinitionStore definitions() {
        return store.definitions();
    }

    @Override
    public InstanceStore instances() {
        return instances;
    }

    @Override
    public AlertStore alerts() {
        return store.alerts();
    }

    @Override
    public DueItemStore dueItems() {
        return store.dueItems();
    }

    @Override
    public OutboxStore outbox() {
        return store.outbox();
    }

    @Override
    public int putAll(RecordBatch batch, Instant receivedAt) {
        return store.putAll(batch, receivedAt);
    }
}
