package dev.cskit.core;

/**
 * A lookup by id found nothing: an unknown customer, process instance, definition or task.
 *
 * <p>The message names the kind of record, the id and the tenant it was looked up in.
 */
public class NoSuchRecordException extends CsKitException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String id;

    /**
     * Creates the exception.
     *
     * @param kind the kind of record ("customer", "instance", ...)
     * @param id the id that was not found
     * @param tenant the tenant it was looked up in
     */
    public NoSuchRecordException(String kind, String id, TenantId tenant) {
        super("no " + kind + " with id '" + id + "' in tenant '" + tenant + "'");
        this.kind = kind;
        this.id = id;
    }

    /** @return the kind of record */
    public String kind() {
        return kind;
    }

    /** @return the id that was not found */
    public String id() {
        return id;
    }
}
