package dev.cskit.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The tenant a record belongs to. Every record carries one, and no store method ever returns a
 * record of another tenant than the one asked for. A single-tenant application uses
 * {@link #DEFAULT}.
 *
 * <p>An id is 1 to 200 characters without control characters. In JSON it is a plain string.
 */
public final class TenantId implements Comparable<TenantId> {

    /** The tenant of single-tenant applications, {@code "default"}. */
    public static final TenantId DEFAULT = new TenantId("default");

    private final String value;

    private TenantId(String value) {
        this.value = value;
    }

    /**
     * Returns the tenant with the given id.
     *
     * @param value the id
     * @return the tenant id
     * @throws InvalidInputException if the id is blank, too long or holds control characters
     */
    @JsonCreator
    public static TenantId of(String value) {
        return new TenantId(Ids.require("tenant", value));
    }

    /** @return the id as text */
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public int compareTo(TenantId other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TenantId && ((TenantId) other).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
