package dev.cskit.benchmarks.kpi;

import dev.cskit.core.CustomerId;
import dev.cskit.core.Money;
import dev.cskit.core.Subscription;
import dev.cskit.kpi.ChurnPolicy;
import dev.cskit.kpi.Cohorts;
import dev.cskit.kpi.CustomerRetention;
import dev.cskit.kpi.MrrBridge;
import dev.cskit.kpi.Period;
import dev.cskit.kpi.Retention;
import dev.cskit.kpi.Revenue;
import dev.cskit.kpi.SubscriptionHistories;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * MRR movements, the MRR bridge, customer retention and the cohort matrix over 10,000,000
 * customer-months: 200,000 customers observed over 50 months, with seat changes, churn and
 * returns drawn from a fixed seed. Each operation covers every customer-month once, so rows
 * per second is {@code 10,000,000 / (seconds per operation)}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MrrBenchmark -f 1 -wi 2 -i 3 -prof
 * gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MrrBenchmark {

    /** Customers generated. */
    static final int CUSTOMERS = 200_000;
    /** Months observed. */
    static final int MONTHS = 50;

    private static final YearMonth FIRST = YearMonth.of(2020, 1);

    private List<Subscription> terms;
    private SubscriptionHistories histories;
    private List<Period> months;

    /** Generates the subscription histories, the same for every run. */
    @Setup(Level.Trial)
    public void generate() {
        months = Period.months(FIRST, MONTHS, ZoneOffset.UTC);
        terms = generateTerms(new SplittableRandom(20240601L));
        histories = SubscriptionHistories.of(terms);
    }

    static List<Subscription> generateTerms(SplittableRandom random) {
        List<Subscription> terms = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            CustomerId customer = CustomerId.of("c" + c);
            int month = random.nextInt(MONTHS / 2);
            int seats = 1 + random.nextInt(20);
            long price = 500 + 100L * random.nextInt(50);
            int life = 0;
            Instant start = instant(month, random);
            while (month < MONTHS) {
                month++;
                double draw = random.nextDouble();
                if (draw < 0.02) {
                    // Churn; one in three comes back a few months later on a new subscription.
                    terms.add(term(customer, c, life, seats, price, start, instant(month, random)));
                    life++;
                    if (random.nextInt(3) != 0) {
                        break;
                    }
                    month += 1 + random.nextInt(6);
                    start = instant(month, random);
                } else if (draw < 0.08) {
                    // Seats up or down mid-month: the term ends and the next one starts.
                    Instant change = instant(month, random);
                    terms.add(term(customer, c, life, seats, price, start, change));
                    seats = Math.max(1, seats + random.nextInt(7) - 3);
                    start = change;
                }
            }
            if (month >= MONTHS) {
                terms.add(term(customer, c, life, seats, price, start, null));
            }
        }
        return terms;
    }

    private static Instant instant(int month, SplittableRandom random) {
        return FIRST.plusMonths(month).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                .plusSeconds(random.nextInt(27 * 86_400));
    }

    private static Subscription term(CustomerId customer, int c, int life, int seats,
            long price, Instant start, Instant end) {
        Subscription.Builder builder = Subscription.builder();
        builder.id("s" + c + "-" + life).customerId(customer).plan("team").seats(seats)
                .unitPrice(Money.ofMinor(price, "USD")).start(start);
        if (end != null && end.isAfter(start)) {
            builder.end(end);
        } else if (end != null) {
            builder.end(start.plusSeconds(1));
        }
        return builder.build();
    }

    /**
     * Indexes the terms: currency check, overlap check and every customer's MRR timeline.
     *
     * @return the histories
     */
    @Benchmark
    public SubscriptionHistories index() {
        return SubscriptionHistories.of(terms);
    }

    /**
     * MRR movements and the bridge of each of the 50 months.
     *
     * @return the bridges
     */
    @Benchmark
    public List<MrrBridge> bridges() {
        return Revenue.bridges(histories, months, ChurnPolicy.STANDARD);
    }

    /**
     * Customer churn and retention of each of the 50 months.
     *
     * @return the results
     */
    @Benchmark
    public List<CustomerRetention> customerRetention() {
        return Retention.customers(histories, months, ChurnPolicy.STANDARD);
    }

    /**
     * Logo and revenue cohort matrices over the 50 months.
     *
     * @return the matrices
     */
    @Benchmark
    public Cohorts.CohortRetention cohortMatrix() {
        return Cohorts.retention(histories, FIRST, FIRST.plusMonths(MONTHS - 1), ZoneOffset.UTC,
                ChurnPolicy.STANDARD);
    }
}
