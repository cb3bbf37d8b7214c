/**
 * The JDBC store's implementation: one class per SPI interface, the shared connection and
 * transaction handling, and the translation of {@link java.sql.SQLException}. Not API: the
 * module does not export this package, and it may change in any release.
 */
package dev.cskit.store.jdbc.internal;
