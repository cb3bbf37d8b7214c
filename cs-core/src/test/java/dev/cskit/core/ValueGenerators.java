package dev.cskit.core;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators for every cs-core value type, producing only valid values (random
 * walks through legal stage changes, discounts within the price). Shared with other modules'
 * tests through the cs-core test-jar.
 */
public final class ValueGenerators {

    private static final List<String> CURRENCIES = List.of("USD", "EUR", "JPY", "GBP", "BHD");

    private ValueGenerators() {
    }

    /** @return ids of 1 to 40 characters, including non-ASCII letters and punctuation */
    public static Gen<String> ids() {
        Gen<String> ascii = strings().betweenCodePoints(0x21, 0x7E).ofLengthBetween(1, 40);
        Gen<String> unicode = strings().betweenCodePoints(0xA1, 0x2FF).ofLengthBetween(1, 40);
        return Generate.oneOf(ascii, unicode).map(s -> "c" + s);
    }

    /** @return free text, possibly with quotes, commas, newlines and accents */
    public static Gen<String> text() {
        return strings().betweenCodePoints(0x09, 0x17F).ofLengthBetween(0, 60)
                .map(s -> "t" + s);
    }

    /** @return tenants, often the default one */
    public static Gen<TenantId> tenants() {
        return Generate.oneOf(Generate.constant(TenantId.DEFAULT), ids().map(TenantId::of));
    }

    /** @return instants between 1990 and 2100, to the nanosecond */
    public static Gen<Instant> instants() {
        return longs().between(631_152_000L, 4_102_444_800L)
                .zip(integers().between(0, 999_999_999), Instant::ofEpochSecond);
    }

    /** @return amounts in a few currencies, including 0- and 3-decimal ones */
    public static Gen<Money> money() {
        return longs().between(-10_000_000_000L, 10_000_000_000L)
                .zip(Generate.pick(CURRENCIES), Money::ofMinor);
    }

    /** @return attribute maps of up to five entries */
    public static Gen<Map<String, String>> attributes() {
        return in -> {
            int size = integers().between(0, 5).generate(in);
            Map<String, String> map = new TreeMap<>();
            for (int i = 0; i < size; i++) {
                map.put(ids().generate(in), text().generate(in));
            }
            return map;
        };
    }

    /** @return customers with a legal, time-ordered stage history */
    public static Gen<Customer> customers() {
        return in -> {
            Customer.Builder builder = Customer.builder()
                    .tenant(tenants().generate(in))
                    .id(CustomerId.of(ids().generate(in)))
                    .name(text().generate(in))
                    .plan(optional(text()).generate(in))
                    .segment(optional(text()).generate(in))
                    .customerSince(optional(instants()).generate(in))
                    .attributes(attributes().generate(in));
            LifecycleStage stage = Generate.enumValues(LifecycleStage.class).generate(in);
            LifecycleStage initial = stage;
            Instant at = instants().generate(in);
            int moves = integers().between(0, 6).generate(in);
            List<StageChange> history = new ArrayList<>();
            for (int i = 0; i < moves; i++) {
                LifecycleStage next = Generate.pick(List.copyOf(stage.successors()))
                        .generate(in);
                at = at.plusSeconds(integers().between(0, 10_000_000).generate(in));
                Optional<String> reason = optional(text()).generate(in);
                history.add(StageChange.of(stage, next, at, reason.orElse(null)));
                stage = next;
            }
            return builder.stage(history.isEmpty() ? initial : stage).history(history).build();
        };
    }

    /** @return billing intervals of every unit, every 1 to 36 units */
    public static Gen<BillingInterval> intervals() {
        return Generate.enumValues(BillingInterval.Unit.class)
                .zip(integers().between(1, 36), (unit, count) -> BillingInterval.every(count,
                        unit));
    }

    /** @return subscription terms with a discount within the price and an end after start */
    public static Gen<Subscription> subscriptions() {
        return in -> {
            String currency = Generate.pick(CURRENCIES).generate(in);
            int seats = integers().between(1, 500).generate(in);
            Money unitPrice = Money.ofMinor(longs().between(0, 10_000_000).generate(in),
                    currency);
            long list = unitPrice.minor() * seats;
            Optional<Money> discount = integers().between(0, 2).generate(in) == 0
                    ? Optional.of(Money.ofMinor(longs().between(0, list).generate(in), currency))
                    : Optional.empty();
            Instant start = instants().generate(in);
            Optional<Instant> end = optional(longs().between(1, 400_000_000L)
                    .map(start::plusSeconds)).generate(in);
            return Subscription.builder()
                    .tenant(tenants().generate(in))
                    .id(ids().generate(in))
                    .customerId(CustomerId.of(ids().generate(in)))
                    .plan(text().generate(in))
                    .seats(seats)
                    .unitPrice(unitPrice)
                    .interval(intervals().generate(in))
                    .discount(discount)
                    .start(start)
                    .end(end)
                    .cancellationReason(end.isPresent() ? optional(text()).generate(in)
                            : Optional.empty())
                    .build();
        };
    }

    /** @return customer events */
    public static Gen<CustomerEvent> events() {
        Gen<String> types = Generate.oneOf(Generate.pick(List.of("feature.used",
                "ticket.opened", "survey.answered", "seats.changed")), text()
                .assuming(t -> t.length() <= CustomerEvent.MAX_TYPE_LENGTH));
        return in -> CustomerEvent.builder()
                .tenant(tenants().generate(in))
                .id(ids().generate(in))
                .type(types.generate(in))
                .customerId(CustomerId.of(ids().generate(in)))
                .occurredAt(instants().generate(in))
                .attributes(attributes().generate(in))
                .build();
    }

    /** @return survey answers on each kind's scale */
    public static Gen<SurveyResponse> surveys() {
        return in -> {
            SurveyKind kind = Generate.enumValues(SurveyKind.class).generate(in);
            return SurveyResponse.builder()
                    .tenant(tenants().generate(in))
                    .id(ids().generate(in))
                    .customerId(CustomerId.of(ids().generate(in)))
                    .kind(kind)
                    .score(integers().between(kind.min(), kind.max()).generate(in))
                    .answeredAt(instants().generate(in))
                    .comment(optional(text()).generate(in))
                    .build();
        };
    }

    /**
     * Wraps a generator so that about a third of its values are absent.
     *
     * @param gen the generator
     * @param <T> the value type
     * @return the optional generator
     */
    public static <T> Gen<Optional<T>> optional(Gen<T> gen) {
        return in -> integers().between(0, 2).generate(in) == 0 ? Optional.empty()
                : Optional.of(gen.generate(in));
    }
}
