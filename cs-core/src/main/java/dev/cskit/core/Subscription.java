package dev.cskit.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.cskit.core.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One term of what a customer pays for: a plan, a number of seats, a price per seat per
 * billing interval, from a start to an optional end.
 *
 * <p>A subscription's life is a series of terms sharing an {@link #id()}: when the seats or the
 * price change at an instant, the current term ends there and a new one starts. A term is
 * identified by its id and its start. A term covers the half-open range
 * {@code [start, end)}.
 *
 * <p>Monthly recurring revenue ({@link #mrr()}) is the price of one interval,
 * {@code unitPrice x seats - discount}, normalised to a month by the interval's rule (weekly
 * x 52 / 12, quarterly / 3, yearly / 12, every N intervals divided by N; see
 * {@link BillingInterval}), rounded half to even to a minor unit once.
 *
 * <p>Guarantees, checked when built: at least one seat, a non-negative price, a discount in
 * the price's currency no larger than the price, an end after the start.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSubscription.class)
@JsonDeserialize(as = ImmutableSubscription.class)
public abstract class Subscription {

    /** @return the tenant; {@link TenantId#DEFAULT} unless set */
    @Value.Default
    public TenantId tenant() {
        return TenantId.DEFAULT;
    }

    /** @return the subscription's id, shared by all its terms */
    public abstract String id();

    /** @return the customer who pays */
    public abstract CustomerId customerId();

    /** @return the plan's name */
    public abstract String plan();

    /** @return the number of seats or units; 1 unless set */
    @Value.Default
    public int seats() {
        return 1;
    }

    /** @return the price of one seat for one billing interval */
    public abstract Money unitPrice();

    /** @return the billing interval; monthly unless set */
    @Value.Default
    public BillingInterval interval() {
        return BillingInterval.MONTHLY;
    }

    /** @return a discount off the price of one interval (all seats), when there is one */
    public abstract Optional<Money> discount();

    /** @return when the term starts, inclusive */
    public abstract Instant start();

    /** @return when the term ends, exclusive; empty while it runs */
    public abstract Optional<Instant> end();

    /** @return why the subscription was cancelled, when it was */
    public abstract Optional<String> cancellationReason();

    /** @return the price of one interval before the discount: unit price x seats */
    @JsonIgnore
    public Money listPricePerInterval() {
        return unitPrice().times(seats());
    }

    /** @return the price of one interval after the discount */
    @JsonIgnore
    public Money pricePerInterval() {
        Money list = listPricePerInterval();
        return discount().map(list::minus).orElse(list);
    }

    /** @return the monthly recurring revenue of this term, after the discount */
    @JsonIgnore
    public Money mrr() {
        return interval().monthly(pricePerInterval());
    }

    /** @return the monthly recurring revenue before the discount */
    @JsonIgnore
    public Money listMrr() {
        return interval().monthly(listPricePerInterval());
    }

    /**
     * Tells whether the term runs at an instant.
     *
     * @param at the instant
     * @return whether {@code start <= at < end}
     */
    public boolean isActiveAt(Instant at) {
        return !at.isBefore(start()) && end().map(at::isBefore).orElse(true);
    }

    @Value.Check
    void check() {
        Ids.require("subscription.id", id());
        Checks.notBlank("subscription.plan", plan());
        if (seats() < 1) {
            throw new InvalidInputException("subscription.seats", seats(), "must be at least 1");
        }
        if (unitPrice().signum() < 0) {
            throw new InvalidInputException("subscription.unitPrice", unitPrice(),
                    "must not be negative");
        }
        if (discount().isPresent()) {
            Money discount = discount().get();
            if (!discount.currency().equals(unitPrice().currency())) {
                throw new InvalidInputException("subscription.discount", discount,
                        "must be in " + unitPrice().currencyCode() + ", the price's currency");
            }
            if (discount.signum() < 0 || discount.compareTo(listPricePerInterval()) > 0) {
                throw new InvalidInputException("subscription.discount", discount,
                        "must be between 0 and the price " + listPricePerInterval());
            }
        }
        if (end().isPresent() && !end().get().isAfter(start())) {
            throw new InvalidInputException("subscription.end", end().get(),
                    "must be after the start " + start());
        }
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Subscription}; id, customer, plan, unit price and start are required. */
    public static final class Builder extends ImmutableSubscription.Builder {
    }
}
