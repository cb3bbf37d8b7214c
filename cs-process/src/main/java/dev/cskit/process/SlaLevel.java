package dev.cskit.process;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Locale;
import org.immutables.value.Value;

/**
 * One level of a step's service level: after how long in the step an alert of that level is
 * raised. The alert is raised once per stay in the step and cleared when the customer leaves
 * it.
 *
 * <p>In JSON: {@code {"level": "warn", "after": "P2D", "businessCalendar": true}}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSlaLevel.class)
@JsonDeserialize(as = ImmutableSlaLevel.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class SlaLevel {

    /** The levels, in rising severity. */
    public enum Level {
        /** Getting late: worth a look. */
        @JsonProperty("warn") WARN,
        /** The promised time is over. */
        @JsonProperty("breach") BREACH,
        /** Late enough to involve someone higher up. */
        @JsonProperty("escalate") ESCALATE;

        /** @return the level's name as alerts carry it: {@code warn}, {@code breach}, ... */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** @return the level */
    public abstract Level level();

    /** @return how long after entering the step it falls due */
    public abstract Delay after();

    /** @return whether {@link #after()} counts on the business calendar; false unless set */
    @Value.Default
    public boolean businessCalendar() {
        return false;
    }

    /**
     * @param level the level
     * @param after the delay on the plain clock
     * @return the SLA level
     */
    public static SlaLevel of(Level level, Delay after) {
        return builder().level(level).after(after).build();
    }

    /**
     * @param level the level
     * @param after the working time on the business calendar
     * @return the SLA level
     */
    public static SlaLevel business(Level level, Delay after) {
        return builder().level(level).after(after).businessCalendar(true).build();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link SlaLevel}; level and delay are required. */
    public static final class Builder extends ImmutableSlaLevel.Builder {
    }
}
