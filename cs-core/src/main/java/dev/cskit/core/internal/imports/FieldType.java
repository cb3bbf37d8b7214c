package dev.cskit.core.internal.imports;

/** The type a record field's value is read as. */
public enum FieldType {
    /** An identifier, trimmed. */
    ID,
    /** Text, kept as it is. */
    TEXT,
    /** An instant. */
    INSTANT,
    /** A {@link dev.cskit.core.LifecycleStage} name. */
    STAGE,
    /** A whole number that fits an {@code int}. */
    INTEGER,
    /** A decimal number. */
    DECIMAL,
    /** An amount in the mapping's currency. */
    MONEY,
    /** A billing interval: {@code MONTH}, {@code 2 YEAR}, ... */
    INTERVAL,
    /** A {@link dev.cskit.core.SurveyKind} name. */
    SURVEY_KIND
}
