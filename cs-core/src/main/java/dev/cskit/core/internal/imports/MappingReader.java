package dev.cskit.core.internal.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cskit.core.CsKitJson;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.InvalidInputException.Location;
import dev.cskit.core.InvalidInputException.Problem;
import dev.cskit.core.TenantId;
import dev.cskit.core.imports.DerivedInstant;
import dev.cskit.core.imports.FieldRule;
import dev.cskit.core.imports.ImportFormat;
import dev.cskit.core.imports.ImportMapping;
import dev.cskit.core.imports.RecordKind;
import dev.cskit.core.imports.RecordMapping;
import dev.cskit.core.imports.UnreadableInputException;
import dev.cskit.core.imports.ValueType;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a mapping file (YAML or JSON) into an {@link ImportMapping}.
 *
 * <p>Scalars are read as the text written in the file, never as YAML booleans or numbers, so
 * that {@code Yes}, {@code No}, {@code 007} and {@code 1.50} arrive as written. Every problem
 * names its path in the file and the line and column where the offending key starts; the
 * structure is checked first, then the mapping's own rules ({@link MappingChecks}).
 */
public final class MappingReader {

    private static final Set<String> TOP_KEYS = Set.of("format", "separator", "tenant",
            "currency", "timeZone", "dateTimeFormat", "customer", "subscription", "event",
            "survey");
    private static final Set<String> RULE_KEYS = Set.of("column", "constant", "reference",
            "minus", "plus", "unit", "jsonPointer", "default", "translate", "format", "type");

    private final String source;
    private final Map<String, JsonLocation> locations = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private MappingReader(String source) {
        this.source = source;
    }

    /**
     * Reads a mapping file.
     *
     * @param file the file; JSON when its name ends in {@code .json}, else YAML
     * @return the mapping
     */
    public static ImportMapping read(Path file) {
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        try (InputStream in = Files.newInputStream(file)) {
            return new MappingReader(file.toString()).parse(in, json);
        } catch (IOException e) {
            throw new UnreadableInputException(file.toString(), e);
        }
    }

