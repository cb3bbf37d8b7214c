package dev.cskit.core.internal.imports;

import dev.cskit.core.BillingInterval;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.LifecycleStage;
import dev.cskit.core.Money;
import dev.cskit.core.SurveyKind;
import dev.cskit.core.imports.ValueType;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads cell text as a field's type, with one mapping's currency, zone and date-time format.
 * Every failure is an {@link InvalidInputException} whose rule says what the text must be; the
 * caller replaces its field with the column and adds the location.
 */
public final class Values {

    /**
     * ISO-8601 dates and date-times, the offset optional and written {@code Z}, {@code +02:00}
     * or {@code +0200} (Salesforce writes {@code 2024-07-11T21:22:07.000+0000}).
     */
    static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final Pattern INTERVAL = Pattern.compile(
            "(?:(\\d{1,4})\\s*)?(WEEK|MONTH|QUARTER|YEAR)(?:S|LY)?", Pattern.CASE_INSENSITIVE);

    private final Optional<String> currency;
    private final ZoneId zone;
    private final DateTimeFormatter dateTimes;
    private final String dateTimeRule;

    /**
     * Creates a reader.
     *
     * @param currency the ISO 4217 code of money fields, if any
     * @param zone the zone of date-times without an offset
     * @param pattern the date-time pattern, or empty for ISO-8601
     */
    public Values(Optional<String> currency, ZoneId zone, Optional<String> pattern) {
        this.currency = currency;
        this.zone = zone;
        this.dateTimes = pattern.map(Values::formatter).orElse(ISO);
        this.dateTimeRule = rule(pattern);
    }

    /**
     * Compiles a date-time pattern leniently about {@code yyyy} (year of era, taken as the
     * current era) but strict about the calendar (no 30 February).
     *
     * @param pattern a {@link DateTimeFormatter} pattern
     * @return the formatter
     * @throws IllegalArgumentException if the pattern is invalid
     */
    public static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .parseDefaulting(ChronoField.ERA, 1)
                .toFormatter(Locale.ROOT)
                .withChronology(IsoChronology.INSTANCE)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /** @return the zone of date-times without an offset */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Reads text as a field type.
     *
     * @param type the type
     * @param text the text, not blank
     * @param pattern a date-time pattern for this field, or empty for the mapping's
     * @return the value: a String, Instant, LifecycleStage, Integer, BigDecimal, Money,
     *     BillingInterval or SurveyKind
     * @throws InvalidInputException if the text is not of the type
     */
    public Object read(FieldType type, String text, Optional<String> pattern) {
        switch (type) {
            case ID:
                return text.trim();
            case TEXT:
                return text;
            case INSTANT:
                return instant(text, pattern);
            case STAGE:
                return constant(LifecycleStage.class, text);
            case INTEGER:
                return integer(text);
            case DECIMAL:
                return decimal(text);
            case MONEY:
                return money(text);
            case INTERVAL:
                return interval(text);
            case SURVEY_KIND:
                return constant(SurveyKind.class, text);
            default:
                throw new AssertionError(type);
        }
    }

    /**
     * Reads an attribute's text and returns it in its normal form.
     *
     * @param type the attribute type
     * @param text the text, not blank
     * @param pattern a date-time pattern for this attribute, or empty for the mapping's
     * @return the normal form
     * @throws InvalidInputException if the text is not of the type
     */
    public String attribute(ValueType type, String text, Optional<String> pattern) {
        switch (type) {
            case TEXT:
                return text;
            case DECIMAL:
                return decimal(text).toPlainString();
            case INTEGER:
                return Long.toString(longValue(text));
            case INSTANT:
                return instant(text, pattern).toString();
            default:
                throw new AssertionError(type);
        }
    }

    /**
     * Reads a whole number of any size that fits a {@code long}.
     *
     * @param text the text
     * @return the number
     */
    public long longValue(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("value", text, "must be a whole number");
        }
    }

    private Instant instant(String text, Optional<String> pattern) {
        DateTimeFormatter formatter = pattern.map(Values::formatter).orElse(dateTimes);
        TemporalAccessor parsed;
        try {
            parsed = formatter.parseBest(text.trim(), ZonedDateTime::from, LocalDateTime::from,
                    LocalDate::from);
        } catch (DateTimeException e) {
            String rule = pattern.isPresent() ? rule(pattern) : dateTimeRule;
            throw new InvalidInputException("value", text, rule);
        }
        if (parsed instanceof ZonedDateTime) {
            return ((ZonedDateTime) parsed).toInstant();
        }
        if (parsed instanceof LocalDateTime) {
            return ((LocalDateTime) parsed).atZone(zone).toInstant();
        }
        return ((LocalDate) parsed).atStartOfDay(zone).toInstant();
    }

    private static String rule(Optional<String> pattern) {
        return pattern.map(p -> "must be a date-time of the pattern " + p)
                .orElse("must be an ISO-8601 date or date-time, such as 2024-07-11, "
                        + "2024-07-11T21:22:07Z or 2024-07-11T21:22:07.000+0000");
    }

    private static int integer(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("value", text, "must be a whole number");
        }
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("value", text, "must be a decimal number");
        }
    }

    private Money money(String text) {
        String code = currency.orElseThrow(() -> new InvalidInputException("currency", null,
                "is required for money fields"));
        try {
            return Money.parse(text.trim(), code);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("value", text, e.problems().get(0).rule());
        }
    }

    private static BillingInterval interval(String text) {
        Matcher matcher = INTERVAL.matcher(text.trim());
        if (!matcher.matches() || "0".equals(matcher.group(1))) {
            throw new InvalidInputException("value", text,
                    "must be a billing interval: WEEK, MONTH, QUARTER or YEAR, optionally"
                            + " preceded by a count, such as 2 YEAR");
        }
        int count = matcher.group(1) == null ? 1 : Integer.parseInt(matcher.group(1));
        BillingInterval.Unit unit = BillingInterval.Unit.valueOf(
                matcher.group(2).toUpperCase(Locale.ROOT));
        return BillingInterval.every(count, unit);
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("value", text,
                    "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
