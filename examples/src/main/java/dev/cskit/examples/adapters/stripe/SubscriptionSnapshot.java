package dev.cskit.examples.adapters.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cskit.core.BillingInterval;
import dev.cskit.core.CustomerId;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.Money;
import dev.cskit.core.Subscription;
import dev.cskit.core.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a Stripe subscription object says about the subscription at the time of its event:
 * the commercial terms (price, interval, seats) and whether and why it ended.
 *
 * <p>The price is read from the single subscription item ({@code items.data[0].price}, or its
 * older {@code plan}), else from the subscription's own {@code plan} or {@code price}. The
 * interval comes from {@code recurring.interval} and {@code recurring.interval_count}, or from
 * {@code interval} and {@code interval_count} on older plan-shaped prices; the amount from
 * {@code unit_amount}, {@code unit_amount_decimal} or {@code amount}, in minor units.
 */
record SubscriptionSnapshot(String id, String customer, String status, String priceId,
        String plan, int seats, Money unitPrice, BillingInterval interval, Instant start,
        Optional<Instant> endedAt, Optional<String> cancellationReason) {

    /**
     * Reads a subscription object.
     *
     * @throws InvalidInputException naming the path of the first missing or malformed field
     */
    static SubscriptionSnapshot read(Payload object) {
        String id = object.text("id");
        String customer = customer(object);
        String status = object.optionalText("status").orElse("active");

        Payload item = item(object);
        Payload price = price(item);
        String priceId = price.text("id");
        String plan = price.optionalText("nickname").orElse(priceId);
        Money unitPrice = Money.ofMinor(amount(price),
                price.text("currency").toUpperCase(Locale.ROOT));
        BillingInterval interval = interval(price);

        long quantity = item.optionalWhole("quantity").orElse(1);
        if (quantity < 1 || quantity > Integer.MAX_VALUE) {
            throw new InvalidInputException(item.path("quantity"), quantity,
                    "must be a whole number of seats, at least 1");
        }

        Instant start = object.optionalInstant("start_date")
                .or(() -> object.optionalInstant("start"))
                .orElseGet(() -> object.instant("created"));
        Optional<Instant> endedAt = object.optionalInstant("ended_at");
        if (endedAt.isEmpty() && ("canceled".equals(status)
                || "incomplete_expired".equals(status))) {
            endedAt = object.optionalInstant("canceled_at");
        }
        return new SubscriptionSnapshot(id, customer, status, priceId, plan, (int) quantity,
                unitPrice, interval, start, endedAt, cancellationReason(object));
    }

    /** Tells whether a term has the same commercial terms: plan, seats, price, interval. */
    boolean sameTermsAs(Subscription term) {
        return term.plan().equals(plan) && term.seats() == seats
                && term.unitPrice().equals(unitPrice) && term.interval().equals(interval);
    }

    /** Returns a term with these commercial terms over {@code [start, end)}. */
    Subscription term(TenantId tenant, CustomerId customerId, Instant from,
            Optional<Instant> end) {
        return Subscription.builder().tenant(tenant).id(id).customerId(customerId).plan(plan)
                .seats(seats).unitPrice(unitPrice).interval(interval).start(from).end(end)
                .cancellationReason(end.isPresent() ? cancellationReason : Optional.empty())
                .build();
    }

    private static String customer(Payload object) {
        JsonNode node = object.node().get("customer");
        if (node != null && node.isObject()) {
            return object.object("customer").text("id");
        }
        return object.text("customer");
    }

    private static Payload item(Payload object) {
        Optional<Payload> items = object.optionalObject("items");
        Optional<JsonNode> data = items.flatMap(list -> list.optionalArray("data"));
        if (data.isEmpty() || data.get().isEmpty()) {
            return object;
        }
        if (data.get().size() > 1) {
            throw new InvalidInputException(items.get().path("data"), data.get().size(),
                    "must hold one subscription item; several prices per subscription are not"
                            + " supported");
        }
        return items.get().element("data", data.get(), 0);
    }

    private static Payload price(Payload item) {
        return item.optionalObject("price")
                .or(() -> item.optionalObject("plan"))
                .orElseThrow(() -> new InvalidInputException(item.path("price"), null,
                        "is required: a subscription needs a price or a plan"));
    }

    private static long amount(Payload price) {
        OptionalLong unitAmount = price.optionalWhole("unit_amount");
        if (unitAmount.isPresent()) {
            return nonNegative(price, "unit_amount", unitAmount.getAsLong());
        }
        Optional<String> decimal = price.optionalText("unit_amount_decimal");
        if (decimal.isPresent()) {
            try {
                return nonNegative(price, "unit_amount_decimal",
                        new BigDecimal(decimal.get()).longValueExact());
            } catch (ArithmeticException | NumberFormatException e) {
                throw new InvalidInputException(price.path("unit_amount_decimal"),
                        decimal.get(), "must be a whole number of minor units");
            }
        }
        OptionalLong amount = price.optionalWhole("amount");
        if (amount.isPresent()) {
            return nonNegative(price, "amount", amount.getAsLong());
        }
        throw new InvalidInputException(price.path("unit_amount"), null,
                "is required (or amount): tiered and usage-based prices are not supported");
    }

    private static long nonNegative(Payload price, String name, long value) {
        if (value < 0) {
            throw new InvalidInputException(price.path(name), value, "must not be negative");
        }
        return value;
    }

    private static BillingInterval interval(Payload price) {
        Payload source = price.optionalObject("recurring").orElse(price);
        String unit = source.text("interval");
        long count = source.optionalWhole("interval_count").orElse(1);
        if (count < 1 || count > Integer.MAX_VALUE) {
            throw new InvalidInputException(source.path("interval_count"), count,
                    "must be at least 1");
        }
        switch (unit) {
            case "day":
                if (count % 7 != 0) {
                    throw new InvalidInputException(source.path("interval_count"), count,
                            "must be a multiple of 7 for a daily interval: only whole weeks"
                                    + " normalise to a month");
                }
                return BillingInterval.every((int) (count / 7), BillingInterval.Unit.WEEK);
            case "week":
                return BillingInterval.every((int) count, BillingInterval.Unit.WEEK);
            case "month":
                return BillingInterval.every((int) count, BillingInterval.Unit.MONTH);
            case "year":
                return BillingInterval.every((int) count, BillingInterval.Unit.YEAR);
            default:
                throw new InvalidInputException(source.path("interval"), unit,
                        "must be day, week, month or year");
        }
    }

    private static Optional<String> cancellationReason(Payload object) {
        Optional<Payload> details = object.optionalObject("cancellation_details");
        if (details.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (String name : List.of("reason", "feedback", "comment")) {
            JsonNode part = details.get().node().get(name);
            if (part != null && part.isTextual() && !part.asText().isBlank()) {
                parts.add(part.asText().strip());
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
    }
}
