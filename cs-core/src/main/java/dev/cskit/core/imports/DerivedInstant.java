package dev.cskit.core.imports;

import dev.cskit.core.InvalidInputException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import org.immutables.value.Value;

/**
 * An instant computed from a reference instant and a whole number read from a column, such as
 * "the subscription started {@code tenure} months before the snapshot": in a mapping file,
 * {@code start: {reference: "2018-02-01T00:00:00Z", minus: tenure, unit: MONTHS}}.
 *
 * <p>Months and years are calendar units counted in the mapping's time zone (2018-03-31 minus
 * one month is 2018-02-28); days and weeks likewise follow the zone's calendar days.
 */
@Value.Immutable
public abstract class DerivedInstant {

    /** The units a derived instant may count in. */
    public static final Set<ChronoUnit> UNITS =
            EnumSet.of(ChronoUnit.DAYS, ChronoUnit.WEEKS, ChronoUnit.MONTHS, ChronoUnit.YEARS);

    /** @return the instant counted from */
    public abstract Instant reference();

    /** @return the column holding the whole number of units */
    public abstract String column();

    /** @return the unit: days, weeks, months or years */
    public abstract ChronoUnit unit();

    /** @return whether the amount is subtracted from the reference (else added) */
    public abstract boolean subtract();

    /**
     * Computes the instant for an amount.
     *
     * @param amount the number of units read from the column
     * @param zone the zone whose calendar counts months and days
     * @return the reference moved by the amount
     */
    public Instant apply(long amount, ZoneId zone) {
        long signed = subtract() ? -amount : amount;
        return reference().atZone(zone).plus(signed, unit()).toInstant();
    }

    @Value.Check
    void check() {
        if (!UNITS.contains(unit())) {
            throw new InvalidInputException("unit", unit(), "must be one of " + UNITS);
        }
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link DerivedInstant}; every attribute is required. */
    public static final class Builder extends ImmutableDerivedInstant.Builder {
    }
}
