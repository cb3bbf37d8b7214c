package dev.cskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Every value type written as JSON and read back is equal to the original. */
class JsonRoundTripTest {

    private static <T> void roundTrips(Gen<T> values, Class<T> type) {
        qt().withExamples(300).forAll(values).checkAssert(value -> {
            String json = CsKitJson.write(value);
            assertThat(CsKitJson.read(json, type)).isEqualTo(value);
        });
    }

    @Test
    void customer_roundTrips() {
        roundTrips(ValueGenerators.customers(), Customer.class);
    }

    @Test
    void subscription_roundTrips() {
        roundTrips(ValueGenerators.subscriptions(), Subscription.class);
    }

    @Test
    void customerEvent_roundTrips() {
        roundTrips(ValueGenerators.events(), CustomerEvent.class);
    }

    @Test
    void surveyResponse_roundTrips() {
        roundTrips(ValueGenerators.surveys(), SurveyResponse.class);
    }

    @Test
    void money_roundTrips() {
        roundTrips(ValueGenerators.money(), Money.class);
    }

    @Test
    void tenantAndCustomerId_roundTrip() {
        roundTrips(ValueGenerators.tenants(), TenantId.class);
        roundTrips(ValueGenerators.ids().map(CustomerId::of), CustomerId.class);
    }

    @Test
    void billingInterval_roundTrips() {
        roundTrips(ValueGenerators.intervals(), BillingInterval.class);
    }

    @Test
    void stageChange_roundTrips() {
        Gen<StageChange> changes = ValueGenerators.customers()
                .assuming(c -> !c.history().isEmpty())
                .map(c -> c.history().get(0));
        roundTrips(changes, StageChange.class);
    }
}
