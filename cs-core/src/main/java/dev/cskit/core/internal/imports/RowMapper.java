package dev.cskit.core.internal.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cskit.core.BillingInterval;
import dev.cskit.core.CsKitJson;
import dev.cskit.core.Customer;
import dev.cskit.core.CustomerEvent;
import dev.cskit.core.CustomerId;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.InvalidInputException.Location;
import dev.cskit.core.InvalidInputException.Problem;
import dev.cskit.core.LifecycleStage;
import dev.cskit.core.Money;
import dev.cskit.core.Subscription;
import dev.cskit.core.SurveyKind;
import dev.cskit.core.SurveyResponse;
import dev.cskit.core.imports.FieldRule;
import dev.cskit.core.imports.ImportMapping;
import dev.cskit.core.imports.RecordKind;
import dev.cskit.core.imports.RecordMapping;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns one {@link Row} into the records its mapping describes. Every problem of the row is
 * collected (a bad cell does not hide the next one), in column order.
 */
public final class RowMapper {

    /**
     * The records made from one row, and the row's problems. When there is a problem, the
     * records that could still be built are there, but an import stores none of them.
     *
     * @param line the row's line
     * @param records the records, one per kind the mapping makes
     * @param problems the problems, in column order
     */
    public record Mapped(long line, Map<RecordKind, Object> records, List<Problem> problems) {
    }

    private final ImportMapping mapping;
    private final Values values;
    private final String source;

    /**
     * Creates a mapper.
     *
     * @param mapping the mapping
     * @param source the input's name for locations
     */
    public RowMapper(ImportMapping mapping, String source) {
        this.mapping = mapping;
        this.values = new Values(mapping.currency(), mapping.timeZone(),
                mapping.dateTimeFormat());
        this.source = source;
    }

