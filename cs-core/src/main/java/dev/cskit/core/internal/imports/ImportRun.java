package dev.cskit.core.internal.imports;

import dev.cskit.core.Customer;
import dev.cskit.core.CustomerEvent;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.InvalidInputException.Location;
import dev.cskit.core.InvalidInputException.Problem;
import dev.cskit.core.Subscription;
import dev.cskit.core.SurveyResponse;
import dev.cskit.core.imports.FieldRule;
import dev.cskit.core.imports.ImportFormat;
import dev.cskit.core.imports.ImportMapping;
import dev.cskit.core.imports.RecordKind;
import dev.cskit.core.imports.RecordMapping;
import dev.cskit.core.imports.UnreadableInputException;
import dev.cskit.core.store.RecordBatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One pass over one input with one mapping: rows to records, every problem collected in file
 * order, or the first one thrown.
 *
 * <p>Before any row, a CSV header is checked against the mapping: every column the mapping
 * reads must be in it, once. Within the file every customer id, event id, survey id and
 * subscription term (id and start) must be unique.
 */
public final class ImportRun {

    /**
     * What a pass found.
     *
     * @param source the input's name
     * @param rows the number of records read whole and mapped, bad ones included; a record
     *     the parser could not read (too many cells, a broken quote) is not counted
     * @param batch the records of the rows without problems
     * @param problems every problem, in file order
     */
    public record Outcome(String source, long rows, RecordBatch batch, List<Problem> problems) {
    }

    private final ImportMapping mapping;
    private final String source;
    private final boolean failFast;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<RecordKind, Map<String, Long>> seen = new EnumMap<>(RecordKind.class);

    private ImportRun(ImportMapping mapping, String source, boolean failFast) {
        this.mapping = mapping;
        this.source = source;
        this.failFast = failFast;
    }

    /**
     * Reads an input.
     *
     * @param mapping the mapping
     * @param in the bytes, UTF-8 with or without a byte order mark; closed when done
     * @param source the input's name for locations
     * @param failFast whether to throw at the first problem rather than collect them all
     * @return the outcome
     * @throws InvalidInputException at the first problem, when failing fast
     */
    public static Outcome run(ImportMapping mapping, InputStream in, String source,
            boolean failFast) {
        try (Reader text = TextInput.utf8(in)) {
            return new ImportRun(mapping, source, failFast).read(text);
        } catch (IOException e) {
            throw new UnreadableInputException(source, e);
        }
    }

    private Outcome read(Reader text) throws IOException {
        RecordBatch.Builder batch = RecordBatch.builder();
        long rows = 0;
        try (RowReader reader = open(text)) {
            stopIfFailing();
            if (!problems.isEmpty()) {
                return finish(0, batch);
            }
            Optional<List<String>> header = reader.header();
            if (header.isPresent()) {
                checkHeader(header.get());
                if (!problems.isEmpty()) {
                    if (failFast) {
                        throw new InvalidInputException(problems);
                    }
                    return finish(0, batch);
                }
            }
            RowMapper mapper = new RowMapper(mapping, source);
            Optional<Row> row = reader.next(problems);
            stopIfFailing();
            while (row.isPresent()) {
                rows++;
                take(row.get(), mapper, batch);
                row = reader.next(problems);
                stopIfFailing();
            }
        }
        return finish(rows, batch);
    }

    private RowReader open(Reader text) {
        if (mapping.format() == ImportFormat.JSON) {
            return JsonRowReader.open(text, source);
        }
        return CsvRowReader.open(text, mapping.separator(), source, problems);
    }

    private void take(Row row, RowMapper mapper, RecordBatch.Builder batch) {
        RowMapper.Mapped mapped = mapper.map(row);
        List<Problem> found = new ArrayList<>(mapped.problems());
        for (Map.Entry<RecordKind, Object> record : mapped.records().entrySet()) {
            String key = key(record.getValue());
            Long first = seen.computeIfAbsent(record.getKey(), k -> new HashMap<>())
                    .putIfAbsent(key, row.line());
            if (first != null) {
                found.add(mapper.duplicate(row, record.getKey(), "id", id(record.getValue()),
                        first));
            }
        }
        found.sort(Comparator.comparingLong(p -> p.location().map(Location::column)
                .orElse(0L)));
        Set<String> cells = new HashSet<>();
        for (Problem problem : found) {
            // a cell read by several rules (tenure for two derived instants) is reported once
            if (cells.add(problem.field() + "@" + problem.location())) {
                problems.add(problem);
            }
        }
        stopIfFailing();
        if (found.isEmpty()) {
            mapped.records().values().forEach(record -> add(batch, record));
        }
    }

    private void stopIfFailing() {
        if (failFast && !problems.isEmpty()) {
            throw new InvalidInputException(List.of(problems.get(0)));
        }
    }

    private void checkHeader(List<String> header) {
        Set<String> columns = new LinkedHashSet<>();
        for (RecordMapping record : mapping.records().values()) {
            record.fields().values().forEach(rule -> rule.sourceColumn().ifPresent(columns::add));
            record.attributes().values().stream().map(FieldRule::sourceColumn)
                    .forEach(column -> column.ifPresent(columns::add));
        }
        for (String column : columns) {
            int first = header.indexOf(column);
            if (first < 0) {
                problems.add(new Problem(column, null, "is read by the mapping but is not a "
                        + "column of the file; the header has " + header,
                        Optional.of(new Location(source, 1, 0))));
            } else if (header.lastIndexOf(column) != first) {
                problems.add(new Problem(column, null, "is read by the mapping but the header "
                        + "names it twice, at columns " + (first + 1) + " and "
                        + (header.lastIndexOf(column) + 1),
                        Optional.of(new Location(source, 1, first + 1))));
            }
        }
    }

    private Outcome finish(long rows, RecordBatch.Builder batch) {
        return new Outcome(source, rows, batch.build(), List.copyOf(problems));
    }

    private static void add(RecordBatch.Builder batch, Object record) {
        if (record instanceof Customer) {
            batch.addCustomers((Customer) record);
        } else if (record instanceof Subscription) {
            batch.addSubscriptions((Subscription) record);
        } else if (record instanceof CustomerEvent) {
            batch.addEvents((CustomerEvent) record);
        } else {
            batch.addSurveys((SurveyResponse) record);
        }
    }

    private static String key(Object record) {
        if (record instanceof Subscription) {
            Subscription term = (Subscription) record;
            return term.id() + "\n" + term.start();
        }
        return id(record);
    }

    private static String id(Object record) {
        if (record instanceof Customer) {
            return ((Customer) record).id().value();
        }
        if (record instanceof Subscription) {
            return ((Subscription) record).id();
        }
        if (record instanceof CustomerEvent) {
            return ((CustomerEvent) record).id();
        }
        return ((SurveyResponse) record).id();
    }
}
