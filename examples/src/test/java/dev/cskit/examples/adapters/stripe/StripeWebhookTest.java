package dev.cskit.examples.adapters.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cskit.core.BillingInterval;
import dev.cskit.core.CsKitJson;
import dev.cskit.core.CustomerEvent;
import dev.cskit.core.CustomerId;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.Money;
import dev.cskit.core.Subscription;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.InMemoryStore;
import dev.cskit.core.store.StoredEvent;
import dev.cskit.examples.adapters.TestFiles;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The adapter on the pay gem's Stripe fixtures. Each file is the {@code data} of an event; the
 * tests give each an event id and a {@code created} instant taken from the file itself:
 * created at the subscription's {@code created} (1466783124), updated at its
 * {@code canceled_at} (1487872069), deleted at the deleted file's {@code ended_at}
 * (1546925027). Expected values are read off the JSON by hand.
 */
class StripeWebhookTest {

    private static final String SUB = "sub_00000000000000";
    private static final CustomerId CUSTOMER = CustomerId.of("cus_00000000000000");
    private static final long CREATED_AT = 1466783124L;
    private static final long UPDATED_AT = 1487872069L;
    private static final long DELETED_AT = 1546925027L;
    private static final Instant START = Instant.parse("2016-06-24T15:45:24Z");
    private static final Instant UPDATED_END = Instant.parse("2017-02-23T17:47:49Z");
    private static final Instant DELETED_END = Instant.parse("2019-01-08T05:23:47Z");

