package dev.cskit.core.imports;

import com.fasterxml.jackson.core.JsonPointer;
import dev.cskit.core.InvalidInputException;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where one field of a record (or one attribute) gets its value: from a column, from a
 * constant, or derived from a reference instant and a column.
 *
 * <p>A column's cell goes through these steps, in this order:
 * <ol>
 *   <li>{@link #jsonPointer()}: the cell holds JSON and the value is the text at the pointer
 *       (a Salesforce {@code BillingAddress} cell, {@code /city});</li>
 *   <li>a blank cell (empty or only white space, or an absent JSON field) takes the
 *       {@link #defaultValue()}, written in the field's own vocabulary; without a default it
 *       leaves an optional field absent and is a bad cell for a required one;</li>
 *   <li>{@link #translate()}: a non-blank cell must be one of the keys (compared after
 *       trimming) and is replaced by its value, such as {@code Yes -> CHURNED};</li>
 *   <li>the result is read as the field's type; an instant with {@link #format()} if given,
 *       else with the mapping's format.</li>
 * </ol>
 *
 * <p>In a mapping file a rule is either a column name ({@code name: Name}) or an object with
 * the keys {@code column}, {@code constant}, {@code reference}/{@code minus}/{@code plus}/
 * {@code unit} (see {@link DerivedInstant}), {@code jsonPointer}, {@code default},
 * {@code translate}, {@code format} and, for attributes, {@code type}.
 *
 * <p>Guarantees, checked when built: exactly one source; pointer, default and translations
 * only with a column; a valid pointer and date-time pattern.
 */
@Value.Immutable
public abstract class FieldRule {

    /** @return the column (CSV header name, JSON field name or JSON pointer), if read */
    public abstract Optional<String> column();

    /** @return the constant value, in the field's vocabulary, if constant */
    public abstract Optional<String> constant();

    /** @return the derived-instant rule, if derived */
    public abstract Optional<DerivedInstant> derive();

    /** @return the JSON pointer applied to a cell that holds JSON, if any */
    public abstract Optional<String> jsonPointer();

    /** @return the value used for a blank cell, if any */
    public abstract Optional<String> defaultValue();

    /** @return value translations, cell text to field value; empty when none */
    public abstract Map<String, String> translate();

    /** @return a {@link DateTimeFormatter} pattern for this field, if it differs */
    public abstract Optional<String> format();

    /** @return the type of an attribute's value; {@link ValueType#TEXT} unless set */
    @Value.Default
    public ValueType type() {
        return ValueType.TEXT;
    }

    /**
     * Returns the rule "read this column".
     *
     * @param column the column
     * @return the rule
     */
    public static FieldRule column(String column) {
        return builder().column(column).build();
    }

    /**
     * Returns the rule "always this value".
     *
     * @param value the value, in the field's vocabulary
     * @return the rule
     */
    public static FieldRule constant(String value) {
        return builder().constant(value).build();
    }

    /** @return the columns this rule reads: its column or the derived rule's column */
    public Optional<String> sourceColumn() {
        return column().or(() -> derive().map(DerivedInstant::column));
    }

    @Value.Check
    void check() {
        int sources = (column().isPresent() ? 1 : 0) + (constant().isPresent() ? 1 : 0)
                + (derive().isPresent() ? 1 : 0);
        if (sources != 1) {
            throw new InvalidInputException("rule", sources + " sources",
                    "must have exactly one of column, constant or reference");
        }
        if (column().isPresent() && column().get().isBlank()) {
            throw new InvalidInputException("column", column().get(), "must not be blank");
        }
        if (column().isEmpty() && (jsonPointer().isPresent() || defaultValue().isPresent()
                || !translate().isEmpty())) {
            throw new InvalidInputException("rule", constant().orElse("reference"),
                    "jsonPointer, default and translate apply to a column only");
        }
        jsonPointer().ifPresent(FieldRule::checkPointer);
        format().ifPresent(FieldRule::checkPattern);
    }

    private static void checkPointer(String pointer) {
        try {
            JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("jsonPointer", pointer,
                    "must be a JSON pointer such as /city (" + e.getMessage() + ")");
        }
    }

    private static void checkPattern(String pattern) {
        try {
            DateTimeFormatter.ofPattern(pattern);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("format", pattern,
                    "must be a DateTimeFormatter pattern (" + e.getMessage() + ")");
        }
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link FieldRule}; exactly one of column, constant and derive is required. */
    public static final class Builder extends ImmutableFieldRule.Builder {
    }
}
