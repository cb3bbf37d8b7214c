package dev.cskit.core.imports;

/** The shape of an input file. */
public enum ImportFormat {
    /**
     * Comma-separated values (or another separator) with a header line naming the columns;
     * UTF-8, with or without a byte order mark, quoting as in RFC 4180.
     */
    CSV,
    /**
     * JSON: either one array of objects or JSON Lines (one object after another); UTF-8, with
     * or without a byte order mark. A column is an object's field name or a JSON pointer
     * ({@code /address/city}).
     */
    JSON
}
