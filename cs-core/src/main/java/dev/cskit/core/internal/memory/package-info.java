/**
 * The indexes behind {@link dev.cskit.core.store.InMemoryStore}: sorted keys by instant, keys
 * grouped by an owner (a customer, an instance, a status), and the queue of records that
 * nodes claim under a lease. None of them is thread-safe; the store guards them with its lock.
 */
package dev.cskit.core.internal.memory;
