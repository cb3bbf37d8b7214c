/**
 * The persistence SPI: narrow interfaces for everything cskit stores, and the records they
 * store.
 *
 * <p>{@link dev.cskit.core.store.Store} bundles one implementation of each interface. cs-core
 * ships {@link dev.cskit.core.store.InMemoryStore}; cs-jdbc-store ships H2 and PostgreSQL.
 * Every implementation passes the same contract test suite (the {@code StoreContract} classes
 * in the cs-core test-jar).
 *
 * <p>Rules every implementation keeps:
 * <ul>
 *   <li>Tenant isolation: every method takes a {@link dev.cskit.core.TenantId}, and no method
 *       returns, changes or counts a record of another tenant.</li>
 *   <li>A write either happens whole or not at all: a rejected write (invalid record, version
 *       conflict, store failure) leaves the store as it was.</li>
 *   <li>Implementations are thread-safe.</li>
 *   <li>Lists are returned in a documented order and are immutable.</li>
 * </ul>
 */
@ValueStyle
package dev.cskit.core.store;

import dev.cskit.core.ValueStyle;
