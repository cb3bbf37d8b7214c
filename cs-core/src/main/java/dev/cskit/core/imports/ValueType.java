package dev.cskit.core.imports;

/**
 * The type an attribute's cell is checked against. Attributes are stored as text; a typed
 * attribute is checked and written in a normal form, so that every customer's attribute
 * reads the same way.
 */
public enum ValueType {
    /** Any text, kept as it is. */
    TEXT,
    /** A decimal number, written without exponent ({@code 1889.50} stays {@code 1889.50}). */
    DECIMAL,
    /** A whole number. */
    INTEGER,
    /** A date-time read with the mapping's format and zone, written as an ISO-8601 instant. */
    INSTANT
}
