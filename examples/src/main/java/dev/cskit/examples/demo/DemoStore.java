package dev.cskit.examples.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.Store;
import dev.cskit.store.jdbc.JdbcStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo's store: cs-jdbc-store over a HikariCP pool. The default is an H2 file database of
 * the demo's own under {@code ./cskit-demo/}, recreated on every run so that two runs start
 * alike; any other database must be empty.
 */
final class DemoStore implements AutoCloseable {

    /** The demo's own database, relative to the working directory. */
    /**
     * The demo's own H2 file, recreated on every run. Old row versions are overwritten as soon
     * as they are superseded ({@code RETENTION_TIME=0}), which halves the file on a full run;
     * that gives up H2's protection of recent versions against a crash, which a database
     * thrown away on the next run does not need.
     */
    static final String DEFAULT_URL = "jdbc:h2:file:./cskit-demo/cskit;RETENTION_TIME=0";

    private final HikariDataSource pool;
    private final Store store;
    private final String url;

    private DemoStore(HikariDataSource pool, Store store, String url) {
        this.pool = pool;
        this.store = store;
        this.url = url;
    }

    /**
     * Opens the store, applying the schema migrations.
     *
     * @param jdbcUrl the database, or {@code null} for the demo's own H2 file
     * @return the open store
     * @throws DemoException if the database cannot be reached or holds customers already
     */
    static DemoStore open(String jdbcUrl) {
        String url = jdbcUrl == null ? DEFAULT_URL : jdbcUrl;
        if (jdbcUrl == null) {
            deleteDemoDatabase();
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("cskit-demo");
        config.setMaximumPoolSize(4);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DemoException("cannot connect to " + url + ": " + cause.getMessage()
                    + "; check --jdbc-url and that the database is running", e);
        }
        try {
            Store store = JdbcStore.builder().dataSource(pool).build();
            long customers = store.customers().count(TenantId.DEFAULT);
            if (customers > 0) {
                throw new DemoException("the database " + url + " already holds " + customers
                        + " customers; the demo needs an empty one: point --jdbc-url at an"
                        + " empty database, or leave it out to use the demo's own");
            }
            return new DemoStore(pool, store, url);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static void deleteDemoDatabase() {
        for (String suffix : new String[] {".mv.db", ".trace.db"}) {
            try {
                Files.deleteIfExists(Path.of("cskit-demo", "cskit" + suffix));
            } catch (IOException e) {
                throw new DemoException("cannot remove the previous demo database: "
                        + e.getMessage(), e);
            }
        }
    }

    Store store() {
        return store;
    }

    String url() {
        return url;
    }

    @Override
    public void close() {
        pool.close();
    }
}
