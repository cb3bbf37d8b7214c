package dev.cskit.store.jdbc;

import dev.cskit.core.StoreException;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The JDBC store's schema: versioned SQL migrations, applied with Flyway in a history table
 * of their own ({@value #HISTORY_TABLE}), so they live beside an application's own
 * migrations in the same schema without touching its history.
 *
 * <p>The same SQL ships in the jar as plain files, for teams that run their own migration
 * tool: {@code META-INF/cskit/migration/h2/V<n>__<name>.sql} and
 * {@code META-INF/cskit/migration/postgresql/V<n>__<name>.sql}, to be applied in version
 * order. Tables are created unqualified, in the connection's current schema. Those teams
 * build the store with {@code JdbcStore.builder().migrate(false)}.
 *
 * <p>Migrating is safe from several nodes at once: Flyway locks its history table.
 */
public final class JdbcSchema {

    /** The name of the store's Flyway history table. */
    public static final String HISTORY_TABLE = "cskit_schema_history";

    private JdbcSchema() {
    }

    /**
     * Returns the Flyway location of a dialect's migrations.
     *
     * @param dialect the dialect
     * @return such as {@code classpath:META-INF/cskit/migration/postgresql}
     */
    public static String location(Dialect dialect) {
        return "classpath:META-INF/cskit/migration/" + dialect.folder();
    }

    /**
     * Brings the schema up to date: applies the migrations not yet applied, in order.
     *
     * @param dataSource the database
     * @param dialect its dialect
     * @return how many migrations were applied; 0 when the schema was current
     * @throws StoreException if a migration fails; Flyway's failure is the cause
     */
    public static int migrate(DataSource dataSource, Dialect dialect) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(dialect, "dialect");
        try {
            MigrateResult result = Flyway.configure(JdbcSchema.class.getClassLoader())
                    .dataSource(dataSource)
                    .table(HISTORY_TABLE)
                    .locations(location(dialect))
                    .failOnMissingLocations(true)
                    // The schema may already hold the application's tables: start a history
                    // at version 0 so that version 1 still runs.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .cleanDisabled(true)
                    .load()
                    .migrate();
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new StoreException("cannot migrate the cskit schema (" + dialect + "): "
                    + e.getMessage(), null, e);
        }
    }
}
