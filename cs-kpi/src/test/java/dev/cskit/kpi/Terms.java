package dev.cskit.kpi;

import dev.cskit.core.BillingInterval;
import dev.cskit.core.CustomerId;
import dev.cskit.core.Money;
import dev.cskit.core.Subscription;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** Short ways to write subscription terms in tests: monthly USD plans on month boundaries. */
final class Terms {

    private Terms() {
    }

    /** @return the first instant of a month, UTC, such as {@code month("2024-01")} */
    static Instant month(String month) {
        return YearMonth.parse(month).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** @return the period of one UTC month */
    static Period period(String month) {
        return Period.ofMonth(YearMonth.parse(month), ZoneOffset.UTC);
    }

    /** @return a term of {@code dollars} a month from {@code from} until {@code to} (null: open) */
    static Subscription term(String id, String customer, long dollars, Instant from, Instant to) {
        return term(id, customer, Money.ofMinor(dollars * 100, "USD"), BillingInterval.MONTHLY,
                from, to);
    }

    /** @return a term with an explicit price per interval */
    static Subscription term(String id, String customer, Money price, BillingInterval interval,
            Instant from, Instant to) {
        Subscription.Builder builder = Subscription.builder();
        builder.id(id).customerId(CustomerId.of(customer)).plan("plan").unitPrice(price)
                .interval(interval).start(from);
        if (to != null) {
            builder.end(to);
        }
        return builder.build();
    }

    /** @return {@code dollars} as USD */
    static Money usd(long dollars) {
        return Money.ofMinor(dollars * 100, "USD");
    }
}
