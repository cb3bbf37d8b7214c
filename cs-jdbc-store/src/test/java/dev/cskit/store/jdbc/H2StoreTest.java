package dev.cskit.store.jdbc;

import dev.cskit.core.store.Store;
import dev.cskit.core.store.StoreContract;
import javax.sql.DataSource;

/**
 * The SPI contract on H2: one migrated in-memory database for the class, emptied before each
 * test (cheaper than a database per test, and the same isolation).
 */
final class H2StoreTest extends StoreContract {

    private static final DataSource DATABASE = H2Databases.migrated();

    @Override
    protected Store newStore() {
        StoreTables.emptyAll(DATABASE);
        return JdbcStore.builder().dataSource(DATABASE).migrate(false).build();
    }
}
