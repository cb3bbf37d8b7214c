package dev.cskit.core.store;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Which open alerts to list: every filter is optional, and the ones given must all match.
 * Age is expressed as {@link #raisedBefore()}: "older than a day" is raised before now minus
 * a day.
 */
@Value.Immutable
public abstract class AlertQuery {

    /** @return only alerts of this process key */
    public abstract Optional<String> processKey();

    /** @return only alerts in this step */
    public abstract Optional<String> step();

    /** @return only alerts of this level */
    public abstract Optional<String> level();

    /** @return only alerts raised strictly before this instant */
    public abstract Optional<Instant> raisedBefore();

    /** @return the most to return; 1,000 unless set */
    @Value.Default
    public int limit() {
        return 1000;
    }

    /** @return a query that matches every open alert */
    public static AlertQuery all() {
        return builder().build();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link AlertQuery}. */
    public static final class Builder extends ImmutableAlertQuery.Builder {
    }
}
