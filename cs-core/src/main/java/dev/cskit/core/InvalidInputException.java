package dev.cskit.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Input that breaks a rule: a field with a value outside its range, a malformed cell in an
 * imported file, an unknown property in JSON.
 *
 * <p>Each {@link Problem} names the field, the offending value and the rule it breaks and, for
 * files, the source, line and column. An import in report mode collects every problem of a
 * file into one exception; otherwise the first problem is the only one. Whatever raised it
 * changed nothing.
 */
public class InvalidInputException extends CsKitException {

    private static final long serialVersionUID = 1L;

    /** Where in a file a problem sits; absent for input that is not a file. */
    public record Location(String source, long line, long column) {

        /**
         * Creates a location.
         *
         * @param source the file or stream name
         * @param line the 1-based line, or 0 when unknown
         * @param column the 1-based column, or 0 when unknown
         */
        public Location {
            Objects.requireNonNull(source, "source");
        }

        @Override
        public String toString() {
            return source + ":" + line + ":" + column;
        }
    }

    /**
     * One broken rule.
     *
     * @param field the field or column name
     * @param value the offending value as text ({@code null} when absent)
     * @param rule the rule, in words ("must be between 0 and 10")
     * @param location where in a file, when the input was a file
     */
    public record Problem(String field, String value, String rule, Optional<Location> location) {

        /** Validates the parts. */
        public Problem {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(location, "location");
        }

        /**
         * A problem outside any file.
         *
         * @param field the field name
         * @param value the offending value
         * @param rule the rule it breaks
         * @return the problem
         */
        public static Problem of(String field, Object value, String rule) {
            return new Problem(field, value == null ? null : String.valueOf(value), rule,
                    Optional.empty());
        }

        /** The problem as one line of text: location, field, value, rule. */
        @Override
        public String toString() {
            String where = location.map(l -> l + ": ").orElse("");
            String shown = value == null ? "no value" : "'" + value + "'";
            return where + field + " = " + shown + ": " + rule;
        }
    }

    private final List<Problem> problems;

    /**
     * Creates an exception for one problem outside any file.
     *
     * @param field the field name
     * @param value the offending value
     * @param rule the rule it breaks, in words
     */
    public InvalidInputException(String field, Object value, String rule) {
        this(List.of(Problem.of(field, value, rule)));
    }

    /**
     * Creates an exception for one or more problems.
     *
     * @param problems the problems, at least one
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public InvalidInputException(List<Problem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Creates an exception for one or more problems, keeping the low-level cause.
     *
     * @param problems the problems, at least one
     * @param cause the parser failure behind them
     */
    public InvalidInputException(List<Problem> problems, Throwable cause) {
        super(message(problems), cause);
        this.problems = List.copyOf(problems);
    }

    /**
     * Returns every problem found, in input order.
     *
     * @return the problems, never empty
     */
    public List<Problem> problems() {
        return problems;
    }

    private static String message(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs a problem");
        }
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        StringBuilder text = new StringBuilder(problems.size() + " problems:");
        for (Problem problem : problems) {
            text.append(System.lineSeparator()).append("  ").append(problem);
        }
        return text.toString();
    }
}