    private final InMemoryStore store = new InMemoryStore();
    private final StripeWebhook webhook = StripeWebhook.builder(store)
            .clock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC))
            .build();

    @Test
    void handle_createdStoresOneTermWithSeatsPriceAndMrr() {
        StripeOutcome outcome = webhook.handle(created("evt_1"));

        // items.data[0]: price FFBEGINNER_..., amount 300 usd, month x 1, quantity 2.
        Subscription expected = Subscription.builder().id(SUB).customerId(CUSTOMER)
                .plan("FFBEGINNER_00000000000000").seats(2).unitPrice(usd(300))
                .interval(BillingInterval.MONTHLY).start(START).build();
        assertThat(outcome.status()).isEqualTo(StripeOutcome.Status.APPLIED);
        assertThat(store.subscriptions().history(TenantId.DEFAULT, SUB))
                .containsExactly(expected);
        assertThat(expected.mrr()).isEqualTo(usd(600));
        assertThat(outcome.mrrBefore()).contains(usd(0));
        assertThat(outcome.mrrAfter()).contains(usd(600));
        assertThat(outcome.mrrChange()).contains(usd(600));

        CustomerEvent event = store.events().find(TenantId.DEFAULT, "evt_1").orElseThrow()
                .event();
        assertThat(event.type()).isEqualTo(StripeWebhook.TYPE_STARTED);
        assertThat(event.customerId()).isEqualTo(CUSTOMER);
        assertThat(event.occurredAt()).isEqualTo(START);
        assertThat(event.attributes()).containsEntry("seats", "2").containsEntry("mrr", "6.00")
                .containsEntry("previousMrr", "0.00").containsEntry("stripe.outcome", "applied")
                .containsEntry("stripe.subscription", SUB);
    }

    @Test
    void handle_inOrderUpdateEndsTheTermAndDeleteMovesTheEnd() {
        webhook.handle(created("evt_1"));

        // The update reports status canceled, ended_at 1487872069, same price and quantity.
        StripeOutcome updated = webhook.handle(updated("evt_2"));
        assertThat(updated.history()).singleElement().satisfies(term -> {
            assertThat(term.start()).isEqualTo(START);
            assertThat(term.end()).contains(UPDATED_END);
            assertThat(term.seats()).isEqualTo(2);
        });
        assertThat(updated.mrrChange()).contains(usd(-600));

        // The deletion reports ended_at 1546925027; it is newer, so its end wins.
        StripeOutcome deleted = webhook.handle(deleted("evt_3"));
        assertThat(deleted.status()).isEqualTo(StripeOutcome.Status.APPLIED);
        assertThat(store.subscriptions().history(TenantId.DEFAULT, SUB)).singleElement()
                .satisfies(term -> {
                    assertThat(term.end()).contains(DELETED_END);
                    assertThat(term.seats()).isEqualTo(2);
                    assertThat(term.mrr()).isEqualTo(usd(600));
                });
        assertThat(store.events().find(TenantId.DEFAULT, "evt_3").orElseThrow().event().type())
                .isEqualTo(StripeWebhook.TYPE_CANCELLED);
    }

    @Test
    void handle_deletedBeforeUpdatedIgnoresTheOlderUpdate() {
        webhook.handle(created("evt_1"));
        webhook.handle(deleted("evt_3"));

        StripeOutcome late = webhook.handle(updated("evt_2"));

        assertThat(late.status()).isEqualTo(StripeOutcome.Status.STALE);
        assertThat(store.subscriptions().history(TenantId.DEFAULT, SUB)).singleElement()
                .satisfies(term -> assertThat(term.end()).contains(DELETED_END));
        CustomerEvent recorded = store.events().find(TenantId.DEFAULT, "evt_2").orElseThrow()
                .event();
        assertThat(recorded.type()).isEqualTo(StripeWebhook.TYPE_STALE);
        assertThat(recorded.attributes()).containsEntry("stripe.outcome", "stale");
        assertThat(webhook.handle(updated("evt_2")).status())
                .isEqualTo(StripeOutcome.Status.DUPLICATE);
    }

    @Test
    void handle_outOfOrderEndsWhereInOrderEnds() {
        InMemoryStore inOrderStore = new InMemoryStore();
        StripeWebhook inOrder = StripeWebhook.builder(inOrderStore).build();
        inOrder.handle(created("evt_1"));
        inOrder.handle(updated("evt_2"));
        inOrder.handle(deleted("evt_3"));

        webhook.handle(deleted("evt_3"));
        webhook.handle(updated("evt_2"));
        webhook.handle(created("evt_1"));

        // Deleted first knows only its own snapshot (quantity 1); the older two are stale.
        assertThat(store.subscriptions().history(TenantId.DEFAULT, SUB)).singleElement()
                .satisfies(term -> {
                    assertThat(term.start()).isEqualTo(START);
                    assertThat(term.end()).contains(DELETED_END);
                    assertThat(term.seats()).isEqualTo(1);
                });
        assertThat(inOrderStore.subscriptions().history(TenantId.DEFAULT, SUB)).singleElement()
                .satisfies(term -> {
                    assertThat(term.end()).contains(DELETED_END);
                    assertThat(term.seats()).isEqualTo(2);
                });
    }

    @Test
    void handle_duplicateEventIdChangesNothingEvenWithOtherContent() {
        webhook.handle(created("evt_1"));
        List<Subscription> before = store.subscriptions().history(TenantId.DEFAULT, SUB);

        ObjectNode other = fixture("subscription.created.json");
        setQuantity(other, 7);
        StripeOutcome again = webhook.handle(event("evt_1", "customer.subscription.created",
                CREATED_AT + 60, other));

        assertThat(again.status()).isEqualTo(StripeOutcome.Status.DUPLICATE);
        assertThat(again.event()).isEmpty();
        assertThat(store.subscriptions().history(TenantId.DEFAULT, SUB)).isEqualTo(before);
        assertThat(store.events().forCustomer(TenantId.DEFAULT, CUSTOMER)).hasSize(1);
    }

    @Test
    void handle_seatChangeEndsTheTermAndStartsANewOne() {
        webhook.handle(created("evt_1"));
        long changeAt = 1470000000L;
        ObjectNode more = fixture("subscription.created.json");
        setQuantity(more, 5);

        StripeOutcome outcome = webhook.handle(event("evt_2", "customer.subscription.updated",
                changeAt, more));

        Instant at = Instant.parse("2016-07-31T21:20:00Z");
        List<Subscription> history = store.subscriptions().history(TenantId.DEFAULT, SUB);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).start()).isEqualTo(START);
        assertThat(history.get(0).end()).contains(at);
        assertThat(history.get(0).seats()).isEqualTo(2);
        assertThat(history.get(1).start()).isEqualTo(at);
        assertThat(history.get(1).end()).isEmpty();
        assertThat(history.get(1).seats()).isEqualTo(5);
        // 5 x 3.00 = 15.00 a month, up from 6.00.
        assertThat(outcome.mrrBefore()).contains(usd(600));
        assertThat(outcome.mrrAfter()).contains(usd(1500));
        assertThat(outcome.mrrChange()).contains(usd(900));
    }

    @Test
    void handle_yearlyPriceIsNormalisedToAMonth() {
        ObjectNode yearly = fixture("subscription.created.json");
        setPrice(yearly, 30000, "year", 1);

        webhook.handle(event("evt_y", "customer.subscription.created", CREATED_AT, yearly));

        // 2 seats x 300.00 a year = 600.00 a year = 50.00 a month.
        Subscription term = store.subscriptions().history(TenantId.DEFAULT, SUB).get(0);
        assertThat(term.interval()).isEqualTo(BillingInterval.YEARLY);
        assertThat(term.unitPrice()).isEqualTo(usd(30000));
        assertThat(term.mrr()).isEqualTo(usd(5000));
    }

    @Test
    void handle_multiIntervalPricesAreNormalisedToAMonth() {
        ObjectNode quarterly = fixture("subscription.created.json");
        setPrice(quarterly, 900, "month", 3);
        ObjectNode biennial = fixture("subscription.created.json");
        setPrice(biennial, 12000, "year", 2);
        ObjectNode fortnightly = fixture("subscription.created.json");
        setPrice(fortnightly, 1000, "day", 14);

        StripeOutcome three = webhook.handle(event("evt_q", "customer.subscription.created",
                CREATED_AT, quarterly));
        StripeOutcome two = StripeWebhook.builder(new InMemoryStore()).build().handle(
                event("evt_b", "customer.subscription.created", CREATED_AT, biennial));
        StripeOutcome fourteen = StripeWebhook.builder(new InMemoryStore()).build().handle(
                event("evt_f", "customer.subscription.created", CREATED_AT, fortnightly));

        // 2 x 9.00 every 3 months = 6.00; 2 x 120.00 every 2 years = 10.00;
        // 2 x 10.00 every 2 weeks = 20.00 x 52 / 24 = 43.333 -> 43.33.
        assertThat(three.history().get(0).interval())
                .isEqualTo(BillingInterval.every(3, BillingInterval.Unit.MONTH));
        assertThat(three.mrrAfter()).contains(usd(600));
        assertThat(two.mrrAfter()).contains(usd(1000));
        assertThat(fourteen.history().get(0).interval())
                .isEqualTo(BillingInterval.every(2, BillingInterval.Unit.WEEK));
        assertThat(fourteen.mrrAfter()).contains(usd(4333));
    }

    @Test
    void handle_cancellationDetailsBecomeTheReason() {
        webhook.handle(created("evt_1"));
        ObjectNode deleted = fixture("subscription.deleted.json");
        ObjectNode details = ((ObjectNode) deleted.get("object"))
                .putObject("cancellation_details");
        details.put("reason", "cancellation_requested");
        details.put("feedback", "too_expensive");
        details.putNull("comment");

        webhook.handle(event("evt_3", "customer.subscription.deleted", DELETED_AT, deleted));

        Subscription term = store.subscriptions().history(TenantId.DEFAULT, SUB).get(0);
        assertThat(term.cancellationReason()).contains("cancellation_requested; too_expensive");
        assertThat(store.events().find(TenantId.DEFAULT, "evt_3").orElseThrow().event()
                .attributes()).containsEntry("reason", "cancellation_requested; too_expensive");
    }

    @Test
    void handle_invoicePaidRecordsTheAmountAndChangesNoTerm() {
        ObjectNode data = CsKitJson.mapper().createObjectNode();
        data.set("object", read(TestFiles.text("/adapters/stripe/invoice.json")));

        StripeOutcome outcome = webhook.handle(event("evt_inv", "invoice.paid", 1744986363L,
                data));

        assertThat(outcome.status()).isEqualTo(StripeOutcome.Status.APPLIED);
        CustomerEvent event = store.events().find(TenantId.DEFAULT, "evt_inv").orElseThrow()
                .event();
        assertThat(event.type()).isEqualTo(StripeWebhook.TYPE_INVOICE_PAID);
        assertThat(event.customerId()).isEqualTo(CustomerId.of("cus_S9YwWMaQEgeJYO"));
        // amount_paid 24512 usd; status_transitions.paid_at 1744986363.
        assertThat(event.attributes()).containsEntry("amountPaid", "245.12")
                .containsEntry("currency", "USD")
                .containsEntry("invoice", "in_1RFFohKXBGcbgpbZk9MxzDMc")
                .containsEntry("paidAt", "2025-04-18T14:26:03Z")
                .doesNotContainKey(StripeWebhook.ATTR_SUBSCRIPTION);
        assertThat(store.subscriptions().list(TenantId.DEFAULT)).isEmpty();
    }

    @Test
    void handle_otherTypesAreIgnored() {
        StripeOutcome outcome = webhook.handle(event("evt_x", "customer.created", CREATED_AT,
                fixture("subscription.created.json")));

        assertThat(outcome.status()).isEqualTo(StripeOutcome.Status.IGNORED);
        assertThat(store.events().find(TenantId.DEFAULT, "evt_x")).isEmpty();
    }

    @Test
    void handle_malformedJsonIsRejectedAndWritesNothing() {
        assertThatThrownBy(() -> webhook.handle("{\"id\": \"evt_1\", \"type\": "))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> webhook.handle("{\"id\": \"evt_1\", \"type\": \"x\","
                + " \"created\": \"yesterday\", \"data\": {}}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.problems().get(0).field()).isEqualTo("created"));

        assertThat(store.customers().count(TenantId.DEFAULT)).isZero();
    }

    @Test
    void handle_missingCurrencyNamesTheFieldAndWritesNothing() {
        webhook.handle(created("evt_1"));
        List<Subscription> before = store.subscriptions().history(TenantId.DEFAULT, SUB);
        ObjectNode broken = fixture("subscription.created.json");
        ((ObjectNode) broken.at("/object/items/data/0/price")).remove("currency");

        assertThatThrownBy(() -> webhook.handle(event("evt_2", "customer.subscription.updated",
                UPDATED_AT, broken)))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.problems()).singleElement().satisfies(problem -> {
                            assertThat(problem.field())
                                    .isEqualTo("data.object.items.data[0].price.currency");
                            assertThat(problem.rule()).contains("required");
                        }));

        assertThat(store.subscriptions().history(TenantId.DEFAULT, SUB)).isEqualTo(before);
        assertThat(store.events().find(TenantId.DEFAULT, "evt_2")).isEmpty();
    }

    @Test
    void handle_envelopeParsedFromText() {
        String body = "{\"id\":\"evt_1\",\"type\":\"customer.subscription.created\","
                + "\"created\":" + CREATED_AT + ",\"data\":"
                + TestFiles.text("/adapters/stripe/subscription.created.json") + "}";

        StripeOutcome outcome = webhook.handle(body);

        assertThat(outcome.status()).isEqualTo(StripeOutcome.Status.APPLIED);
        Optional<StoredEvent> stored = store.events().find(TenantId.DEFAULT, "evt_1");
        assertThat(stored).isPresent();
        assertThat(stored.get().receivedAt()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    }

    private static StripeEvent created(String id) {
        return event(id, "customer.subscription.created", CREATED_AT,
                fixture("subscription.created.json"));
    }

    private static StripeEvent updated(String id) {
        return event(id, "customer.subscription.updated", UPDATED_AT,
                fixture("subscription.updated.json"));
    }

    private static StripeEvent deleted(String id) {
        return event(id, "customer.subscription.deleted", DELETED_AT,
                fixture("subscription.deleted.json"));
    }

    private static StripeEvent event(String id, String type, long created, JsonNode data) {
        return new StripeEvent(id, type, Instant.ofEpochSecond(created), data);
    }

    private static ObjectNode fixture(String file) {
        return (ObjectNode) read(TestFiles.text("/adapters/stripe/" + file));
    }

    private static JsonNode read(String json) {
        try {
            return CsKitJson.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void setQuantity(ObjectNode data, int quantity) {
        ((ObjectNode) data.get("object")).put("quantity", quantity);
        ((ObjectNode) data.at("/object/items/data/0")).put("quantity", quantity);
    }

    private static void setPrice(ObjectNode data, long amount, String interval, int count) {
        for (String pointer : List.of("/object/price", "/object/items/data/0/price")) {
            ObjectNode price = (ObjectNode) data.at(pointer);
            price.put("amount", amount);
            price.put("interval", interval);
            price.put("interval_count", count);
        }
    }

    private static Money usd(long cents) {
        return Money.ofMinor(cents, "USD");
    }
}