    /**
     * Maps a row.
     *
     * @param row the row
     * @return its records and problems
     */
    public Mapped map(Row row) {
        Map<RecordKind, Object> records = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<RecordKind, RecordMapping> entry : mapping.records().entrySet()) {
            Fields fields = new Fields(entry.getKey(), entry.getValue(), row, problems);
            int before = problems.size();
            Object record = build(fields);
            if (record != null && problems.size() == before) {
                records.put(entry.getKey(), record);
            }
        }
        problems.sort(Comparator.comparingLong(p -> p.location().map(Location::column)
                .orElse(0L)));
        return new Mapped(row.line(), records, List.copyOf(problems));
    }

    /**
     * Returns the problem of a record whose id was seen before in the file, located at the
     * cell that feeds the id.
     *
     * @param row the row
     * @param kind the record kind
     * @param field the id field's name
     * @param value the id
     * @param first the line where the id was first seen
     * @return the problem
     */
    public Problem duplicate(Row row, RecordKind kind, String field, String value, long first) {
        FieldRule rule = mapping.records().get(kind).fields().get(field);
        String column = rule.sourceColumn().orElse(kind.key() + "." + field);
        long at = rule.sourceColumn().map(row::columnOf).orElse(0L);
        return problem(column, value, "must be unique in the file for a " + kind.key()
                + " (" + kind.key() + "." + field + "); first seen on line " + first,
                row.line(), at);
    }

    private Object build(Fields f) {
        switch (f.kind) {
            case CUSTOMER:
                return guarded(f, () -> customer(f));
            case SUBSCRIPTION:
                return guarded(f, () -> subscription(f));
            case EVENT:
                return guarded(f, () -> event(f));
            case SURVEY:
                return guarded(f, () -> survey(f));
            default:
                throw new AssertionError(f.kind);
        }
    }

    private Customer customer(Fields f) {
        Customer.Builder customer = Customer.builder().tenant(mapping.tenant());
        f.id("id").ifPresent(customer::id);
        f.get("name", String.class).ifPresent(customer::name);
        f.get("plan", String.class).ifPresent(customer::plan);
        f.get("segment", String.class).ifPresent(customer::segment);
        f.get("customerSince", Instant.class).ifPresent(customer::customerSince);
        f.get("stage", LifecycleStage.class).ifPresent(customer::stage);
        customer.putAllAttributes(f.attributes());
        return f.clean() ? customer.build() : null;
    }

    private Subscription subscription(Fields f) {
        Subscription.Builder term = Subscription.builder().tenant(mapping.tenant());
        f.get("id", String.class).ifPresent(term::id);
        f.id("customerId").ifPresent(term::customerId);
        f.get("plan", String.class).ifPresent(term::plan);
        f.get("seats", Integer.class).ifPresent(term::seats);
        f.get("unitPrice", Money.class).ifPresent(term::unitPrice);
        f.get("interval", BillingInterval.class).ifPresent(term::interval);
        f.get("discount", Money.class).ifPresent(term::discount);
        f.get("start", Instant.class).ifPresent(term::start);
        f.get("end", Instant.class).ifPresent(term::end);
        f.get("cancellationReason", String.class).ifPresent(term::cancellationReason);
        return f.clean() ? term.build() : null;
    }

    private CustomerEvent event(Fields f) {
        CustomerEvent.Builder event = CustomerEvent.builder().tenant(mapping.tenant());
        f.get("id", String.class).ifPresent(event::id);
        f.get("type", String.class).ifPresent(event::type);
        f.id("customerId").ifPresent(event::customerId);
        f.get("occurredAt", Instant.class).ifPresent(event::occurredAt);
        event.putAllAttributes(f.attributes());
        return f.clean() ? event.build() : null;
    }

    private SurveyResponse survey(Fields f) {
        SurveyResponse.Builder survey = SurveyResponse.builder().tenant(mapping.tenant());
        f.get("id", String.class).ifPresent(survey::id);
        f.id("customerId").ifPresent(survey::customerId);
        Optional<SurveyKind> kind = f.get("kind", SurveyKind.class);
        kind.ifPresent(survey::kind);
        Optional<BigDecimal> score = f.get("score", BigDecimal.class);
        if (kind.isPresent() && score.isPresent()) {
            f.checked("score", score.get().toPlainString(),
                    () -> kind.get().check(score.get())).ifPresent(survey::score);
        }
        f.get("answeredAt", Instant.class).ifPresent(survey::answeredAt);
        f.get("comment", String.class).ifPresent(survey::comment);
        return f.clean() ? survey.build() : null;
    }

    /** Runs a record's build and reports the value type's own checks against the row. */
    private Object guarded(Fields f, Supplier<Object> build) {
        try {
            return build.get();
        } catch (InvalidInputException e) {
            for (Problem p : e.problems()) {
                String name = p.field().substring(p.field().lastIndexOf('.') + 1);
                f.report(name, p.value(), p.rule());
            }
            return null;
        }
    }

    private Problem problem(String field, String value, String rule, long line, long column) {
        return new Problem(field, value, rule,
                Optional.of(new Location(source, line, column)));
    }

    /** The fields of one record being made from one row. */
    private final class Fields {
        final RecordKind kind;
        final RecordMapping record;
        final Row row;
        final List<Problem> problems;
        final int start;

        Fields(RecordKind kind, RecordMapping record, Row row, List<Problem> problems) {
            this.kind = kind;
            this.record = record;
            this.row = row;
            this.problems = problems;
            this.start = problems.size();
        }

        boolean clean() {
            return problems.size() == start;
        }

        Optional<CustomerId> id(String field) {
            return get(field, String.class).flatMap(text -> checked(field, text,
                    () -> CustomerId.of(text)));
        }

        <T> Optional<T> get(String field, Class<T> type) {
            FieldRule rule = record.fields().get(field);
            if (rule == null) {
                return Optional.empty();
            }
            FieldCatalogue.Spec spec = FieldCatalogue.fields(kind).get(field);
            return resolve(field, rule, spec.required(),
                    text -> values.read(spec.type(), text, rule.format())).map(type::cast);
        }

        Map<String, String> attributes() {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (Map.Entry<String, FieldRule> entry : record.attributes().entrySet()) {
                FieldRule rule = entry.getValue();
                resolve("attributes." + entry.getKey(), rule, false,
                        text -> values.attribute(rule.type(), text, rule.format()))
                        .ifPresent(value -> attributes.put(entry.getKey(), (String) value));
            }
            return attributes;
        }

        <T> Optional<T> checked(String field, String value, Supplier<T> step) {
            try {
                return Optional.of(step.get());
            } catch (InvalidInputException e) {
                report(field, value, e.problems().get(0).rule());
                return Optional.empty();
            }
        }

        /** Reports a problem of a field at the cell that feeds it. */
        void report(String field, String value, String rule) {
            FieldRule fieldRule = record.fields().get(field);
            Optional<String> column = fieldRule == null ? Optional.empty()
                    : fieldRule.sourceColumn();
            String name = kind.key() + "." + field;
            String shown = column.flatMap(c -> row.cell(c)).map(Row.Cell::text).orElse(value);
            problems.add(problem(column.orElse(name), shown, rule + " (" + name + ")",
                    row.line(), column.map(row::columnOf).orElse(0L)));
        }

        private Optional<Object> resolve(String field, FieldRule rule, boolean required,
                Reader reader) {
            String name = kind.key() + "." + field;
            if (rule.constant().isPresent()) {
                return Optional.of(reader.read(rule.constant().get()));
            }
            if (rule.derive().isPresent()) {
                return derive(name, rule);
            }
            String column = rule.column().get();
            Optional<Row.Cell> cell = row.cell(column);
            long at = cell.map(Row.Cell::column).orElseGet(() -> row.columnOf(column));
            String original = cell.map(Row.Cell::text).orElse(null);
            String text = original;
            if (text != null && !text.isBlank() && rule.jsonPointer().isPresent()) {
                text = pointer(text, rule.jsonPointer().get(), name, column, at);
                if (text == null && !clean()) {
                    return Optional.empty();
                }
            }
            if (text == null || text.isBlank()) {
                if (rule.defaultValue().isPresent()) {
                    return Optional.of(reader.read(rule.defaultValue().get()));
                }
                if (required) {
                    problems.add(problem(column, original, "is required for " + name
                            + " and has no default; the cell is blank", row.line(), at));
                }
                return Optional.empty();
            }
            if (!rule.translate().isEmpty()) {
                String translated = rule.translate().get(text.trim());
                if (translated == null) {
                    problems.add(problem(column, original, "must be one of "
                            + rule.translate().keySet() + " (translated for " + name + ")",
                            row.line(), at));
                    return Optional.empty();
                }
                text = translated;
            }
            try {
                return Optional.of(reader.read(text));
            } catch (InvalidInputException e) {
                problems.add(problem(column, original, e.problems().get(0).rule() + " ("
                        + name + ")", row.line(), at));
                return Optional.empty();
            }
        }

        private Optional<Object> derive(String name, FieldRule rule) {
            String column = rule.derive().get().column();
            Optional<Row.Cell> cell = row.cell(column);
            long at = cell.map(Row.Cell::column).orElseGet(() -> row.columnOf(column));
            String text = cell.map(Row.Cell::text).orElse(null);
            if (text == null || text.isBlank()) {
                problems.add(problem(column, text, "is required to derive " + name
                        + "; the cell is blank", row.line(), at));
                return Optional.empty();
            }
            try {
                long amount = values.longValue(text);
                return Optional.of(rule.derive().get().apply(amount, values.zone()));
            } catch (InvalidInputException | ArithmeticException | DateTimeException e) {
                problems.add(problem(column, text, "must be a whole number of "
                        + rule.derive().get().unit().toString().toLowerCase(Locale.ROOT)
                        + " to derive " + name, row.line(), at));
                return Optional.empty();
            }
        }

        private String pointer(String text, String pointer, String name, String column,
                long at) {
            JsonNode node;
            try {
                node = CsKitJson.mapper().readTree(text);
            } catch (JsonProcessingException e) {
                problems.add(problem(column, text, "must hold JSON to read " + pointer
                        + " for " + name + " (" + e.getOriginalMessage() + ")", row.line(),
                        at));
                return null;
            }
            JsonNode value = node.at(pointer);
            if (value.isMissingNode() || value.isNull()) {
                return null;
            }
            return value.isValueNode() ? value.asText() : value.toString();
        }
    }

    /** Reads a non-blank text as a field's or an attribute's type. */
    @FunctionalInterface
    private interface Reader {
        Object read(String text);
    }
}
