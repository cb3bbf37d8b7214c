package dev.cskit.process.io;

import dev.cskit.core.InvalidInputException;
import java.util.Locale;

/** The text formats a process definition is read from and written to. */
public enum DefinitionFormat {
    /** JSON, as {@code .json} files. */
    JSON,
    /** YAML 1.1, as {@code .yaml} or {@code .yml} files; the same tree as the JSON form. */
    YAML;

    /**
     * Picks the format from a file name's extension.
     *
     * @param fileName the name, such as {@code welcome.yaml}
     * @return the format
     * @throws InvalidInputException if the extension is not {@code .json}, {@code .yaml} or
     *     {@code .yml}
     */
    public static DefinitionFormat forFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return JSON;
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return YAML;
        }
        throw new InvalidInputException("fileName", fileName,
                "must end in .json, .yaml or .yml");
    }
}
