package dev.cskit.core.internal.imports;

import dev.cskit.core.imports.RecordKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fields a mapping may fill for each record kind, their types and which are required. */
public final class FieldCatalogue {

    /**
     * One field of a record kind.
     *
     * @param name the field name in a mapping file
     * @param type the type its value is read as
     * @param required whether a mapping must fill it
     */
    public record Spec(String name, FieldType type, boolean required) {
    }

    private static final Map<RecordKind, Map<String, Spec>> FIELDS = new EnumMap<>(
            RecordKind.class);

    static {
        FIELDS.put(RecordKind.CUSTOMER, fields(
                new Spec("id", FieldType.ID, true),
                new Spec("name", FieldType.TEXT, true),
                new Spec("plan", FieldType.TEXT, false),
                new Spec("segment", FieldType.TEXT, false),
                new Spec("customerSince", FieldType.INSTANT, false),
                new Spec("stage", FieldType.STAGE, false)));
        FIELDS.put(RecordKind.SUBSCRIPTION, fields(
                new Spec("id", FieldType.ID, true),
                new Spec("customerId", FieldType.ID, true),
                new Spec("plan", FieldType.TEXT, true),
                new Spec("seats", FieldType.INTEGER, false),
                new Spec("unitPrice", FieldType.MONEY, true),
                new Spec("interval", FieldType.INTERVAL, false),
                new Spec("discount", FieldType.MONEY, false),
                new Spec("start", FieldType.INSTANT, true),
                new Spec("end", FieldType.INSTANT, false),
                new Spec("cancellationReason", FieldType.TEXT, false)));
        FIELDS.put(RecordKind.EVENT, fields(
                new Spec("id", FieldType.ID, true),
                new Spec("type", FieldType.TEXT, true),
                new Spec("customerId", FieldType.ID, true),
                new Spec("occurredAt", FieldType.INSTANT, true)));
        FIELDS.put(RecordKind.SURVEY, fields(
                new Spec("id", FieldType.ID, true),
                new Spec("customerId", FieldType.ID, true),
                new Spec("kind", FieldType.SURVEY_KIND, true),
                new Spec("score", FieldType.DECIMAL, true),
                new Spec("answeredAt", FieldType.INSTANT, true),
                new Spec("comment", FieldType.TEXT, false)));
    }

    private FieldCatalogue() {
    }

    /**
     * Returns the fields of a kind.
     *
     * @param kind the record kind
     * @return its fields by name, in declaration order
     */
    public static Map<String, Spec> fields(RecordKind kind) {
        return FIELDS.get(kind);
    }

    /**
     * Tells whether a kind carries free-form attributes.
     *
     * @param kind the record kind
     * @return whether a mapping may fill attributes for it
     */
    public static boolean hasAttributes(RecordKind kind) {
        return kind == RecordKind.CUSTOMER || kind == RecordKind.EVENT;
    }

    private static Map<String, Spec> fields(Spec... specs) {
        Map<String, Spec> byName = new LinkedHashMap<>();
        for (Spec spec : specs) {
            byName.put(spec.name(), spec);
        }
        return Collections.unmodifiableMap(byName);
    }
}
