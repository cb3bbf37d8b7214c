package dev.cskit.process;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts time the way a business does: only working hours of working days, skipping weekends
 * and holidays. An SLA level or timer marked {@code businessCalendar} is counted on the
 * runner's business calendar; every other delay is counted on the plain clock.
 *
 * <p>Implementations must be immutable and thread-safe, and pure: the same arguments always
 * give the same instant. {@link #ALWAYS_OPEN} treats every instant as working time.
 */
public interface BusinessCalendar {

    /** A calendar that is always open: working time is elapsed time, every day works. */
    BusinessCalendar ALWAYS_OPEN = new BusinessCalendar() {
        @Override
        public Instant plus(Instant start, Duration workingTime) {
            return start.plus(workingTime);
        }

        @Override
        public Instant plusWorkingDays(Instant start, int workingDays) {
            return start.plus(Duration.ofDays(workingDays));
        }

        @Override
        public String toString() {
            return "BusinessCalendar.ALWAYS_OPEN";
        }
    };

    /**
     * Returns the instant at which {@code workingTime} of working time has passed since
     * {@code start}. A start outside working hours counts from the next opening.
     *
     * @param start the instant to count from
     * @param workingTime the working time to add, positive
     * @return the instant the working time is used up
     */
    Instant plus(Instant start, Duration workingTime);

    /**
     * Returns the instant {@code workingDays} working days after {@code start}: the same time
     * of day on the working day that many working days later (a start outside working hours
     * counts from the next opening).
     *
     * @param start the instant to count from
     * @param workingDays the working days to add, positive
     * @return the later instant
     */
    Instant plusWorkingDays(Instant start, int workingDays);
}
