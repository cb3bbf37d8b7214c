package dev.cskit.process;

import dev.cskit.core.CsKitException;
import java.util.List;
import java.util.Objects;

/**
 * A process definition that cannot run, with every problem found in it, each at its path
 * ({@code steps[2].transitions[0].target}).
 */
public class DefinitionInvalidException extends CsKitException {

    private static final long serialVersionUID = 1L;

    /**
     * One problem of a definition.
     *
     * @param path where, in the JSON form's terms, such as {@code steps[2].transitions[0]}
     * @param value the offending value as text, or {@code null}
     * @param rule the rule it breaks, in words
     */
    public record Problem(String path, String value, String rule) {

        /** Validates the parts. */
        public Problem {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(rule, "rule");
        }

        /** @return path, value and rule on one line */
        @Override
        public String toString() {
            return path + (value == null ? "" : " = '" + value + "'") + ": " + rule;
        }
    }

    private final String key;
    private final int version;
    private final List<Problem> problems;

    /**
     * Creates the exception.
     *
     * @param key the definition's key
     * @param version its version
     * @param problems the problems, at least one
     * @throws IllegalArgumentException if there is no problem
     */
    public DefinitionInvalidException(String key, int version, List<Problem> problems) {
        super(message(key, version, problems));
        this.key = key;
        this.version = version;
        this.problems = List.copyOf(problems);
    }

    /** @return the definition's key */
    public String key() {
        return key;
    }

    /** @return the definition's version */
    public int version() {
        return version;
    }

    /** @return every problem, in definition order */
    public List<Problem> problems() {
        return problems;
    }

    private static String message(String key, int version, List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a DefinitionInvalidException needs a problem");
        }
        StringBuilder text = new StringBuilder("process definition '" + key + "' version "
                + version + " has " + problems.size() + " problem(s):");
        for (Problem problem : problems) {
            text.append(System.lineSeparator()).append("  ").append(problem);
        }
        return text.toString();
    }
}
