package dev.cskit.core.imports;

import dev.cskit.core.InvalidInputException;
import dev.cskit.core.internal.imports.ImportRun;
import dev.cskit.core.store.RecordBatch;
import dev.cskit.core.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Imports a CSV or JSON file with an {@link ImportMapping}: reads every row, makes the records
 * the mapping describes, and writes them to a {@link Store} in one
 * {@link Store#putAll(RecordBatch, java.time.Instant) putAll}, so an import stores every
 * record of the file or none.
 *
 * <p>Two ways to meet bad input:
 * <ul>
 *   <li>fail fast ({@link #read}, {@link #importInto}): the first bad cell or record throws an
 *       {@link InvalidInputException} with one problem, and nothing is stored;</li>
 *   <li>report ({@link #check}, {@link #importIfClean}): every problem of the file is
 *       collected, in file order, into an {@link ImportReport}; {@code importIfClean} stores
 *       the batch only when there is no problem at all.</li>
 * </ul>
 *
 * <p>Each problem names the source, the line, the column, the column's name as the field, the
 * cell's value and the rule. For CSV the line is the physical line where the record starts
 * (a quoted cell with a line break makes a record span lines; it is reported at its first)
 * and the column is the 1-based position of the cell in the header, not a character offset.
 * Problems of the file as a whole (a column the mapping reads is missing from the header)
 * are on line 1; column 0 means no single cell. For JSON the line and column are those of the
 * record's opening brace, the field is the column (name or pointer) the mapping reads.
 *
 * <p>Receipt instants of stored events come from the injected clock. An importer is immutable
 * and thread-safe; each call reads its input once and closes it.
 *
 * <p>Note: the whole batch of a file is held in memory before it is written, which suits
 * exports of up to some hundred thousand rows; split larger files.
 */
public final class Importer {

    private final ImportMapping mapping;
    private final Clock clock;

    private Importer(ImportMapping mapping, Clock clock) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Returns an importer.
     *
     * @param mapping the mapping
     * @param clock the clock of receipt instants
     * @return the importer
     */
    public static Importer of(ImportMapping mapping, Clock clock) {
        return new Importer(mapping, clock);
    }

    /** @return the mapping */
    public ImportMapping mapping() {
        return mapping;
    }

    /**
     * Reads a file into a batch without storing it, failing at the first problem.
     *
     * @param file the file
     * @return the records of the file
     * @throws InvalidInputException with the first problem, located
     * @throws UnreadableInputException if the file cannot be read
     */
    public RecordBatch read(Path file) {
        return run(open(file), file.toString(), true).batch();
    }

    /**
     * Reads a stream into a batch without storing it, failing at the first problem.
     *
     * @param in the input, closed when done
     * @param source the name problems give as their source
     * @return the records of the input
     * @throws InvalidInputException with the first problem, located
     * @throws UnreadableInputException if the stream fails
     */
    public RecordBatch read(InputStream in, String source) {
        return run(in, source, true).batch();
    }

    /**
     * Reads a file and reports every problem, storing nothing.
     *
     * @param file the file
     * @return the report, {@link ImportReport#stored()} false
     * @throws UnreadableInputException if the file cannot be read
     */
    public ImportReport check(Path file) {
        return report(run(open(file), file.toString(), false), null);
    }

    /**
     * Reads a stream and reports every problem, storing nothing.
     *
     * @param in the input, closed when done
     * @param source the name problems give as their source
     * @return the report, {@link ImportReport#stored()} false
     * @throws UnreadableInputException if the stream fails
     */
    public ImportReport check(InputStream in, String source) {
        return report(run(in, source, false), null);
    }

    /**
     * Imports a file, failing at the first problem; the records are stored only when the whole
     * file is good.
     *
     * @param store the store
     * @param file the file
     * @return the report of the stored import
     * @throws InvalidInputException with the first problem; nothing was stored
     * @throws UnreadableInputException if the file cannot be read
     */
    public ImportReport importInto(Store store, Path file) {
        return report(run(open(file), file.toString(), true), store);
    }

    /**
     * Imports a stream, failing at the first problem; the records are stored only when the
     * whole input is good.
     *
     * @param store the store
     * @param in the input, closed when done
     * @param source the name problems give as their source
     * @return the report of the stored import
     * @throws InvalidInputException with the first problem; nothing was stored
     * @throws UnreadableInputException if the stream fails
     */
    public ImportReport importInto(Store store, InputStream in, String source) {
        return report(run(in, source, true), store);
    }

    /**
     * Imports a file in report mode: every problem is collected, and the records are stored
     * only when there is none.
     *
     * @param store the store
     * @param file the file
     * @return the report; {@link ImportReport#stored()} tells whether the batch was written
     * @throws UnreadableInputException if the file cannot be read
     */
    public ImportReport importIfClean(Store store, Path file) {
        return report(run(open(file), file.toString(), false), store);
    }

    /**
     * Imports a stream in report mode: every problem is collected, and the records are stored
     * only when there is none.
     *
     * @param store the store
     * @param in the input, closed when done
     * @param source the name problems give as their source
     * @return the report; {@link ImportReport#stored()} tells whether the batch was written
     * @throws UnreadableInputException if the stream fails
     */
    public ImportReport importIfClean(Store store, InputStream in, String source) {
        return report(run(in, source, false), store);
    }

    private ImportRun.Outcome run(InputStream in, String source, boolean failFast) {
        return ImportRun.run(mapping, in, source, failFast);
    }

    private ImportReport report(ImportRun.Outcome outcome, Store store) {
        boolean write = store != null && outcome.problems().isEmpty();
        int newEvents = write ? store.putAll(outcome.batch(), clock.instant()) : 0;
        return ImportReport.builder()
                .source(outcome.source())
                .rows(outcome.rows())
                .batch(outcome.batch())
                .problems(outcome.problems())
                .stored(write)
                .newEvents(newEvents)
                .build();
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UnreadableInputException(file.toString(), e);
        }
    }
}
