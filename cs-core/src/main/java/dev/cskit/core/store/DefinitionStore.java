package dev.cskit.core.store;

import dev.cskit.core.TenantId;
import java.util.List;
import java.util.Optional;

/** Process definitions by tenant, key and version. Stored definitions never change. */
public interface DefinitionStore {

    /**
     * Stores a definition. Storing the same key and version again with the same content does
     * nothing.
     *
     * @param definition the definition
     * @throws dev.cskit.core.InvalidInputException if that key and version are stored with
     *     other content; a changed definition needs a new version
     */
    void put(DefinitionRecord definition);

    /**
     * Finds one version of a definition.
     *
     * @param tenant the tenant
     * @param key the key
     * @param version the version
     * @return the definition, or empty
     */
    Optional<DefinitionRecord> find(TenantId tenant, String key, int version);

    /**
     * Finds the highest version of a definition.
     *
     * @param tenant the tenant
     * @param key the key
     * @return the latest version, or empty when the key is unknown
     */
    Optional<DefinitionRecord> latest(TenantId tenant, String key);

    /**
     * Lists the latest version of every definition of a tenant.
     *
     * @param tenant the tenant
     * @return the definitions ordered by key
     */
    List<DefinitionRecord> latestOfEach(TenantId tenant);
}
