package dev.cskit.kpi;

import dev.cskit.core.InvalidInputException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A set of durations (times to value, times in a stage) and their percentiles, in seconds.
 *
 * <p>Percentile method: linear interpolation between the closest ranks, Hyndman and Fan's
 * definition 7 (the default of R's {@code quantile} and NumPy's {@code percentile}). With the
 * {@code n} durations sorted as {@code x[0] <= ... <= x[n-1]} and {@code h = (n - 1) p / 100},
 * the {@code p}-th percentile is {@code x[floor(h)] + (h - floor(h)) (x[floor(h) + 1] -
 * x[floor(h)])}. So the 50th percentile of an even count is the mean of the middle two, the
 * 0th the minimum and the 100th the maximum. Values are exact decimals of seconds (to the
 * nanosecond of the inputs, then the interpolation's exact product).
 *
 * @param durations the durations, sorted ascending
 */
public record DurationSummary(List<Duration> durations) {

    /**
     * Sorts and copies the durations.
     *
     * @param durations the durations, in any order
     * @return the summary
     */
    public static DurationSummary of(Collection<Duration> durations) {
        List<Duration> sorted = new ArrayList<>(durations);
        sorted.sort(null);
        return new DurationSummary(List.copyOf(sorted));
    }

    /** @return how many durations */
    public int count() {
        return durations.size();
    }

    /**
     * Returns a percentile.
     *
     * @param percent from 0 to 100
     * @return the percentile in seconds, undefined when there are no durations
     * @throws InvalidInputException if {@code percent} is outside [0, 100]
     */
    public KpiValue percentile(BigDecimal percent) {
        if (percent == null || percent.signum() < 0
                || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidInputException("percent", percent, "must be from 0 to 100");
        }
        if (durations.isEmpty()) {
            return KpiValue.undefined("no durations");
        }
        BigDecimal h = BigDecimal.valueOf(durations.size() - 1).multiply(percent)
                .divide(BigDecimal.valueOf(100));
        int low = h.intValue();
        BigDecimal fraction = h.subtract(BigDecimal.valueOf(low));
        BigDecimal lowValue = seconds(durations.get(low));
        if (fraction.signum() == 0) {
            return KpiValue.of(lowValue);
        }
        BigDecimal highValue = seconds(durations.get(low + 1));
        return KpiValue.of(lowValue.add(fraction.multiply(highValue.subtract(lowValue))));
    }

    /** @return the 50th percentile in seconds */
    public KpiValue median() {
        return percentile(BigDecimal.valueOf(50));
    }

    /** @return the mean in seconds, undefined when there are no durations */
    public Ratio mean() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Duration duration : durations) {
            sum = sum.add(seconds(duration));
        }
        return Ratio.of(sum, BigDecimal.valueOf(durations.size()), "no durations");
    }

    private static BigDecimal seconds(Duration duration) {
        return BigDecimal.valueOf(duration.getSeconds())
                .add(BigDecimal.valueOf(duration.getNano(), 9));
    }
}
