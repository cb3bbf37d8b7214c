package dev.cskit.examples.adapters.stripe;

import dev.cskit.core.CustomerEvent;
import dev.cskit.core.CustomerId;
import dev.cskit.core.Money;
import dev.cskit.core.Subscription;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.RecordBatch;
import dev.cskit.core.store.StoredEvent;
import dev.cskit.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns Stripe webhook events into cskit subscription terms and customer events, in a
 * {@link Store}.
 *
 * <p>Handled types: {@code customer.subscription.created}, {@code .updated} and
 * {@code .deleted} change the subscription's terms (see {@link Subscription}: a change of
 * seats or price at an instant ends the current term there and starts a new one) and record a
 * {@value #TYPE_STARTED}, {@value #TYPE_CHANGED} or {@value #TYPE_CANCELLED} customer event;
 * {@code invoice.paid} records an {@value #TYPE_INVOICE_PAID} event and changes no term. Any
 * other type is {@link StripeOutcome.Status#IGNORED} and changes nothing. Prices are
 * normalised to MRR through {@link dev.cskit.core.BillingInterval}: Stripe's {@code interval}
 * and {@code interval_count} (yearly, every 3 months, every 14 days), amounts in minor units,
 * {@code quantity} as seats. The cancellation reason is {@code cancellation_details}'
 * reason, feedback and comment, joined by {@code "; "}.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Idempotent by Stripe event id: the event is recorded in the store's inbox under that
 *       id, and a second delivery of the id is {@link StripeOutcome.Status#DUPLICATE} and
 *       changes nothing.</li>
 *   <li>An older event never overwrites newer state. The watermark of a subscription is the
 *       {@code created} instant of the newest event applied to it; it is kept durably in the
 *       inbox: every recorded event carries the attributes {@value #ATTR_SUBSCRIPTION} and
 *       {@value #ATTR_OUTCOME} ({@code applied} or {@code stale}) and has the Stripe
 *       {@code created} instant as its {@link CustomerEvent#occurredAt()}. An event created
 *       before the watermark is {@link StripeOutcome.Status#STALE}: recorded as a
 *       {@value #TYPE_STALE} event, so processes do not react to it, terms untouched. Events
 *       created in the same second as the watermark are applied in arrival order.</li>
 *   <li>Atomic: the event and the terms it changes are written in one
 *       {@link Store#putAll} batch; a payload that breaks a rule throws
 *       {@link dev.cskit.core.InvalidInputException} naming its JSON path and writes
 *       nothing.</li>
 * </ul>
 *
 * <p>Thread-safe: deliveries are handled one at a time per adapter instance.
 *
 * <p>Note: the read-decide-write of one delivery is serialised within this instance only;
 * several nodes handling deliveries of the same subscription at once can interleave. A
 * subscription with several items (prices) is rejected; tiered and metered prices are not
 * supported; a trial is counted at the subscription's price. Webhook signatures are checked
 * by the HTTP layer, not here.
 */
public final class StripeWebhook {

    /** The customer event type of a new subscription. */
    public static final String TYPE_STARTED = "subscription.started";
    /** The customer event type of a subscription update. */
    public static final String TYPE_CHANGED = "subscription.changed";
    /** The customer event type of a deleted (ended) subscription. */
    public static final String TYPE_CANCELLED = "subscription.cancelled";
    /** The customer event type of a paid invoice. */
    public static final String TYPE_INVOICE_PAID = "invoice.paid";
    /** The customer event type of a delivery older than its subscription's state. */
    public static final String TYPE_STALE = "billing.stale";

    /** Attribute: the Stripe event type. */
    public static final String ATTR_STRIPE_TYPE = "stripe.type";
    /** Attribute: the Stripe subscription id. */
    public static final String ATTR_SUBSCRIPTION = "stripe.subscription";
    /** Attribute: {@code applied} or {@code stale}. */
    public static final String ATTR_OUTCOME = "stripe.outcome";

    private static final String CREATED = "customer.subscription.created";
    private static final String UPDATED = "customer.subscription.updated";
    private static final String DELETED = "customer.subscription.deleted";
    private static final String INVOICE_PAID = "invoice.paid";
    private static final String APPLIED = "applied";
    private static final String STALE = "stale";

    private final Store store;
    private final TenantId tenant;
    private final Clock clock;
    private final Function<String, CustomerId> customerIds;

    private StripeWebhook(Builder builder) {
        this.store = builder.store;
        this.tenant = builder.tenant;
        this.clock = builder.clock;
        this.customerIds = builder.customerIds;
    }

    /**
     * Returns a builder over a store.
     *
     * @param store where terms and events go
     * @return the builder
     */
    public static Builder builder(Store store) {
        return new Builder(store);
    }

    /**
     * Handles the body of a webhook request.
     *
     * @param body the Stripe event as JSON
     * @return what happened
     * @throws dev.cskit.core.InvalidInputException if the body is not a Stripe event or the
     *     object breaks a rule; nothing is written
     */
    public StripeOutcome handle(String body) {
        return handle(StripeEvent.parse(body));
    }

    /**
     * Handles one event.
     *
     * @param event the event
     * @return what happened
     * @throws dev.cskit.core.InvalidInputException if the event's object breaks a rule;
     *     nothing is written
     */
    public synchronized StripeOutcome handle(StripeEvent event) {
        Objects.requireNonNull(event, "event");
        switch (event.type()) {
            case CREATED:
            case UPDATED:
            case DELETED:
                return subscription(event);
            case INVOICE_PAID:
                return invoice(event);
            default:
                return new StripeOutcome(StripeOutcome.Status.IGNORED, event.id(),
                        Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                        Optional.empty());
        }
    }

    private StripeOutcome subscription(StripeEvent event) {
        Payload data = Payload.root(event.data(), "data");
        SubscriptionSnapshot snapshot = SubscriptionSnapshot.read(data.object("object"));
        CustomerId customer = customerIds.apply(snapshot.customer());
        List<Subscription> history = store.subscriptions().history(tenant, snapshot.id());
        if (store.events().find(tenant, event.id()).isPresent()) {
            return duplicate(event, Optional.of(snapshot.id()), history);
        }

        Instant at = event.created();
        Optional<Instant> watermark = watermark(customer, snapshot.id());
        if (watermark.isPresent() && at.isBefore(watermark.get())) {
            CustomerEvent stale = customerEvent(event, TYPE_STALE, customer,
                    subscriptionAttributes(event, snapshot, STALE));
            return write(event, List.of(), stale, StripeOutcome.Status.STALE,
                    Optional.of(snapshot.id()), history, Optional.empty(), Optional.empty());
        }

        // Decide the term changes purely, then write them with the event in one batch.
        List<Subscription> writes = TermChanges.decide(history, snapshot, at,
                DELETED.equals(event.type()), tenant, customer);
        List<Subscription> after = TermChanges.merge(history, writes);
        Money mrrBefore = TermChanges.mrrAt(history, at, snapshot.unitPrice().currency());
        Money mrrAfter = TermChanges.mrrAt(after, at, snapshot.unitPrice().currency());

        Map<String, String> attributes = subscriptionAttributes(event, snapshot, APPLIED);
        attributes.put("previousMrr", mrrBefore.amountText());
        attributes.put("mrr", mrrAfter.amountText());
        attributes.put("currency", mrrAfter.currencyCode());
        CustomerEvent recorded = customerEvent(event, typeOf(event), customer, attributes);
        return write(event, writes, recorded, StripeOutcome.Status.APPLIED,
                Optional.of(snapshot.id()), after, Optional.of(mrrBefore),
                Optional.of(mrrAfter));
    }

    private StripeOutcome invoice(StripeEvent event) {
        Payload invoice = Payload.root(event.data(), "data").object("object");
        String invoiceId = invoice.text("id");
        CustomerId customer = customerIds.apply(invoice.text("customer"));
        Money paid = Money.ofMinor(invoice.whole("amount_paid"),
                invoice.text("currency").toUpperCase(Locale.ROOT));
        Optional<String> subscription = invoice.optionalText("subscription");
        if (store.events().find(tenant, event.id()).isPresent()) {
            return duplicate(event, Optional.empty(), List.of());
        }

        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(ATTR_STRIPE_TYPE, event.type());
        attributes.put("invoice", invoiceId);
        attributes.put("amountPaid", paid.amountText());
        attributes.put("currency", paid.currencyCode());
        subscription.ifPresent(id -> attributes.put(ATTR_SUBSCRIPTION, id));
        invoice.optionalObject("status_transitions")
                .flatMap(transitions -> transitions.optionalInstant("paid_at"))
                .ifPresent(paidAt -> attributes.put("paidAt", paidAt.toString()));
        CustomerEvent recorded = customerEvent(event, TYPE_INVOICE_PAID, customer, attributes);
        return write(event, List.of(), recorded, StripeOutcome.Status.APPLIED, Optional.empty(),
                List.of(), Optional.empty(), Optional.empty());
    }

    private StripeOutcome write(StripeEvent event, List<Subscription> terms,
            CustomerEvent recorded, StripeOutcome.Status status, Optional<String> subscription,
            List<Subscription> history, Optional<Money> mrrBefore, Optional<Money> mrrAfter) {
        RecordBatch batch = RecordBatch.builder().addAllSubscriptions(terms)
                .addEvents(recorded).build();
        int recordedCount = store.putAll(batch, clock.instant());
        if (recordedCount == 0) {
            // Another writer recorded the id between the check and the batch.
            return duplicate(event, subscription, history);
        }
        return new StripeOutcome(status, event.id(), Optional.of(recorded), subscription,
                history, mrrBefore, mrrAfter);
    }

    private StripeOutcome duplicate(StripeEvent event, Optional<String> subscription,
            List<Subscription> history) {
        return new StripeOutcome(StripeOutcome.Status.DUPLICATE, event.id(), Optional.empty(),
                subscription, history, Optional.empty(), Optional.empty());
    }

    private Optional<Instant> watermark(CustomerId customer, String subscriptionId) {
        return store.events().forCustomer(tenant, customer).stream()
                .map(StoredEvent::event)
                .filter(e -> subscriptionId.equals(e.attributes().get(ATTR_SUBSCRIPTION))
                        && APPLIED.equals(e.attributes().get(ATTR_OUTCOME)))
                .map(CustomerEvent::occurredAt)
                .max(Comparator.naturalOrder());
    }

    private static String typeOf(StripeEvent event) {
        switch (event.type()) {
            case CREATED:
                return TYPE_STARTED;
            case DELETED:
                return TYPE_CANCELLED;
            default:
                return TYPE_CHANGED;
        }
    }

    private static Map<String, String> subscriptionAttributes(StripeEvent event,
            SubscriptionSnapshot snapshot, String outcome) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(ATTR_STRIPE_TYPE, event.type());
        attributes.put(ATTR_SUBSCRIPTION, snapshot.id());
        attributes.put(ATTR_OUTCOME, outcome);
        attributes.put("status", snapshot.status());
        attributes.put("plan", snapshot.plan());
        attributes.put("seats", Integer.toString(snapshot.seats()));
        snapshot.cancellationReason().ifPresent(reason -> attributes.put("reason", reason));
        return attributes;
    }

    private CustomerEvent customerEvent(StripeEvent event, String type, CustomerId customer,
            Map<String, String> attributes) {
        return CustomerEvent.builder().tenant(tenant).id(event.id()).type(type)
                .customerId(customer).occurredAt(event.created()).putAllAttributes(attributes)
                .build();
    }

    /**
     * Configures a {@link StripeWebhook}. Not thread-safe; build once, share the adapter.
     */
    public static final class Builder {

        private final Store store;
        private TenantId tenant = TenantId.DEFAULT;
        private Clock clock = Clock.systemUTC();
        private Function<String, CustomerId> customerIds = CustomerId::of;

        private Builder(Store store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /**
         * Sets the tenant the adapter writes to.
         *
         * @param tenant the tenant; {@link TenantId#DEFAULT} unless set
         * @return this builder
         */
        public Builder tenant(TenantId tenant) {
            this.tenant = Objects.requireNonNull(tenant, "tenant");
            return this;
        }

        /**
         * Sets the clock that stamps receipt in the inbox.
         *
         * @param clock the clock; the system UTC clock unless set
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how a Stripe customer id ({@code cus_...}) maps to a cskit customer id.
         *
         * @param customerIds the mapping; the Stripe id itself unless set
         * @return this builder
         */
        public Builder customerIds(Function<String, CustomerId> customerIds) {
            this.customerIds = Objects.requireNonNull(customerIds, "customerIds");
            return this;
        }

        /** @return the adapter */
        public StripeWebhook build() {
            return new StripeWebhook(this);
        }
    }
}
