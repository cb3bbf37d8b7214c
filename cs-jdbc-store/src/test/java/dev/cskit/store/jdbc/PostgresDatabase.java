package dev.cskit.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server the tests run against, and a JUnit extension that decides whether
 * they run.
 *
 * <p>The server is found at {@code CSKIT_POSTGRES_URL} (default
 * {@value #DEFAULT_URL}). When it cannot be reached the tests are skipped with a message
 * saying how to run them, unless PostgreSQL is required (system property
 * {@code cskit.requirePostgres=true} or {@code CSKIT_REQUIRE_POSTGRES=true}, as on CI): then
 * they fail.
 *
 * <p>Each test class works in a schema of its own ({@link #freshSchema}), dropped by
 * {@link #dropSchema}.
 */
final class PostgresDatabase implements ExecutionCondition, BeforeAllCallback {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    static {
        TestLogging.quietFlyway();
    }

    private static volatile String unreachable;
    private static volatile boolean probed;

    static String url() {
        String url = System.getenv("CSKIT_POSTGRES_URL");
        return url == null || url.isBlank() ? DEFAULT_URL : url;
    }

    static boolean required() {
        return Boolean.parseBoolean(System.getProperty("cskit.requirePostgres", "false"))
                || "true".equalsIgnoreCase(System.getenv("CSKIT_REQUIRE_POSTGRES"));
    }

    /** @return why the server cannot be reached, or {@code null} when it can */
    static synchronized String unreachable() {
        if (!probed) {
            try (Connection connection = DriverManager.getConnection(url())) {
                connection.isValid(2);
                unreachable = null;
            } catch (SQLException e) {
                unreachable = e.getMessage();
            }
            probed = true;
        }
        return unreachable;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String why = unreachable();
        if (why == null) {
            return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + url());
        }
        if (required()) {
            return ConditionEvaluationResult.enabled("PostgreSQL is required; failing");
        }
        String message = "PostgreSQL not reachable at " + url() + " ("
                + why + "). To run these tests start PostgreSQL 15+ (database 'test', user"
                + " 'postgres', trust authentication) or set CSKIT_POSTGRES_URL to a JDBC URL"
                + " of a server; set CSKIT_REQUIRE_POSTGRES=true or -Dcskit.requirePostgres=true"
                + " to make this a failure.";
        announceSkip(message);
        return ConditionEvaluationResult.disabled(message);
    }

    private static volatile boolean announced;

    /** Says once per run, on the console, why the PostgreSQL tests are skipped. */
    private static synchronized void announceSkip(String message) {
        if (!announced) {
            announced = true;
            System.err.println("[cskit] skipping the PostgreSQL tests: " + message);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        String why = unreachable();
        if (why != null && required()) {
            throw new IllegalStateException("PostgreSQL is required (cskit.requirePostgres /"
                    + " CSKIT_REQUIRE_POSTGRES) but not reachable at " + url() + ": " + why);
        }
    }

    /**
     * Creates an empty schema.
     *
     * @return its name
     */
    static String freshSchema() {
        String schema = "cskit_test_" + UUID.randomUUID().toString().replace("-", "")
                .substring(0, 12).toLowerCase(Locale.ROOT);
        execute("CREATE SCHEMA " + schema);
        return schema;
    }

    static void dropSchema(String schema) {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    /** @return a data source whose connections work in the schema */
    static DataSource dataSource(String schema) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url());
        dataSource.setCurrentSchema(schema);
        return dataSource;
    }

    /** @return a pool of at most {@code size} connections working in the schema */
    static HikariDataSource pool(String schema, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url(schema));
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setPoolName("cskit-test-" + schema);
        return new HikariDataSource(config);
    }

    /** @return the JDBC URL of the schema, for a pool or another JVM */
    static String url(String schema) {
        return url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "': " + e.getMessage(), e);
        }
    }
}
