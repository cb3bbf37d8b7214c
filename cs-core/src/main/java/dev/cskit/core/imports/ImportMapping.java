package dev.cskit.core.imports;

import dev.cskit.core.InvalidInputException;
import dev.cskit.core.TenantId;
import dev.cskit.core.internal.imports.MappingChecks;
import dev.cskit.core.internal.imports.MappingReader;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A declarative description of how an export from another system becomes cskit records: which
 * records each row makes, column to field, constants, date-time format and zone, value
 * translations, defaults for blank cells, the currency and the free-form attributes.
 *
 * <p>A mapping file is YAML or JSON. The Telco churn file, for instance, makes a customer and
 * a subscription per row:
 * <pre>
 * format: csv
 * currency: USD
 * customer:
 *   id: customerID
 *   name: customerID
 *   stage: {column: Churn, translate: {"Yes": CHURNED, "No": ACTIVE}}
 *   attributes: [gender, SeniorCitizen]
 * subscription:
 *   id: customerID
 *   customerId: customerID
 *   plan: Contract
 *   unitPrice: MonthlyCharges
 *   start: {reference: "2018-02-01T00:00:00Z", minus: tenure, unit: MONTHS}
 * </pre>
 * Top-level keys: {@code format} ({@code csv} or {@code json}), {@code separator} (one
 * character, CSV only), {@code tenant}, {@code currency} (ISO 4217, required when a money field
 * is mapped), {@code timeZone} (for date-times without an offset; UTC unless set),
 * {@code dateTimeFormat} (a {@link java.time.format.DateTimeFormatter} pattern; unless set,
 * ISO-8601 dates and date-times with an optional offset written {@code Z}, {@code +02:00} or
 * {@code +0200}), and one key per {@link RecordKind}. Under a record kind each key is a field
 * (see {@link RecordKind}) with a {@link FieldRule}, and {@code attributes} is either a list of
 * columns (kept under their own names) or a map of attribute name to rule. Unknown keys are
 * rejected with their name and path.
 *
 * <p>Guarantees, checked when built: at least one record kind; every field known for its
 * kind; every required field mapped; constants, defaults and translation targets valid for
 * their field; a currency when money is mapped; attributes only on customers and events.
 * All problems are reported at once, each with its path ({@code subscription.interval}).
 */
@Value.Immutable
public abstract class ImportMapping {

    /** @return the input format; {@link ImportFormat#CSV} unless set */
    @Value.Default
    public ImportFormat format() {
        return ImportFormat.CSV;
    }

    /** @return the CSV separator; a comma unless set */
    @Value.Default
    public char separator() {
        return ',';
    }

    /** @return the tenant of every imported record; {@link TenantId#DEFAULT} unless set */
    @Value.Default
    public TenantId tenant() {
        return TenantId.DEFAULT;
    }

    /** @return the ISO 4217 currency of money fields, when money is mapped */
    public abstract Optional<String> currency();

    /** @return the zone of date-times written without an offset; UTC unless set */
    @Value.Default
    public ZoneId timeZone() {
        return ZoneOffset.UTC;
    }

    /** @return the date-time pattern of instant fields, if not ISO-8601 */
    public abstract Optional<String> dateTimeFormat();

    /** @return the records each row makes, by kind, in the order of the mapping */
    public abstract Map<RecordKind, RecordMapping> records();

    /**
     * Reads a mapping file: JSON when the name ends in {@code .json}, otherwise YAML.
     *
     * @param file the mapping file
     * @return the mapping
     * @throws InvalidInputException naming every problem of the mapping, with its path
     * @throws dev.cskit.core.CsKitException if the file cannot be read
     */
    public static ImportMapping read(Path file) {
        return MappingReader.read(file);
    }

    /**
     * Reads a mapping from a stream of JSON (when it starts with {@code {}) or YAML text.
     *
     * @param in the mapping text, UTF-8; not closed
     * @return the mapping
     * @throws InvalidInputException naming every problem of the mapping, with its path
     * @throws dev.cskit.core.CsKitException if the stream cannot be read
     */
    public static ImportMapping read(InputStream in) {
        return MappingReader.read(in, "mapping");
    }

    @Value.Check
    void check() {
        List<InvalidInputException.Problem> problems = MappingChecks.problems(this);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link ImportMapping}; at least one record kind is required. */
    public static final class Builder extends ImmutableImportMapping.Builder {
    }
}
