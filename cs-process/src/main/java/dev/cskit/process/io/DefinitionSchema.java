package dev.cskit.process.io;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import com.networknt.schema.serialization.NodeReader;
import com.networknt.schema.utils.JsonNodes;
import dev.cskit.core.CsKitException;
import dev.cskit.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * The published JSON Schema of process definitions, loaded once from the jar, and the check
 * of JSON or YAML text against it that reports every violation with path, line and column.
 */
final class DefinitionSchema {

    /** Where the schema lives in the jar. */
    static final String RESOURCE = "/dev/cskit/process/definition.schema.json";

    private static final String TEXT = load();
    private static final NodeReader READER = NodeReader.builder().locationAware().build();
    private static final Schema SCHEMA = compile();

    private DefinitionSchema() {
    }

    /** @return the schema's text */
    static String text() {
        return TEXT;
    }

    /**
     * Parses text and checks it against the schema.
     *
     * @param text the definition
     * @param format its format
     * @param source the input's name, for locations
     * @throws InvalidInputException with every violation, if the text is malformed or breaks
     *     the schema
     */
    static void check(String text, DefinitionFormat format, String source) {
        JsonNode tree = parse(text, format, source);
        List<Error> errors = SCHEMA.validate(tree);
        if (errors.isEmpty()) {
            return;
        }

        // One problem per distinct violation, in document order.
        Set<InvalidInputException.Problem> problems = new LinkedHashSet<>();
        for (Error error : errors) {
            problems.add(problem(error, source));
        }
        List<InvalidInputException.Problem> ordered = new ArrayList<>(problems);
        ordered.sort(Comparator.comparingLong(DefinitionSchema::line)
                .thenComparingLong(DefinitionSchema::column));
        throw new InvalidInputException(ordered);
    }

    private static JsonNode parse(String text, DefinitionFormat format, String source) {
        try {
            return READER.readTree(text,
                    format == DefinitionFormat.YAML ? InputFormat.YAML : InputFormat.JSON);
        } catch (JacksonException e) {
            TokenStreamLocation where = e.getLocation();
            Optional<InvalidInputException.Location> location = where == null
                    ? Optional.empty()
                    : Optional.of(new InvalidInputException.Location(source,
                            Math.max(0, where.getLineNr()), Math.max(0, where.getColumnNr())));
            throw new InvalidInputException(List.of(new InvalidInputException.Problem(
                    "(document)", null, "must be well-formed " + format + ": "
                            + e.getOriginalMessage(), location)), e);
        }
    }

    private static InvalidInputException.Problem problem(Error error, String source) {
        String path = path(error.getInstanceLocation().toString());
        boolean aboutProperty = error.getProperty() != null
                && ("required".equals(error.getKeyword())
                        || "additionalProperties".equals(error.getKeyword()));
        if (aboutProperty) {
            path = path.isEmpty() ? error.getProperty() : path + "." + error.getProperty();
        }
        JsonNode node = error.getInstanceNode();
        String value = aboutProperty || node == null || node.isContainer() ? null
                : node.isString() ? node.asString() : node.toString();
        TokenStreamLocation where = node == null ? null : JsonNodes.tokenStreamLocationOf(node);
        Optional<InvalidInputException.Location> location = where == null
                ? Optional.empty()
                : Optional.of(new InvalidInputException.Location(source,
                        Math.max(0, where.getLineNr()), Math.max(0, where.getColumnNr())));
        return new InvalidInputException.Problem(path.isEmpty() ? "(document)" : path, value,
                rule(error), location);
    }

    /** Turns {@code $.steps[0].id} into {@code steps[0].id}, as the validator writes paths. */
    private static String path(String jsonPath) {
        if (jsonPath.startsWith("$.")) {
            return jsonPath.substring(2);
        }
        return jsonPath.startsWith("$") ? jsonPath.substring(1) : jsonPath;
    }

    /** The library's message without the path it starts with: the path is the field. */
    private static String rule(Error error) {
        String message = error.getMessage();
        String prefix = error.getInstanceLocation() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static long line(InvalidInputException.Problem problem) {
        return problem.location().map(InvalidInputException.Location::line).orElse(0L);
    }

    private static long column(InvalidInputException.Problem problem) {
        return problem.location().map(InvalidInputException.Location::column).orElse(0L);
    }

    private static String load() {
        try (InputStream in = DefinitionSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CsKitException("the definition schema " + RESOURCE
                        + " is missing from the class path; the cs-process jar is incomplete");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema compile() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_PATH)
                .locale(Locale.ENGLISH)
                .errorMessageKeyword("message")
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12, b -> b.schemaRegistryConfig(config));
        return registry.getSchema(TEXT, InputFormat.JSON);
    }
}
