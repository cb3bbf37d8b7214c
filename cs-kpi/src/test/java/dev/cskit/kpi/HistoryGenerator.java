package dev.cskit.kpi;

import dev.cskit.core.BillingInterval;
import dev.cskit.core.CustomerId;
import dev.cskit.core.Money;
import dev.cskit.core.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Generates subscription histories for property tests: a few customers, each with one to
 * three subscriptions of one to four terms, with gaps (churn and return), seat and price
 * changes, discounts and every billing interval, over January to August 2024.
 *
 * <p>Prices and discounts are multiples of 24 minor units, so every interval's monthly
 * normalisation is exact and scaling all money by a whole number scales every MRR exactly.
 * A history is a pure function of its seed, which QuickTheories prints on failure.
 */
final class HistoryGenerator {

    static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2024-09-01T00:00:00Z");

    private static final BillingInterval[] INTERVALS = {BillingInterval.MONTHLY,
        BillingInterval.WEEKLY, BillingInterval.QUARTERLY, BillingInterval.YEARLY,
        BillingInterval.every(2, BillingInterval.Unit.MONTH)};

    private HistoryGenerator() {
    }

    /** @return generated histories, by seed */
    static Gen<List<Subscription>> histories() {
        return SourceDSL.longs().all().map(seed -> generate(seed, 1));
    }

    /** @return a random instant in [FROM, TO), to the hour */
    static Instant instant(SplittableRandom random) {
        long hours = Duration.between(FROM, TO).toHours();
        return FROM.plus(Duration.ofHours(random.nextLong(hours)));
    }

    /**
     * Generates one history.
     *
     * @param seed the seed
     * @param moneyFactor every price and discount is multiplied by this
     * @return the terms
     */
    static List<Subscription> generate(long seed, long moneyFactor) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Subscription> terms = new ArrayList<>();
        int customers = 1 + random.nextInt(12);
        for (int c = 0; c < customers; c++) {
            int subscriptions = 1 + random.nextInt(3);
            for (int s = 0; s < subscriptions; s++) {
                addSubscription(terms, random, "c" + c, "c" + c + "-s" + s, moneyFactor);
            }
        }
        return terms;
    }

    private static void addSubscription(List<Subscription> terms, SplittableRandom random,
            String customer, String id, long moneyFactor) {
        int count = 1 + random.nextInt(4);
        List<Instant> bounds = new ArrayList<>();
        for (int i = 0; i <= count; i++) {
            bounds.add(instant(random));
        }
        Collections.sort(bounds);
        BillingInterval interval = INTERVALS[random.nextInt(INTERVALS.length)];
        for (int t = 0; t < count; t++) {
            Instant start = bounds.get(t);
            Instant end = bounds.get(t + 1);
            if (t > 0 && random.nextInt(3) == 0) {
                // A gap after the previous term: the subscription lapses and comes back.
                start = start.plus(Duration.between(start, end).dividedBy(2));
            }
            if (!end.isAfter(start)) {
                continue;
            }
            int seats = 1 + random.nextInt(5);
            long unit = 24L * (1 + random.nextInt(50));
            Subscription.Builder builder = Subscription.builder();
            builder.id(id).customerId(CustomerId.of(customer)).plan("p").seats(seats)
                    .unitPrice(Money.ofMinor(unit * moneyFactor, "USD")).interval(interval)
                    .start(start);
            if (random.nextInt(4) == 0) {
                long discount = 24L * random.nextLong(unit * seats / 24 + 1);
                builder.discount(Money.ofMinor(discount * moneyFactor, "USD"));
            }
            boolean last = t == count - 1;
            if (!last || random.nextBoolean()) {
                builder.end(end);
            }
            terms.add(builder.build());
        }
    }

    /** @return a random period inside the generated range, at least an hour long */
    static Gen<Period> periods() {
        return SourceDSL.longs().all().map(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            Instant a = instant(random);
            Instant b = instant(random);
            if (a.equals(b)) {
                b = a.plus(Duration.ofHours(1));
            }
            return a.isBefore(b) ? Period.of(a, b) : Period.of(b, a);
        });
    }
}
