package dev.cskit.store.jdbc.internal;

import dev.cskit.core.TenantId;

/**
 * A cache key: a record's tenant and id, so that no cache can hand one tenant's record to
 * another.
 *
 * @param tenant the tenant
 * @param id the record's id
 */
public record RecordKey(TenantId tenant, String id) {
}
