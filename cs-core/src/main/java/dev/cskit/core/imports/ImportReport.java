package dev.cskit.core.imports;

import dev.cskit.core.InvalidInputException;
import dev.cskit.core.InvalidInputException.Problem;
import dev.cskit.core.store.RecordBatch;
import java.util.List;
import org.immutables.value.Value;

/**
 * What an import of one input found and did: how many records it read, the records it made,
 * every problem in file order, and whether it stored the batch.
 *
 * <p>When {@link #problems()} is not empty, nothing was stored, and {@link #batch()} holds only
 * the records of the rows without problems, for inspection.
 */
@Value.Immutable
public abstract class ImportReport {

    /** @return the input's name, as used in problem locations */
    public abstract String source();

    /** @return the number of records read whole and mapped, bad ones included */
    public abstract long rows();

    /** @return the records made from the rows without problems */
    public abstract RecordBatch batch();

    /** @return every problem, in file order (line, then column); empty for a clean input */
    public abstract List<Problem> problems();

    /** @return whether the batch was written to a store */
    public abstract boolean stored();

    /** @return how many of the batch's events the store had not seen before; 0 unless stored */
    public abstract int newEvents();

    /** @return whether the input had no problem */
    public boolean isClean() {
        return problems().isEmpty();
    }

    /**
     * Throws the problems, if there are any.
     *
     * @return this report, when clean
     * @throws InvalidInputException with every problem, when there is one
     */
    public ImportReport throwIfProblems() {
        if (!isClean()) {
            throw new InvalidInputException(problems());
        }
        return this;
    }

    /**
     * Returns a one-line account of the import: source, rows, records, problems, whether it was
     * stored. It leaves out the records themselves, which {@link #batch()} holds.
     */
    @Override
    public String toString() {
        return "ImportReport{source=" + source() + ", rows=" + rows() + ", records="
                + batch().size() + ", problems=" + problems().size() + ", stored=" + stored()
                + ", newEvents=" + newEvents() + "}";
    }

    @Value.Check
    void check() {
        if (stored() && !isClean()) {
            throw new IllegalStateException("an input with problems is never stored");
        }
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link ImportReport}; every attribute is required. */
    public static final class Builder extends ImmutableImportReport.Builder {
    }
}
