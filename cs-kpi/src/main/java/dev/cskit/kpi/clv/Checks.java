package dev.cskit.kpi.clv;

import dev.cskit.core.InvalidInputException;

/** Precondition checks whose messages name the field, the value and the rule. */
final class Checks {

    private Checks() {
    }

    static void require(boolean holds, String field, Object value, String rule) {
        if (!holds) {
            throw new InvalidInputException(field, value, "must be " + rule);
        }
    }

    static void positive(String field, double value) {
        require(Double.isFinite(value) && value > 0, field, value, "finite and > 0");
    }

    static void nonNegative(String field, double value) {
        require(Double.isFinite(value) && value >= 0, field, value, "finite and >= 0");
    }
}
