package dev.cskit.core.imports;

import java.util.Map;
import org.immutables.value.Value;

/**
 * How one kind of record is made from a row: a rule per field and, for customers and events,
 * a rule per free-form attribute. Which fields exist and which are required depends on the
 * {@link RecordKind}; {@link ImportMapping} checks that.
 */
@Value.Immutable
public abstract class RecordMapping {

    /** @return the rule of each field, by field name ({@code id}, {@code name}, ...) */
    public abstract Map<String, FieldRule> fields();

    /**
     * Returns the attributes to fill, by attribute name. A blank cell leaves the attribute
     * out, unless its rule has a default.
     *
     * @return the rule of each attribute; empty by default
     */
    public abstract Map<String, FieldRule> attributes();

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RecordMapping}. */
    public static final class Builder extends ImmutableRecordMapping.Builder {
    }
}
