package dev.cskit.core.internal.imports;

import dev.cskit.core.InvalidInputException.Problem;
import java.io.Closeable;
import java.util.List;
import java.util.Optional;

/**
 * Reads the rows of one input. A malformed stretch of input is reported as a problem and, where
 * the format allows, reading goes on after it.
 */
public interface RowReader extends Closeable {

    /**
     * Returns the column names of the header, for formats that have one.
     *
     * @return the header columns in order, or empty for JSON
     */
    Optional<List<String>> header();

    /**
     * Reads the next row.
     *
     * @param problems where problems of the input's syntax are added
     * @return the row, or empty at the end of the input
     */
    Optional<Row> next(List<Problem> problems);
}
