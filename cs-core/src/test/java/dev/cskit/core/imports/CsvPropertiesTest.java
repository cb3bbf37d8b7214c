package dev.cskit.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.InvalidInputException.Location;
import dev.cskit.core.InvalidInputException.Problem;
import dev.cskit.core.TenantId;
import dev.cskit.core.internal.imports.CsvRowReader;
import dev.cskit.core.internal.imports.Row;
import dev.cskit.core.internal.imports.TextInput;
import dev.cskit.core.store.InMemoryStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of CSV reading: what Jackson's CSV writer writes is read back cell for cell, and a
 * corrupted cell anywhere in a valid file is reported at exactly its line and column.
 */
class CsvPropertiesTest {

    /** Fragments that break naive CSV handling, and some that need more than one UTF-16 unit. */
    private static final List<String> FRAGMENTS = List.of("a", "Z", "0", " ", ",", ";", "\"",
            "\"\"", "\n", "\r\n", "\t", "'", "\\", "é", "ß", "Ø", "日本", "\uD83D\uDE00", "{\"k\":1}",
            "=1+1");

    private static final CsvMapper CSV = new CsvMapper();

    @Test
    void cellsWrittenByJacksonAreReadBackIdentical() {
        qt().withExamples(300).forAll(tables(), booleans().all()).checkAssert((table, bom) -> {
            String written = write(table);
            byte[] bytes = ((bom ? "\uFEFF" : "") + written).getBytes(StandardCharsets.UTF_8);

            List<Problem> problems = new ArrayList<>();
            List<List<String>> read = read(bytes, table.header, problems);

            assertThat(problems).isEmpty();
            assertThat(read).isEqualTo(table.rows);
        });
    }

    @Test
    void corruptedCellIsReportedAtItsLineAndColumnAndNothingIsStored() {
        ImportMapping mapping = Fixtures.yaml(String.join("\n",
                "currency: USD",
                "customer: {id: id, name: {constant: someone}, attributes: [note]}",
                "subscription:",
                "  id: id",
                "  customerId: id",
                "  plan: {constant: basic}",
                "  seats: seats",
                "  unitPrice: price",
                "  start: start"));
        Importer importer = Importer.of(mapping, Fixtures.CLOCK);
        List<String> header = List.of("id", "note", "seats", "price", "start");

        qt().withExamples(150).forAll(validRows(), integers().between(0, 1000),
                integers().between(0, 2)).checkAssert((rows, pick, badIndex) -> {
                    int row = pick % rows.size();
                    int column = 3 + pick % 3;
                    String bad = BAD.get(header.get(column - 1)).get(badIndex);
                    rows.get(row).set(column - 1, bad);
                    String text = write(new Table(header, rows));
                    InMemoryStore store = new InMemoryStore();

                    InvalidInputException failure = catchThrowableOfType(
                            InvalidInputException.class,
                            () -> importer.importInto(store, Fixtures.stream(text), "f.csv"));

                    long line = expectedLine(rows, row);
                    assertThat(failure).isNotNull();
                    assertThat(failure.problems()).singleElement().satisfies(p -> {
                        assertThat(p.location()).contains(new Location("f.csv", line, column));
                        assertThat(p.field()).isEqualTo(header.get(column - 1));
                        assertThat(p.value()).isEqualTo(bad);
                    });
                    assertThat(store.customers().count(TenantId.DEFAULT)).isZero();
                    assertThat(store.subscriptions().list(TenantId.DEFAULT)).isEmpty();
                    assertThat(importer.check(Fixtures.stream(text), "f.csv").problems())
                            .extracting(Problem::location)
                            .containsExactly(Optional.of(new Location("f.csv", line, column)));
                });
    }

    /** Bad values per typed column; each breaks the column's rule whatever the row. */
    private static final Map<String, List<String>> BAD = Map.of(
            "seats", List.of("x1", "1.5", "99999999999"),
            "price", List.of("1.2.3", "abc", "1.234"),
            "start", List.of("2024-13-01", "yesterday", "2024-02-30T10:00:00Z"));

    /**
     * The physical line of a record, computed from the cells rather than by parsing: the
     * header is line 1 and every record before it adds one line plus its cells' line breaks
     * (a CRLF inside a cell is one break).
     */
    private static long expectedLine(List<List<String>> rows, int row) {
        long line = 2;
        for (int i = 0; i < row; i++) {
            for (String cell : rows.get(i)) {
                line += cell.chars().filter(c -> c == '\n').count();
            }
            line++;
        }
        return line;
    }

    private static Gen<String> cells() {
        // about one cell in ten is empty; the others join up to seven fragments
        return Generate.pick(FRAGMENTS).mix(Generate.constant(""), 10)
                .flatMap(first -> lists().of(Generate.pick(FRAGMENTS)).ofSizeBetween(0, 6)
                        .map(rest -> first + String.join("", rest)));
    }

    private static Gen<Table> tables() {
        return in -> {
            int columns = integers().between(1, 5).generate(in);
            int rows = integers().between(1, 8).generate(in);
            List<String> header = new ArrayList<>(List.of("id"));
            for (int c = 1; c <= columns; c++) {
                header.add("c" + c);
            }
            List<List<String>> table = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                List<String> row = new ArrayList<>(List.of("r" + r));
                for (int c = 1; c <= columns; c++) {
                    row.add(cells().generate(in));
                }
                table.add(row);
            }
            return new Table(header, table);
        };
    }

    private static Gen<List<List<String>>> validRows() {
        return in -> {
            int count = integers().between(1, 25).generate(in);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r < count; r++) {
                long minor = longs().between(0, 10_000_000).generate(in);
                Instant start = Instant.ofEpochSecond(
                        longs().between(0, 4_000_000_000L).generate(in));
                rows.add(new ArrayList<>(List.of("r" + r, cells().generate(in),
                        Integer.toString(integers().between(1, 500).generate(in)),
                        BigDecimal.valueOf(minor, 2).toPlainString(),
                        start.toString())));
            }
            return rows;
        };
    }

    private static String write(Table table) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        table.header.forEach(schema::addColumn);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> row : table.rows) {
            Map<String, String> byName = new LinkedHashMap<>();
            for (int i = 0; i < row.size(); i++) {
                byName.put(table.header.get(i), row.get(i));
            }
            rows.add(byName);
        }
        try {
            return CSV.writer(schema.build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<List<String>> read(byte[] bytes, List<String> header,
            List<Problem> problems) {
        try (Reader text = TextInput.utf8(new ByteArrayInputStream(bytes));
                CsvRowReader reader = CsvRowReader.open(text, ',', "t.csv", problems)) {
            assertThat(reader.header()).contains(header);
            List<List<String>> rows = new ArrayList<>();
            for (Optional<Row> row = reader.next(problems); row.isPresent();
                    row = reader.next(problems)) {
                List<String> cells = new ArrayList<>();
                for (String column : header) {
                    cells.add(row.get().cell(column).map(Row.Cell::text).orElse(null));
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A header and rows of cells, as written. */
    private static final class Table {
        final List<String> header;
        final List<List<String>> rows;

        Table(List<String> header, List<List<String>> rows) {
            this.header = header;
            this.rows = rows;
        }

        @Override
        public String toString() {
            return header + " " + rows;
        }
    }
}
