package dev.cskit.process;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.cskit.core.Ids;
import dev.cskit.core.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A test on one attribute of a customer event, guarding an event transition. Operators:
 * {@code equals} (one value), {@code notEquals} (one value), {@code in} (one or more values),
 * {@code present} (no value), {@code atLeast} and {@code atMost} (one decimal number; an
 * attribute that is absent or not a number fails the test).
 *
 * <p>In JSON: {@code {"attribute": "seats", "operator": "atLeast", "values": ["10"]}}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCondition.class)
@JsonDeserialize(as = ImmutableCondition.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class Condition {

    /** How a condition compares the attribute with its values. */
    public enum Operator {
        /** The attribute equals the one value. */
        @JsonProperty("equals") EQUALS,
        /** The attribute is absent or differs from the one value. */
        @JsonProperty("notEquals") NOT_EQUALS,
        /** The attribute equals one of the values. */
        @JsonProperty("in") IN,
        /** The attribute is present. */
        @JsonProperty("present") PRESENT,
        /** The attribute is a number at least the one value. */
        @JsonProperty("atLeast") AT_LEAST,
        /** The attribute is a number at most the one value. */
        @JsonProperty("atMost") AT_MOST
    }

    /** @return the attribute's name */
    public abstract String attribute();

    /** @return the operator */
    public abstract Operator operator();

    /** @return the values to compare with; see the class comment for how many */
    public abstract List<String> values();

    /**
     * Tests the condition on an event's attributes.
     *
     * @param attributes the attributes
     * @return whether the condition holds
     */
    public boolean test(Map<String, String> attributes) {
        String actual = attributes.get(attribute());
        switch (operator()) {
            case EQUALS:
                return values().get(0).equals(actual);
            case NOT_EQUALS:
                return !values().get(0).equals(actual);
            case IN:
                return actual != null && values().contains(actual);
            case PRESENT:
                return actual != null;
            case AT_LEAST:
                return number(actual) != null && number(actual).compareTo(bound()) >= 0;
            case AT_MOST:
                return number(actual) != null && number(actual).compareTo(bound()) <= 0;
            default:
                throw new AssertionError(operator());
        }
    }

    private BigDecimal bound() {
        return new BigDecimal(values().get(0));
    }

    private static BigDecimal number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Value.Check
    void check() {
        Ids.require("condition.attribute", attribute());
        int expected;
        switch (operator()) {
            case PRESENT:
                expected = 0;
                break;
            case IN:
                expected = -1;
                break;
            default:
                expected = 1;
        }
        if (expected == -1 && values().isEmpty()) {
            throw new InvalidInputException("condition.values", values(),
                    "operator in needs at least one value");
        }
        if (expected >= 0 && values().size() != expected) {
            throw new InvalidInputException("condition.values", values(), "operator "
                    + operator() + " takes exactly " + expected + " value(s)");
        }
        if (operator() == Operator.AT_LEAST || operator() == Operator.AT_MOST) {
            if (number(values().get(0)) == null) {
                throw new InvalidInputException("condition.values", values().get(0),
                        "must be a decimal number for operator " + operator());
            }
        }
    }

    /**
     * @param attribute the attribute
     * @param value the value it must equal
     * @return an {@code equals} condition
     */
    public static Condition is(String attribute, String value) {
        return of(attribute, Operator.EQUALS, List.of(value));
    }

    /**
     * @param attribute the attribute
     * @param value the value it must not equal
     * @return a {@code notEquals} condition
     */
    public static Condition isNot(String attribute, String value) {
        return of(attribute, Operator.NOT_EQUALS, List.of(value));
    }

    /**
     * @param attribute the attribute
     * @param values the values it may equal
     * @return an {@code in} condition
     */
    public static Condition oneOf(String attribute, String... values) {
        return of(attribute, Operator.IN, List.of(values));
    }

    /**
     * @param attribute the attribute
     * @return a {@code present} condition
     */
    public static Condition present(String attribute) {
        return of(attribute, Operator.PRESENT, List.of());
    }

    /**
     * @param attribute the attribute
     * @param bound the smallest number allowed
     * @return an {@code atLeast} condition
     */
    public static Condition atLeast(String attribute, String bound) {
        return of(attribute, Operator.AT_LEAST, List.of(bound));
    }

    /**
     * @param attribute the attribute
     * @param bound the largest number allowed
     * @return an {@code atMost} condition
     */
    public static Condition atMost(String attribute, String bound) {
        return of(attribute, Operator.AT_MOST, List.of(bound));
    }

    private static Condition of(String attribute, Operator operator, List<String> values) {
        return builder().attribute(attribute).operator(operator).addAllValues(values).build();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Condition}; attribute and operator are required. */
    public static final class Builder extends ImmutableCondition.Builder {
    }
}
