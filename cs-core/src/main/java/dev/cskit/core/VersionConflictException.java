package dev.cskit.core;

/**
 * A write expected a record at one version and found another: someone else committed first.
 *
 * <p>The process runner reloads and decides again on a conflict; this exception reaches the
 * caller only when the bounded retries are used up, or from a direct store call.
 */
public class VersionConflictException extends CsKitException {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final long expected;
    private final long actual;

    /**
     * Creates the exception.
     *
     * @param kind the kind of record
     * @param id the record's id
     * @param expected the version the writer loaded
     * @param actual the version found in the store, or -1 when the record does not exist
     */
    public VersionConflictException(String kind, String id, long expected, long actual) {
        super(kind + " '" + id + "' is at version " + (actual < 0 ? "none" : actual)
                + ", the write expected " + expected);
        this.id = id;
        this.expected = expected;
        this.actual = actual;
    }

    /** @return the record's id */
    public String id() {
        return id;
    }

    /** @return the version the writer expected */
    public long expected() {
        return expected;
    }

    /** @return the version in the store, or -1 when the record does not exist */
    public long actual() {
        return actual;
    }
}
