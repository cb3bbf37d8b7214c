package dev.cskit.core.internal.imports;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.cskit.core.InvalidInputException.Location;
import dev.cskit.core.InvalidInputException.Problem;
import dev.cskit.core.imports.UnreadableInputException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads CSV with Jackson's CSV parser: the first line is the header, quoting as in RFC 4180
 * (cells may hold separators, doubled quotes and line breaks), blank lines skipped.
 *
 * <p>Locations: the line is the physical line where a record starts (a record whose quoted
 * cell holds a line break spans several lines and is reported at its first); the column is the
 * cell's 1-based position in the header. After a malformed record (too many cells, a stray
 * character after a closing quote) reading goes on with the next line.
 */
public final class CsvRowReader implements RowReader {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private final String source;
    private final CsvParser parser;
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    private JsonToken pending;
    private boolean broken;

    private CsvRowReader(String source, CsvParser parser, List<String> header,
            JsonToken pending, boolean broken) {
        this.source = source;
        this.parser = parser;
        this.header = header;
        this.pending = pending;
        this.broken = broken;
        for (int i = header.size() - 1; i >= 0; i--) {
            index.put(header.get(i), i);
        }
    }

    /**
     * Opens a CSV input and reads its header.
     *
     * @param reader the text, without a byte order mark
     * @param separator the cell separator
     * @param source the input's name for locations
     * @param problems where a missing header is reported
     * @return the reader; it returns no rows when the header could not be read
     */
    public static CsvRowReader open(Reader reader, char separator, String source,
            List<Problem> problems) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator);
        CsvParser parser;
        try {
            parser = (CsvParser) MAPPER.reader(schema).createParser(reader);
        } catch (IOException e) {
            throw new UnreadableInputException(source, e);
        }
        JsonToken first;
        try {
            first = parser.nextToken();
        } catch (JsonProcessingException e) {
            problems.add(problem(source, "(header)", null,
                    "must be a header line naming the columns (" + e.getOriginalMessage() + ")",
                    1, 1));
            return new CsvRowReader(source, parser, List.of(), null, true);
        } catch (IOException e) {
            reportUnreadable(source, parser, e, problems);
            return new CsvRowReader(source, parser, List.of(), null, true);
        }
        List<String> header = new ArrayList<>();
        parser.getSchema().forEach(column -> header.add(column.getName()));
        return new CsvRowReader(source, parser, Collections.unmodifiableList(header), first,
                false);
    }

    @Override
    public Optional<List<String>> header() {
        return Optional.of(header);
    }

    @Override
    public Optional<Row> next(List<Problem> problems) {
        while (!broken) {
            JsonToken token = advance(problems, -1, 0);
            if (token == null) {
                return Optional.empty();
            }
            if (token != JsonToken.START_OBJECT) {
                continue;
            }
            Optional<Row> row = record(problems);
            if (row.isPresent()) {
                return row;
            }
        }
        return Optional.empty();
    }

    private Optional<Row> record(List<Problem> problems) {
        List<String> cells = new ArrayList<>();
        long line = -1;
        boolean bad = false;
        while (!broken) {
            int before = problems.size();
            JsonToken token = advance(problems, line, cells.size() + 1);
            if (problems.size() > before) {
                bad = true;
            }
            if (token == null || token == JsonToken.END_OBJECT) {
                break;
            }
            if (token == JsonToken.FIELD_NAME && line < 0) {
                line = parser.currentTokenLocation().getLineNr();
            } else if (token == JsonToken.VALUE_STRING) {
                cells.add(text());
            }
        }
        if (bad || broken || line < 0) {
            return Optional.empty();
        }
        if (cells.size() < header.size()) {
            problems.add(problem(source, header.get(cells.size()), null,
                    "is missing: the record has " + cells.size() + " cells, the header "
                            + header.size(), line, cells.size() + 1));
            return Optional.empty();
        }
        return Optional.of(new CsvRow(line, List.copyOf(cells), index));
    }

    private JsonToken advance(List<Problem> problems, long line, long column) {
        if (pending != null) {
            JsonToken token = pending;
            pending = null;
            return token;
        }
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            long at = line > 0 ? line : where == null ? 0 : where.getLineNr();
            if (!problems.isEmpty() && isRepeat(problems.get(problems.size() - 1), at,
                    e.getOriginalMessage())) {
                broken = true;
                return null;
            }
            problems.add(problem(source, "(record)", null, e.getOriginalMessage(), at,
                    column));
            return JsonToken.NOT_AVAILABLE;
        } catch (IOException e) {
            reportUnreadable(source, parser, e, problems);
            broken = true;
            return null;
        }
    }

    private String text() {
        try {
            return parser.getText();
        } catch (IOException e) {
            throw new UnreadableInputException(source, e);
        }
    }

    private boolean isRepeat(Problem last, long line, String rule) {
        return rule.equals(last.rule()) && last.location().map(Location::line)
                .filter(l -> l == line).isPresent();
    }

    private static void reportUnreadable(String source, CsvParser parser, IOException e,
            List<Problem> problems) {
        if (!(e instanceof CharacterCodingException)) {
            throw new UnreadableInputException(source, e);
        }
        JsonLocation where = parser.currentLocation();
        problems.add(problem(source, "(file)", null, "must be UTF-8 text (" + e + ")",
                where.getLineNr(), 0));
    }

    private static Problem problem(String source, String field, String value, String rule,
            long line, long column) {
        return new Problem(field, value, rule,
                Optional.of(new Location(source, Math.max(0, line), Math.max(0, column))));
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** A CSV record: cells by position, looked up through the header. */
    private static final class CsvRow implements Row {
        private final long line;
        private final List<String> cells;
        private final Map<String, Integer> index;

        CsvRow(long line, List<String> cells, Map<String, Integer> index) {
            this.line = line;
            this.cells = cells;
            this.index = index;
        }

        @Override
        public long line() {
            return line;
        }

        @Override
        public Optional<Cell> cell(String column) {
            Integer at = index.get(column);
            if (at == null || at >= cells.size()) {
                return Optional.empty();
            }
            return Optional.of(new Cell(cells.get(at), at + 1));
        }

        @Override
        public long columnOf(String column) {
            Integer at = index.get(column);
            return at == null ? 0 : at + 1;
        }
    }
}

