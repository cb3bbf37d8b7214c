package dev.cskit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.cskit.core.internal.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A customer of the company that runs cskit: who it is, what it buys, and where it stands in
 * its lifecycle, with the history of how it got there.
 *
 * <p>Guarantees, checked when built: the history is in time order, each change starts where
 * the one before it ended, each move is legal ({@link LifecycleStage#canMoveTo}) and the last
 * change ends in {@link #stage()}. Use {@link #moveTo} to change the stage; it keeps those
 * guarantees.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCustomer.class)
@JsonDeserialize(as = ImmutableCustomer.class)
public abstract class Customer {

    /** @return the tenant; {@link TenantId#DEFAULT} unless set */
    @Value.Default
    public TenantId tenant() {
        return TenantId.DEFAULT;
    }

    /** @return the customer's id */
    public abstract CustomerId id();

    /** @return the customer's display name */
    public abstract String name();

    /** @return the plan the customer is on, when known */
    public abstract Optional<String> plan();

    /** @return the segment (SMB, enterprise, a region), when known */
    public abstract Optional<String> segment();

    /** @return since when it is a customer (signup), when known; cohorts are built on it */
    public abstract Optional<Instant> customerSince();

    /** @return free-form attributes, such as fields of the CRM record; empty by default */
    public abstract Map<String, String> attributes();

    /** @return the current lifecycle stage; {@link LifecycleStage#ONBOARDING} unless set */
    @Value.Default
    public LifecycleStage stage() {
        return LifecycleStage.ONBOARDING;
    }

    /** @return the stage changes, oldest first; empty by default */
    public abstract List<StageChange> history();

    /**
     * Returns this customer moved to another stage, with the change appended to its history.
     *
     * @param to the stage to enter
     * @param at when; not before the last change
     * @param reason why, or {@code null}
     * @return the moved customer
     * @throws IllegalStageChangeException if the lifecycle does not allow the move
     * @throws InvalidInputException if {@code at} is before the last change
     */
    public Customer moveTo(LifecycleStage to, Instant at, String reason) {
        if (!stage().canMoveTo(to)) {
            throw new IllegalStageChangeException(id(), stage(), to);
        }
        return builder().copyFrom(this).stage(to)
                .addHistory(StageChange.of(stage(), to, at, reason)).build();
    }

    @Value.Check
    void check() {
        Checks.notBlank("name", name());
        LifecycleStage expected = null;
        Instant last = Instant.MIN;
        for (int i = 0; i < history().size(); i++) {
            StageChange change = history().get(i);
            String field = "history[" + i + "]";
            if (expected != null && change.from() != expected) {
                throw new InvalidInputException(field + ".from", change.from(),
                        "must be " + expected + ", where the change before it ended");
            }
            if (!change.from().canMoveTo(change.to())) {
                throw new IllegalStageChangeException(id(), change.from(), change.to());
            }
            if (change.at().isBefore(last)) {
                throw new InvalidInputException(field + ".at", change.at(),
                        "must not be before the change before it (" + last + ")");
            }
            expected = change.to();
            last = change.at();
        }
        if (expected != null && expected != stage()) {
            throw new InvalidInputException("stage", stage(),
                    "must be " + expected + ", where the last change of the history ended");
        }
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Customer}; id and name are required. */
    public static final class Builder extends ImmutableCustomer.Builder {
    }
}
