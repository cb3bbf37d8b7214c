package dev.cskit.store.jdbc;

import javax.sql.DataSource;

/** The store's own guarantees on H2: an in-memory database for the class, emptied per test. */
final class H2StoreSemanticsTest extends JdbcStoreSemanticsTest {

    private static final DataSource DATABASE = H2Databases.migrated();

    @Override
    DataSource database() {
        return DATABASE;
    }

    @Override
    String missingTableState() {
        return "42S02";
    }
}