    /**
     * Reads a mapping from a stream, JSON when its first non-blank character is {@code {}.
     *
     * @param in the stream, not closed
     * @param source the name for messages
     * @return the mapping
     */
    public static ImportMapping read(InputStream in, String source) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(in);
            buffered.mark(4096);
            int c;
            int seen = 0;
            do {
                c = buffered.read();
                seen++;
            } while (c != -1 && seen < 4096 && (Character.isWhitespace(c) || c == 0xEF
                    || c == 0xBB || c == 0xBF));
            buffered.reset();
            return new MappingReader(source).parse(buffered, c == '{');
        } catch (IOException e) {
            throw new UnreadableInputException(source, e);
        }
    }

    private ImportMapping parse(InputStream in, boolean json) throws IOException {
        Node root;
        JsonFactory factory = json ? CsKitJson.mapper().getFactory() : new YAMLFactory();
        try (Reader reader = TextInput.utf8(in);
                JsonParser parser = factory.createParser(reader)) {
            if (parser.nextToken() == null) {
                throw invalid(List.of(new Problem("(mapping)", null, "is empty",
                        Optional.of(new Location(source, 1, 1)))));
            }
            root = tree(parser, "");
        } catch (JsonProcessingException e) {
            throw CsKitJson.invalid(e, source);
        }
        ImportMapping.Builder builder = ImportMapping.builder();
        Map<String, Node> top = object(root, "");
        if (top != null) {
            top(top, builder);
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        try {
            return builder.build();
        } catch (InvalidInputException e) {
            throw invalid(e.problems().stream().map(this::locate).collect(Collectors.toList()));
        }
    }

    private void top(Map<String, Node> top, ImportMapping.Builder builder) {
        for (Map.Entry<String, Node> entry : top.entrySet()) {
            String key = entry.getKey();
            Node node = entry.getValue();
            switch (key) {
                case "format":
                    scalar(node, key).ifPresent(v -> format(v, builder));
                    break;
                case "separator":
                    scalar(node, key).ifPresent(v -> separator(v, builder));
                    break;
                case "tenant":
                    scalar(node, key).ifPresent(v -> guard(key, v,
                            () -> builder.tenant(TenantId.of(v))));
                    break;
                case "currency":
                    scalar(node, key).ifPresent(builder::currency);
                    break;
                case "timeZone":
                    scalar(node, key).ifPresent(v -> zone(v, builder));
                    break;
                case "dateTimeFormat":
                    scalar(node, key).ifPresent(builder::dateTimeFormat);
                    break;
                default:
                    if (!TOP_KEYS.contains(key)) {
                        unknown(key, key, TOP_KEYS);
                        break;
                    }
                    RecordKind kind = RecordKind.valueOf(key.toUpperCase(Locale.ROOT));
                    Map<String, Node> fields = object(node, key);
                    if (fields != null) {
                        builder.putRecords(kind, record(fields, key));
                    }
            }
        }
    }

    private RecordMapping record(Map<String, Node> fields, String path) {
        RecordMapping.Builder record = RecordMapping.builder();
        for (Map.Entry<String, Node> entry : fields.entrySet()) {
            String fieldPath = path + "." + entry.getKey();
            if ("attributes".equals(entry.getKey())) {
                attributes(entry.getValue(), fieldPath, record);
            } else {
                rule(entry.getValue(), fieldPath).ifPresent(r -> record.putFields(
                        entry.getKey(), r));
            }
        }
        return record.build();
    }

    private void attributes(Node node, String path, RecordMapping.Builder record) {
        if (node.list != null) {
            for (int i = 0; i < node.list.size(); i++) {
                String itemPath = path + "[" + i + "]";
                scalar(node.list.get(i), itemPath).ifPresent(column -> record.putAttributes(
                        column, FieldRule.column(column)));
            }
            return;
        }
        Map<String, Node> byName = object(node, path);
        if (byName == null) {
            return;
        }
        for (Map.Entry<String, Node> entry : byName.entrySet()) {
            rule(entry.getValue(), path + "." + entry.getKey())
                    .ifPresent(r -> record.putAttributes(entry.getKey(), r));
        }
    }

    private Optional<FieldRule> rule(Node node, String path) {
        if (node.text != null) {
            if (node.text.isBlank()) {
                problem(path, node.text, "must name a column");
                return Optional.empty();
            }
            return Optional.of(FieldRule.column(node.text));
        }
        Map<String, Node> keys = object(node, path);
        if (keys == null) {
            return Optional.empty();
        }
        int before = problems.size();
        FieldRule.Builder rule = FieldRule.builder();
        for (Map.Entry<String, Node> entry : keys.entrySet()) {
            ruleKey(entry.getKey(), entry.getValue(), path + "." + entry.getKey(), rule);
        }
        derive(keys, path, rule);
        if (problems.size() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(rule.build());
        } catch (InvalidInputException e) {
            for (Problem p : e.problems()) {
                String field = "rule".equals(p.field()) ? path : path + "." + p.field();
                problem(field, p.value(), p.rule());
            }
            return Optional.empty();
        }
    }

    private void ruleKey(String key, Node node, String path, FieldRule.Builder rule) {
        switch (key) {
            case "column":
                scalar(node, path).ifPresent(rule::column);
                break;
            case "constant":
                scalar(node, path).ifPresent(rule::constant);
                break;
            case "jsonPointer":
                scalar(node, path).ifPresent(rule::jsonPointer);
                break;
            case "default":
                scalar(node, path).ifPresent(rule::defaultValue);
                break;
            case "format":
                scalar(node, path).ifPresent(rule::format);
                break;
            case "type":
                scalar(node, path).ifPresent(v -> guard(path, v, () -> rule.type(
                        ValueType.valueOf(v.trim().toUpperCase(Locale.ROOT)))));
                break;
            case "translate":
                Map<String, Node> translations = object(node, path);
                if (translations != null) {
                    translations.forEach((from, to) -> scalar(to, path + "." + from)
                            .ifPresent(v -> rule.putTranslate(from.trim(), v)));
                }
                break;
            case "reference":
            case "minus":
            case "plus":
            case "unit":
                break;
            default:
                unknown(path, key, RULE_KEYS);
        }
    }

    private void derive(Map<String, Node> keys, String path, FieldRule.Builder rule) {
        boolean any = keys.containsKey("reference") || keys.containsKey("minus")
                || keys.containsKey("plus") || keys.containsKey("unit");
        if (!any) {
            return;
        }
        if (!keys.containsKey("reference") || !keys.containsKey("unit")
                || keys.containsKey("minus") == keys.containsKey("plus")) {
            problem(path, null, "a derived instant needs reference, unit and exactly one of "
                    + "minus or plus (a column of whole numbers)");
            return;
        }
        Optional<String> reference = scalar(keys.get("reference"), path + ".reference");
        boolean subtract = keys.containsKey("minus");
        String amountKey = subtract ? "minus" : "plus";
        Optional<String> column = scalar(keys.get(amountKey), path + "." + amountKey);
        Optional<String> unit = scalar(keys.get("unit"), path + ".unit");
        if (reference.isEmpty() || column.isEmpty() || unit.isEmpty()) {
            return;
        }
        int before = problems.size();
        DerivedInstant.Builder derived = DerivedInstant.builder().subtract(subtract)
                .column(column.get());
        guard(path + ".reference", reference.get(), () -> derived.reference(
                Values.ISO.parse(reference.get().trim(), Instant::from)));
        guard(path + ".unit", unit.get(), () -> derived.unit(unit(unit.get())));
        try {
            rule.derive(derived.build());
        } catch (IllegalStateException | InvalidInputException e) {
            if (problems.size() == before) {
                problem(path + ".unit", unit.get(), "must be one of " + DerivedInstant.UNITS);
            }
        }
    }

    private static ChronoUnit unit(String text) {
        ChronoUnit unit = ChronoUnit.valueOf(text.trim().toUpperCase(Locale.ROOT));
        if (!DerivedInstant.UNITS.contains(unit)) {
            throw new IllegalArgumentException(text);
        }
        return unit;
    }

    private void format(String value, ImportMapping.Builder builder) {
        guard("format", value, () -> builder.format(
                ImportFormat.valueOf(value.trim().toUpperCase(Locale.ROOT))));
    }

    private void separator(String value, ImportMapping.Builder builder) {
        String unescaped = "\\t".equals(value) ? "\t" : value;
        if (unescaped.length() != 1) {
            problem("separator", value, "must be one character");
            return;
        }
        builder.separator(unescaped.charAt(0));
    }

    private void zone(String value, ImportMapping.Builder builder) {
        try {
            builder.timeZone(ZoneId.of(value.trim()));
        } catch (DateTimeException e) {
            problem("timeZone", value, "must be a zone id such as UTC or Europe/Paris");
        }
    }

    private void guard(String path, String value, Runnable step) {
        try {
            step.run();
        } catch (IllegalArgumentException | DateTimeException e) {
            problem(path, value, ruleFor(path));
        } catch (InvalidInputException e) {
            problem(path, value, e.problems().get(0).rule());
        }
    }

    private static String ruleFor(String path) {
        if (path.endsWith("format")) {
            return "must be one of csv, json";
        }
        if (path.endsWith("type")) {
            return "must be one of text, decimal, integer, instant";
        }
        if (path.endsWith("unit")) {
            return "must be one of days, weeks, months, years";
        }
        if (path.endsWith("reference")) {
            return "must be an ISO-8601 instant such as 2018-02-01T00:00:00Z";
        }
        return "is not valid";
    }

    private Optional<String> scalar(Node node, String path) {
        if (node.text == null) {
            problem(path, null, node.isNull ? "must have a value" : "must be a single value");
            return Optional.empty();
        }
        return Optional.of(node.text);
    }

    private Map<String, Node> object(Node node, String path) {
        if (node.fields == null) {
            problem(path.isEmpty() ? "(mapping)" : path, node.text,
                    "must be a map of keys to values");
            return null;
        }
        return node.fields;
    }

    private void unknown(String path, String key, Set<String> known) {
        problem(path, key, "is not a known key; known keys: "
                + known.stream().sorted().collect(Collectors.joining(", ")));
    }

    private void problem(String path, String value, String rule) {
        problems.add(locate(new Problem(path, value, rule, Optional.empty())));
    }

    private Problem locate(Problem problem) {
        JsonLocation where = null;
        String path = problem.field();
        while (where == null && !path.isEmpty()) {
            where = locations.get(path);
            int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
            path = cut < 0 ? "" : path.substring(0, cut);
        }
        Location location = where == null ? new Location(source, 0, 0)
                : new Location(source, where.getLineNr(), where.getColumnNr());
        return new Problem(problem.field(), problem.value(), problem.rule(),
                Optional.of(location));
    }

    private InvalidInputException invalid(List<Problem> found) {
        return new InvalidInputException(found);
    }

    /** A node of the mapping tree: a scalar's text, a map, a list, or null. */
    private static final class Node {
        String text;
        Map<String, Node> fields;
        List<Node> list;
        boolean isNull;
    }

    private Node tree(JsonParser parser, String path) throws IOException {
        Node node = new Node();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            node.fields = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                String keyPath = path.isEmpty() ? key : path + "." + key;
                locations.put(keyPath, parser.currentTokenLocation());
                parser.nextToken();
                if (node.fields.put(key, tree(parser, keyPath)) != null) {
                    problem(keyPath, key, "is given twice");
                }
            }
        } else if (token == JsonToken.START_ARRAY) {
            node.list = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                String itemPath = path + "[" + node.list.size() + "]";
                locations.put(itemPath, parser.currentTokenLocation());
                node.list.add(tree(parser, itemPath));
            }
        } else if (token == JsonToken.VALUE_NULL) {
            node.isNull = true;
        } else {
            node.text = parser.getText();
        }
        return node;
    }
}
