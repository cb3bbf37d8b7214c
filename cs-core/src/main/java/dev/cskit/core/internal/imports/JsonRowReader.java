package dev.cskit.core.internal.imports;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.cskit.core.CsKitJson;
import dev.cskit.core.InvalidInputException.Location;
import dev.cskit.core.InvalidInputException.Problem;
import dev.cskit.core.imports.UnreadableInputException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Optional;

/**
 * Reads JSON records: one array of objects, or JSON Lines (objects one after another). A
 * column is a field name or, when it starts with {@code /}, a JSON pointer. Numbers keep their
 * decimal digits (never a double); nested objects and arrays arrive as JSON text.
 *
 * <p>Locations: the line and column of the record's opening brace. A syntax error ends the
 * input, since JSON cannot be resynchronised; a value that is not an object is reported and
 * skipped.
 */
public final class JsonRowReader implements RowReader {

    private static final ObjectReader TREES = CsKitJson.mapper().reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String source;
    private final JsonParser parser;
    private boolean started;
    private boolean array;
    private boolean broken;

    private JsonRowReader(String source, JsonParser parser) {
        this.source = source;
        this.parser = parser;
    }

    /**
     * Opens a JSON input.
     *
     * @param reader the text, without a byte order mark
     * @param source the input's name for locations
     * @return the reader
     */
    public static JsonRowReader open(Reader reader, String source) {
        try {
            return new JsonRowReader(source, TREES.createParser(reader));
        } catch (IOException e) {
            throw new UnreadableInputException(source, e);
        }
    }

    @Override
    public Optional<List<String>> header() {
        return Optional.empty();
    }

    @Override
    public Optional<Row> next(List<Problem> problems) {
        try {
            while (!broken) {
                JsonToken token = parser.nextToken();
                if (!started) {
                    started = true;
                    if (token == JsonToken.START_ARRAY) {
                        array = true;
                        token = parser.nextToken();
                    }
                }
                if (token == null || (array && token == JsonToken.END_ARRAY)) {
                    return end(problems);
                }
                JsonLocation where = parser.currentTokenLocation();
                if (token != JsonToken.START_OBJECT) {
                    problems.add(problem("(record)", parser.getText(),
                            "must be a JSON object", where.getLineNr(), where.getColumnNr()));
                    parser.skipChildren();
                    continue;
                }
                JsonNode node = TREES.readTree(parser);
                return Optional.of(new JsonRow(node, where.getLineNr(), where.getColumnNr()));
            }
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            problems.add(problem("(json)", null, e.getOriginalMessage(),
                    where == null ? 0 : where.getLineNr(), where == null ? 0
                            : where.getColumnNr()));
            broken = true;
        } catch (CharacterCodingException e) {
            JsonLocation where = parser.currentLocation();
            problems.add(problem("(file)", null, "must be UTF-8 text (" + e + ")",
                    where.getLineNr(), 0));
            broken = true;
        } catch (IOException e) {
            throw new UnreadableInputException(source, e);
        }
        return Optional.empty();
    }

    private Optional<Row> end(List<Problem> problems) throws IOException {
        if (array) {
            JsonToken after = parser.nextToken();
            if (after != null) {
                JsonLocation where = parser.currentTokenLocation();
                problems.add(problem("(json)", parser.getText(),
                        "must be nothing after the array's closing bracket",
                        where.getLineNr(), where.getColumnNr()));
            }
        }
        broken = true;
        return Optional.empty();
    }

    private Problem problem(String field, String value, String rule, long line, long column) {
        return new Problem(field, value, rule,
                Optional.of(new Location(source, Math.max(0, line), Math.max(0, column))));
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** A JSON record: fields by name or pointer. */
    private static final class JsonRow implements Row {
        private final JsonNode node;
        private final long line;
        private final long column;

        JsonRow(JsonNode node, long line, long column) {
            this.node = node;
            this.line = line;
            this.column = column;
        }

        @Override
        public long line() {
            return line;
        }

        @Override
        public Optional<Cell> cell(String name) {
            JsonNode value = name.startsWith("/") ? node.at(name) : node.get(name);
            if (value == null || value.isMissingNode() || value.isNull()) {
                return Optional.empty();
            }
            return Optional.of(new Cell(text(value), column));
        }

        @Override
        public long columnOf(String name) {
            return column;
        }

        private static String text(JsonNode value) {
            if (value.isTextual()) {
                return value.textValue();
            }
            if (value.isFloatingPointNumber()) {
                return value.decimalValue().toPlainString();
            }
            if (value.isContainerNode()) {
                return value.toString();
            }
            return value.asText();
        }
    }
}
