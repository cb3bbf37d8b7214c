package dev.cskit.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a customer within its tenant, usually the id the CRM gave it (a Salesforce account
 * id, a billing customer id).
 *
 * <p>An id is 1 to 200 characters without control characters. In JSON it is a plain string.
 */
public final class CustomerId implements Comparable<CustomerId> {

    private final String value;

    private CustomerId(String value) {
        this.value = value;
    }

    /**
     * Returns the customer id with the given text.
     *
     * @param value the id
     * @return the customer id
     * @throws InvalidInputException if the id is blank, too long or holds control characters
     */
    @JsonCreator
    public static CustomerId of(String value) {
        return new CustomerId(Ids.require("customerId", value));
    }

    /** @return the id as text */
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public int compareTo(CustomerId other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CustomerId && ((CustomerId) other).value.equals(value);
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
