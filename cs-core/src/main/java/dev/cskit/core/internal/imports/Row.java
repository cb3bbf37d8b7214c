package dev.cskit.core.internal.imports;

import java.util.Optional;

/**
 * One input record, as read from a file, before any mapping: its cells by column and where it
 * starts.
 */
public interface Row {

    /** @return the physical line where the record starts, 1-based */
    long line();

    /**
     * Returns a cell.
     *
     * @param column the column: a CSV header name, a JSON field name or a JSON pointer
     * @return the cell, or empty when the row has no such column or its value is null
     */
    Optional<Cell> cell(String column);

    /**
     * Returns the location column of a column that has no cell in this row.
     *
     * @param column the column
     * @return its 1-based column index (CSV), or the record's column (JSON)
     */
    long columnOf(String column);

    /**
     * One cell: its text and its location column.
     *
     * @param text the text, as written (CSV) or the JSON value as text
     * @param column the 1-based column index (CSV) or the record's column (JSON)
     */
    record Cell(String text, long column) {
    }
}
