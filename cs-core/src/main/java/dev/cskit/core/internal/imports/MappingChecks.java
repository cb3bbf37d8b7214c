package dev.cskit.core.internal.imports;

import dev.cskit.core.InvalidInputException;
import dev.cskit.core.InvalidInputException.Problem;
import dev.cskit.core.Money;
import dev.cskit.core.imports.FieldRule;
import dev.cskit.core.imports.ImportMapping;
import dev.cskit.core.imports.RecordKind;
import dev.cskit.core.imports.RecordMapping;
import dev.cskit.core.imports.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The checks of a whole {@link ImportMapping}: known fields, required fields, a currency for
 * money, and constants, defaults and translation targets readable as their field's type.
 * Each problem's field is the path in the mapping file, such as {@code subscription.interval}.
 */
public final class MappingChecks {

    private MappingChecks() {
    }

    /**
     * Checks a mapping.
     *
     * @param mapping the mapping
     * @return every problem found, empty when the mapping is valid
     */
    public static List<Problem> problems(ImportMapping mapping) {
        List<Problem> problems = new ArrayList<>();
        if (mapping.records().isEmpty()) {
            problems.add(Problem.of("(mapping)", null, "must make at least one record: "
                    + "customer, subscription, event or survey"));
        }
        char separator = mapping.separator();
        if (separator == '"' || separator == '\n' || separator == '\r') {
            problems.add(Problem.of("separator", separator,
                    "must not be a quote or a line break"));
        }
        mapping.dateTimeFormat().ifPresent(pattern -> checkPattern(pattern, problems));
        mapping.currency().ifPresent(code -> checkCurrency(code, problems));

        Values values = new Values(mapping.currency().filter(MappingChecks::isCurrency),
                mapping.timeZone(), mapping.dateTimeFormat().filter(MappingChecks::isPattern));
        for (Map.Entry<RecordKind, RecordMapping> entry : mapping.records().entrySet()) {
            checkRecord(entry.getKey(), entry.getValue(), mapping, values, problems);
        }
        return problems;
    }

    private static void checkRecord(RecordKind kind, RecordMapping record,
            ImportMapping mapping, Values values, List<Problem> problems) {
        Map<String, FieldCatalogue.Spec> specs = FieldCatalogue.fields(kind);
        for (FieldCatalogue.Spec spec : specs.values()) {
            if (spec.required() && !record.fields().containsKey(spec.name())) {
                problems.add(Problem.of(kind.key() + "." + spec.name(), null,
                        "is required for a " + kind.key()));
            }
        }
        for (Map.Entry<String, FieldRule> field : record.fields().entrySet()) {
            String path = kind.key() + "." + field.getKey();
            FieldCatalogue.Spec spec = specs.get(field.getKey());
            if (spec == null) {
                problems.add(Problem.of(path, field.getKey(), "is not a field of a "
                        + kind.key() + "; fields: " + String.join(", ", specs.keySet())));
                continue;
            }
            checkField(path, spec, field.getValue(), mapping, values, problems);
        }
        if (!record.attributes().isEmpty() && !FieldCatalogue.hasAttributes(kind)) {
            problems.add(Problem.of(kind.key() + ".attributes", null,
                    "apply to customers and events only"));
            return;
        }
        for (Map.Entry<String, FieldRule> attribute : record.attributes().entrySet()) {
            String path = kind.key() + ".attributes." + attribute.getKey();
            checkAttribute(path, attribute.getValue(), values, problems);
        }
    }

    private static void checkField(String path, FieldCatalogue.Spec spec, FieldRule rule,
            ImportMapping mapping, Values values, List<Problem> problems) {
        if (rule.type() != ValueType.TEXT) {
            problems.add(Problem.of(path + ".type", rule.type(),
                    "applies to attributes only; a field's type is fixed"));
        }
        if (rule.derive().isPresent() && spec.type() != FieldType.INSTANT) {
            problems.add(Problem.of(path + ".reference", rule.derive().get().reference(),
                    "applies to instant fields only"));
        }
        if (rule.format().isPresent() && spec.type() != FieldType.INSTANT) {
            problems.add(Problem.of(path + ".format", rule.format().get(),
                    "applies to instant fields only"));
        }
        if (spec.type() == FieldType.MONEY && mapping.currency().isEmpty()) {
            problems.add(Problem.of("currency", null,
                    "is required because " + path + " is money"));
            return;
        }
        Optional<String> pattern = rule.format().filter(MappingChecks::isPattern);
        readable(path + ".constant", rule.constant(), v -> values.read(spec.type(), v, pattern),
                problems);
        readable(path + ".default", rule.defaultValue(),
                v -> values.read(spec.type(), v, pattern), problems);
        for (Map.Entry<String, String> translation : rule.translate().entrySet()) {
            readable(path + ".translate." + translation.getKey(),
                    Optional.of(translation.getValue()),
                    v -> values.read(spec.type(), v, pattern), problems);
        }
    }

    private static void checkAttribute(String path, FieldRule rule, Values values,
            List<Problem> problems) {
        if (rule.derive().isPresent() && rule.type() != ValueType.INSTANT) {
            problems.add(Problem.of(path + ".reference", rule.derive().get().reference(),
                    "applies to attributes of type INSTANT only"));
        }
        Optional<String> pattern = rule.format().filter(MappingChecks::isPattern);
        readable(path + ".constant", rule.constant(),
                v -> values.attribute(rule.type(), v, pattern), problems);
        readable(path + ".default", rule.defaultValue(),
                v -> values.attribute(rule.type(), v, pattern), problems);
        for (Map.Entry<String, String> translation : rule.translate().entrySet()) {
            readable(path + ".translate." + translation.getKey(),
                    Optional.of(translation.getValue()),
                    v -> values.attribute(rule.type(), v, pattern), problems);
        }
    }

    private static void readable(String path, Optional<String> value,
            Function<String, Object> reader, List<Problem> problems) {
        if (value.isEmpty()) {
            return;
        }
        if (value.get().isBlank()) {
            problems.add(Problem.of(path, value.get(), "must not be blank"));
            return;
        }
        try {
            reader.apply(value.get());
        } catch (InvalidInputException e) {
            problems.addAll(e.problems().stream()
                    .map(p -> Problem.of(path, value.get(), p.rule()))
                    .collect(Collectors.toList()));
        }
    }

    private static void checkPattern(String pattern, List<Problem> problems) {
        if (!isPattern(pattern)) {
            problems.add(Problem.of("dateTimeFormat", pattern,
                    "must be a java.time DateTimeFormatter pattern"));
        }
    }

    private static void checkCurrency(String code, List<Problem> problems) {
        if (!isCurrency(code)) {
            problems.add(Problem.of("currency", code, "must be an ISO 4217 code"));
        }
    }

    private static boolean isPattern(String pattern) {
        try {
            Values.formatter(pattern);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isCurrency(String code) {
        try {
            Money.ofMinor(0, code);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }
}
