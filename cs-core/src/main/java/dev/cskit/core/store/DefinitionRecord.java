package dev.cskit.core.store;

import dev.cskit.core.TenantId;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A stored process definition: its key and version, and its content as JSON, opaque to the
 * store. A definition is immutable once stored: a key and version always name the same
 * content.
 */
@Value.Immutable
public abstract class DefinitionRecord {

    /** @return the tenant */
    public abstract TenantId tenant();

    /** @return the definition's key, such as {@code onboarding.registration} */
    public abstract String key();

    /** @return the version, 1 or more */
    public abstract int version();

    /** @return the definition as JSON */
    public abstract String content();

    /** @return when it was stored */
    public abstract Instant storedAt();

    @Value.Check
    void check() {
        if (version() < 1) {
            throw new dev.cskit.core.InvalidInputException("definition.version", version(),
                    "must be at least 1");
        }
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link DefinitionRecord}. */
    public static final class Builder extends ImmutableDefinitionRecord.Builder {
    }
}
