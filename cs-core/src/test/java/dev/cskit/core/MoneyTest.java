package dev.cskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void parse_usesTheCurrencysMinorUnits() {
        assertThat(Money.parse("12.34", "USD").minor()).isEqualTo(1234);
        assertThat(Money.parse("1200", "JPY").minor()).isEqualTo(1200);
        assertThat(Money.parse("1.234", "BHD").minor()).isEqualTo(1234);
        assertThat(Money.parse("-0.5", "EUR").minor()).isEqualTo(-50);
    }

    @Test
    void parse_refusesMoreDecimalsThanTheCurrencyHas() {
        assertThatThrownBy(() -> Money.parse("12.345", "USD"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("12.345")
                .hasMessageContaining("at most 2 decimals");
        assertThatThrownBy(() -> Money.parse("1.5", "JPY"))
                .hasMessageContaining("at most 0 decimals");
    }

    @Test
    void parse_refusesTextAndUnknownCurrencies() {
        assertThatThrownBy(() -> Money.parse("ten", "USD"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("amount = 'ten'");
        assertThatThrownBy(() -> Money.parse("10", "XYZ1"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("currency = 'XYZ1'")
                .hasMessageContaining("ISO 4217");
    }

    @Test
    void plus_refusesToMixCurrencies() {
        Money dollars = Money.ofMinor(100, "USD");
        Money euros = Money.ofMinor(100, "EUR");
        assertThatThrownBy(() -> dollars.plus(euros))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("EUR")
                .hasMessageContaining("must be USD");
        assertThatThrownBy(() -> dollars.minus(euros)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> dollars.compareTo(euros))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void arithmetic_isExactInMinorUnits() {
        Money a = Money.parse("0.10", "USD");
        Money b = Money.parse("0.20", "USD");
        assertThat(a.plus(b)).isEqualTo(Money.parse("0.30", "USD"));
        assertThat(b.minus(a).times(3)).isEqualTo(Money.parse("0.30", "USD"));
        assertThat(a.negate().signum()).isEqualTo(-1);
        assertThat(Money.ofMinor(Long.MAX_VALUE, "USD").toBigDecimal())
                .isEqualTo(new BigDecimal("92233720368547758.07"));
    }

    @Test
    void times_throwsOnOverflow() {
        assertThatThrownBy(() -> Money.ofMinor(Long.MAX_VALUE, "USD").times(2))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void scale_roundsHalfToEven() {
        // 0.25 x 1/2 = 0.125 -> 0.12 (even); 0.35 x 1/2 = 0.175 -> 0.18 (even)
        assertThat(Money.parse("0.25", "USD").scale(1, 2)).isEqualTo(Money.parse("0.12", "USD"));
        assertThat(Money.parse("0.35", "USD").scale(1, 2)).isEqualTo(Money.parse("0.18", "USD"));
    }

    @Test
    void json_isADecimalStringAndACurrency() {
        assertThat(CsKitJson.write(Money.parse("12.30", "EUR")))
                .isEqualTo("{\"amount\":\"12.30\",\"currency\":\"EUR\"}");
        assertThat(CsKitJson.read("{\"amount\":\"7\",\"currency\":\"JPY\"}", Money.class))
                .isEqualTo(Money.ofMinor(7, "JPY"));
    }

    @Test
    void json_refusesUnknownPropertiesByName() {
        assertThatThrownBy(() -> CsKitJson.read(
                "{\"amount\":\"1.00\",\"currency\":\"USD\",\"cents\":100}", Money.class))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'cents'")
                .hasMessageContaining("is not a property of Money");
    }
}
