package dev.cskit.core;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money: a whole number of the currency's minor units (cents for USD, yen for
 * JPY) plus an ISO 4217 currency. Never a floating-point number.
 *
 * <p>Arithmetic between two amounts refuses to mix currencies: {@code plus}, {@code minus} and
 * {@code compareTo} throw {@link InvalidInputException} when the currencies differ. Overflow of
 * the minor-unit count throws {@link ArithmeticException}. In JSON an amount is written as
 * {@code {"amount": "12.34", "currency": "USD"}}: a decimal string in major units, never a JSON
 * number, so no reader turns it into a double.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class Money implements Comparable<Money> {

    private final long minor;
    private final Currency currency;

    private Money(long minor, Currency currency) {
        this.minor = minor;
        this.currency = currency;
    }

    /**
     * Returns an amount in minor units.
     *
     * @param minor the amount in the currency's minor units
     * @param currency the ISO 4217 code, such as {@code "EUR"}
     * @return the amount
     * @throws InvalidInputException if the currency code is not ISO 4217
     */
    public static Money ofMinor(long minor, String currency) {
        return new Money(minor, currency(currency));
    }

    /**
     * Returns an amount in minor units.
     *
     * @param minor the amount in the currency's minor units
     * @param currency the currency
     * @return the amount
     */
    public static Money ofMinor(long minor, Currency currency) {
        return new Money(minor, Objects.requireNonNull(currency, "currency"));
    }

    /**
     * Returns the zero amount of a currency.
     *
     * @param currency the currency
     * @return zero in that currency
     */
    public static Money zero(Currency currency) {
        return ofMinor(0, currency);
    }

    /**
     * Parses an amount in major units, such as {@code "12.34"}.
     *
     * @param amount the decimal amount; at most as many decimals as the currency has
     * @param currency the ISO 4217 code
     * @return the amount
     * @throws InvalidInputException if the text is not a number, has more decimals than the
     *     currency, or the currency is unknown
     */
    public static Money parse(String amount, String currency) {
        BigDecimal major;
        try {
            major = new BigDecimal(Objects.requireNonNull(amount, "amount").trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("amount", amount, "must be a decimal number");
        }
        return of(major, currency(currency));
    }

    /**
     * Returns an amount in major units.
     *
     * @param major the decimal amount; at most as many decimals as the currency has
     * @param currency the currency
     * @return the amount
     * @throws InvalidInputException if the amount has more decimals than the currency allows
     *     or does not fit in a {@code long} of minor units
     */
    public static Money of(BigDecimal major, Currency currency) {
        int digits = digits(currency);
        try {
            long minor = major.setScale(digits, RoundingMode.UNNECESSARY)
                    .movePointRight(digits).longValueExact();
            return new Money(minor, currency);
        } catch (ArithmeticException e) {
            throw new InvalidInputException("amount", major.toPlainString(),
                    "must have at most " + digits + " decimals for " + currency
                            + " and fit in 64-bit minor units");
        }
    }

    @JsonCreator
    static Money fromJson(@JsonProperty("amount") String amount,
            @JsonProperty("currency") String currency) {
        if (amount == null) {
            throw new InvalidInputException("amount", null, "is required");
        }
        return parse(amount, currency);
    }

    /** @return the amount in the currency's minor units */
    public long minor() {
        return minor;
    }

    /** @return the currency */
    public Currency currency() {
        return currency;
    }

    /** @return the ISO 4217 currency code, as written in JSON */
    @JsonProperty("currency")
    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    /** @return the amount in major units, exact, as written in JSON */
    @JsonProperty("amount")
    public String amountText() {
        return toBigDecimal().toPlainString();
    }

    /** @return the amount in major units, exact */
    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(minor, digits(currency));
    }

    /**
     * Adds an amount of the same currency.
     *
     * @param other the amount to add
     * @return the sum
     * @throws InvalidInputException if the currencies differ
     */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    /**
     * Subtracts an amount of the same currency.
     *
     * @param other the amount to subtract
     * @return the difference
     * @throws InvalidInputException if the currencies differ
     */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    /**
     * Multiplies by a whole number.
     *
     * @param factor the factor
     * @return the product
     */
    public Money times(long factor) {
        return new Money(Math.multiplyExact(minor, factor), currency);
    }

    /**
     * Multiplies by {@code numerator / denominator}, rounding half to even to a minor unit.
     *
     * @param numerator the numerator
     * @param denominator the denominator, positive
     * @return the scaled amount
     */
    public Money scale(long numerator, long denominator) {
        if (denominator <= 0) {
            throw new InvalidInputException("denominator", denominator, "must be positive");
        }
        BigDecimal exact = BigDecimal.valueOf(minor).multiply(BigDecimal.valueOf(numerator))
                .divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_EVEN);
        return new Money(exact.longValueExact(), currency);
    }

    /** @return this amount with the opposite sign */
    public Money negate() {
        return new Money(Math.negateExact(minor), currency);
    }

    /** @return -1, 0 or 1 as the amount is negative, zero or positive */
    public int signum() {
        return Long.signum(minor);
    }

    /** @return whether the amount is zero */
    public boolean isZero() {
        return minor == 0;
    }

    /**
     * Compares two amounts of the same currency.
     *
     * @throws InvalidInputException if the currencies differ
     */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Money && ((Money) other).minor == minor
                && ((Money) other).currency.equals(currency);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(minor) * 31 + currency.hashCode();
    }

    /** @return the amount as {@code "12.34 USD"} */
    @Override
    public String toString() {
        return amountText() + " " + currencyCode();
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new InvalidInputException("currency", other.currencyCode(),
                    "must be " + currencyCode() + ": amounts of different currencies do not mix"
                            + " without an explicit conversion");
        }
    }

    private static int digits(Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(Objects.requireNonNull(code, "currency"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("currency", code, "must be an ISO 4217 code");
        }
    }
}
