package dev.cskit.process.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cskit.core.CsKitJson;
import dev.cskit.core.InvalidInputException;
import dev.cskit.process.DefinitionInvalidException;
import dev.cskit.process.DefinitionValidator;
import dev.cskit.process.ProcessDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads process definitions from JSON or YAML, in three checks that each report every
 * problem they find at once:
 * <ol>
 *   <li>The text is parsed and checked against the published JSON Schema
 *       ({@link #schema()}, draft 2020-12, shipped in the jar as
 *       {@code dev/cskit/process/definition.schema.json}). Each violation becomes an
 *       {@link InvalidInputException.Problem} whose field is the path of the offending value
 *       ({@code steps[1].transitions[0].trigger.task}, written as the validator writes paths),
 *       with the source name, line and column of that value.</li>
 *   <li>The tree is bound to {@link ProcessDefinition}; a rule the schema cannot express (a
 *       value check of the model) is reported the same way.</li>
 *   <li>The definition is checked by the {@link DefinitionValidator} given to
 *       {@link #of}: targets, reachability, delays, action types, conditions, precedences.</li>
 * </ol>
 * A definition that comes out of {@link #read} can run.
 *
 * <pre>{@code
 * DefinitionReader reader = DefinitionReader.of(DefinitionValidator.forActionTypes(types));
 * ProcessDefinition welcome = reader.read(Path.of("processes/welcome.yaml"));
 * }</pre>
 *
 * <p>Note: a missing or unknown property is located at the start of the object that lacks
 * or holds it (the parser keeps no position for property names); YAML anchors and aliases are
 * expanded before the schema check, so a problem inside an alias is reported at the anchor.
 * Immutable and thread-safe.
 */
public final class DefinitionReader {

    private static final YAMLFactory YAML = new YAMLFactory();

    private final DefinitionValidator validator;

    private DefinitionReader(DefinitionValidator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    /**
     * Returns a reader that validates what it reads with the given validator.
     *
     * @param validator the validator, knowing the application's action types
     * @return the reader
     */
    public static DefinitionReader of(DefinitionValidator validator) {
        return new DefinitionReader(validator);
    }

    /**
     * Returns the published JSON Schema of process definitions, as shipped in the jar.
     *
     * @return the schema's JSON text
     */
    public static String schema() {
        return DefinitionSchema.text();
    }

    /**
     * Reads a definition from a file, its format chosen by the extension.
     *
     * @param file a {@code .json}, {@code .yaml} or {@code .yml} file, UTF-8
     * @return the definition, valid
     * @throws InvalidInputException if the extension is unknown, or the text is malformed or
     *     breaks the schema or a rule of the model, with every problem, line and column
     * @throws DefinitionInvalidException if the validator finds problems
     * @throws UncheckedIOException if the file cannot be read
     */
    public ProcessDefinition read(Path file) {
        DefinitionFormat format = DefinitionFormat.forFileName(file.getFileName().toString());
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return read(text, format, file.toString());
    }

    /**
     * Reads a definition from JSON text.
     *
     * @param json the text
     * @return the definition, valid
     * @throws InvalidInputException if the text is malformed or breaks the schema or a rule
     *     of the model, with every problem, line and column (source {@code json})
     * @throws DefinitionInvalidException if the validator finds problems
     */
    public ProcessDefinition readJson(String json) {
        return read(json, DefinitionFormat.JSON, "json");
    }

    /**
     * Reads a definition from YAML text.
     *
     * @param yaml the text
     * @return the definition, valid
     * @throws InvalidInputException if the text is malformed or breaks the schema or a rule
     *     of the model, with every problem, line and column (source {@code yaml})
     * @throws DefinitionInvalidException if the validator finds problems
     */
    public ProcessDefinition readYaml(String yaml) {
        return read(yaml, DefinitionFormat.YAML, "yaml");
    }

    /**
     * Reads a definition from text in a format.
     *
     * @param text the text
     * @param format its format
     * @param source the input's name, used in problem locations
     * @return the definition, valid
     * @throws InvalidInputException if the text is malformed or breaks the schema or a rule
     *     of the model, with every problem, line and column
     * @throws DefinitionInvalidException if the validator finds problems
     */
    public ProcessDefinition read(String text, DefinitionFormat format, String source) {
        Objects.requireNonNull(text, "text");
        DefinitionSchema.check(text, format, source);
        return validator.validate(bind(text, format, source));
    }

    private static ProcessDefinition bind(String text, DefinitionFormat format, String source) {
        try {
            if (format == DefinitionFormat.JSON) {
                return CsKitJson.mapper().readValue(text, ProcessDefinition.class);
            }
            try (JsonParser parser = YAML.createParser(text)) {
                return CsKitJson.mapper().readValue(parser, ProcessDefinition.class);
            }
        } catch (JsonProcessingException e) {
            throw CsKitJson.invalid(e, source);
        } catch (IOException e) {
            throw new InvalidInputException(List.of(new InvalidInputException.Problem(
                    "(document)", null, "cannot be read: " + e.getMessage(),
                    Optional.empty())), e);
        }
    }
}
