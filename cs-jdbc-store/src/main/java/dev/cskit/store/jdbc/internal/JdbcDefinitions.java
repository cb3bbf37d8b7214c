package dev.cskit.store.jdbc.internal;

import com.github.benmanes.caffeine.cache.Cache;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.DefinitionRecord;
import dev.cskit.core.store.DefinitionStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Process definitions in {@code cskit_definition}. A key and version never change content,
 * so a definition once read is cached for good (bounded); which version is the latest is
 * always asked of the database, since another node may have stored a newer one.
 */
public final class JdbcDefinitions implements DefinitionStore {

    private static final String COLUMNS = "tenant, def_key, version, content, stored_at";

    private final Database database;
    private final Cache<DefinitionKey, DefinitionRecord> cache;

    /** A cache key: tenant, definition key and version. */
    public record DefinitionKey(TenantId tenant, String key, int version) {
    }

    /**
     * Creates the definition store.
     *
     * @param database the database
     * @param cache the cache of definitions by tenant, key and version
     */
    public JdbcDefinitions(Database database, Cache<DefinitionKey, DefinitionRecord> cache) {
        this.database = database;
        this.cache = cache;
    }

    @Override
    public void put(DefinitionRecord definition) {
        new Columns().text("definition.key", definition.key(), Columns.ID).throwIfInvalid();
        String what = "definition '" + definition.key() + "' version " + definition.version();
        Optional<DefinitionRecord> stored = find(definition.tenant(), definition.key(),
                definition.version());
        if (stored.isEmpty()) {
            boolean inserted = database.write(what, connection -> insert(connection, definition));
            if (inserted) {
                return;
            }
            stored = find(definition.tenant(), definition.key(), definition.version());
        }
        if (!stored.get().content().equals(definition.content())) {
            throw new InvalidInputException("definition.content", definition.key() + " v"
                    + definition.version(), "differs from the content stored for that key and"
                    + " version; a changed definition needs a new version");
        }
    }

    private boolean insert(Connection connection, DefinitionRecord definition)
            throws SQLException {
        String sql = SqlText.insertIfAbsent(database.dialect(), "cskit_definition",
                List.of("tenant", "def_key", "version"), List.of("content", "stored_at"));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, definition.tenant().value());
            statement.setString(2, definition.key());
            statement.setInt(3, definition.version());
            statement.setString(4, definition.content());
            Binding.instant(statement, 5, definition.storedAt());
            if (SqlText.keyRepeats(database.dialect())) {
                statement.setString(6, definition.tenant().value());
                statement.setString(7, definition.key());
                statement.setInt(8, definition.version());
            }
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            if (Database.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<DefinitionRecord> find(TenantId tenant, String key, int version) {
        DefinitionKey cacheKey = new DefinitionKey(tenant, key, version);
        DefinitionRecord cached = cache.getIfPresent(cacheKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        List<DefinitionRecord> found = query("SELECT " + COLUMNS + " FROM cskit_definition"
                + " WHERE tenant = ? AND def_key = ? AND version = ?", tenant, key, version);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        cache.put(cacheKey, found.get(0));
        return Optional.of(found.get(0));
    }

    @Override
    public Optional<DefinitionRecord> latest(TenantId tenant, String key) {
        Optional<Integer> version = database.read("definition '" + key + "'", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT MAX(version) FROM cskit_definition WHERE tenant = ? AND def_key = ?")) {
                statement.setString(1, tenant.value());
                statement.setString(2, key);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    int max = rows.getInt(1);
                    return rows.wasNull() ? Optional.empty() : Optional.of(max);
                }
            }
        });
        return version.flatMap(v -> find(tenant, key, v));
    }

    @Override
    public List<DefinitionRecord> latestOfEach(TenantId tenant) {
        return query("SELECT " + COLUMNS + " FROM cskit_definition d WHERE d.tenant = ?"
                + " AND d.version = (SELECT MAX(m.version) FROM cskit_definition m"
                + " WHERE m.tenant = d.tenant AND m.def_key = d.def_key) ORDER BY d.def_key",
                tenant, null, 0);
    }

    private List<DefinitionRecord> query(String sql, TenantId tenant, String key, int version) {
        return database.read("definitions", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, tenant.value());
                if (key != null) {
                    statement.setString(2, key);
                    statement.setInt(3, version);
                }
                List<DefinitionRecord> definitions = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        definitions.add(DefinitionRecord.builder()
                                .tenant(TenantId.of(rows.getString("tenant")))
                                .key(rows.getString("def_key"))
                                .version(rows.getInt("version"))
                                .content(rows.getString("content"))
                                .storedAt(Binding.instant(rows, "stored_at"))
                                .build());
                    }
                }
                return List.copyOf(definitions);
            }
        });
    }
}
