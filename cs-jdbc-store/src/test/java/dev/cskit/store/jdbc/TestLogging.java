package dev.cskit.store.jdbc;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Keeps Flyway's INFO lines out of the test output. */
final class TestLogging {

    private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");

    private TestLogging() {
    }

    static void quietFlyway() {
        FLYWAY.setLevel(Level.WARNING);
    }
}
