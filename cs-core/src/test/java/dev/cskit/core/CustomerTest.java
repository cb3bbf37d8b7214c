package dev.cskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private static Customer newCustomer() {
        return Customer.builder().id(CustomerId.of("acme")).name("Acme Éditions").build();
    }

    @Test
    void builder_defaultsToOnboardingInTheDefaultTenant() {
        Customer customer = newCustomer();
        assertThat(customer.stage()).isEqualTo(LifecycleStage.ONBOARDING);
        assertThat(customer.tenant()).isEqualTo(TenantId.DEFAULT);
        assertThat(customer.history()).isEmpty();
    }

    @Test
    void moveTo_appendsTheChangeToTheHistory() {
        Customer active = newCustomer().moveTo(LifecycleStage.ACTIVE, T0, "onboarded");
        Customer churned = active.moveTo(LifecycleStage.CHURNED, T0.plusSeconds(5), null);
        Customer wonBack = churned.moveTo(LifecycleStage.ACTIVE, T0.plusSeconds(9), "won back");

        assertThat(wonBack.stage()).isEqualTo(LifecycleStage.ACTIVE);
        assertThat(wonBack.history()).extracting(StageChange::to).containsExactly(
                LifecycleStage.ACTIVE, LifecycleStage.CHURNED, LifecycleStage.ACTIVE);
        assertThat(wonBack.history().get(2).reason()).hasValue("won back");
    }

    @Test
    void moveTo_refusesAMoveTheLifecycleDoesNotAllow() {
        Customer active = newCustomer().moveTo(LifecycleStage.ACTIVE, T0, null);
        assertThatThrownBy(() -> active.moveTo(LifecycleStage.ONBOARDING, T0, null))
                .isInstanceOfSatisfying(IllegalStageChangeException.class, e -> {
                    assertThat(e.from()).isEqualTo(LifecycleStage.ACTIVE);
                    assertThat(e.to()).isEqualTo(LifecycleStage.ONBOARDING);
                    assertThat(e.customer()).isEqualTo(CustomerId.of("acme"));
                });
        assertThatThrownBy(() -> active.moveTo(LifecycleStage.ACTIVE, T0, null))
                .isInstanceOf(IllegalStageChangeException.class);
    }

    @Test
    void moveTo_refusesAChangeBeforeTheLastOne() {
        Customer active = newCustomer().moveTo(LifecycleStage.ACTIVE, T0, null);
        assertThatThrownBy(() -> active.moveTo(LifecycleStage.CHURNED, T0.minusSeconds(1), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("history[1].at");
    }

    @Test
    void build_refusesAHistoryThatDoesNotEndInTheStage() {
        assertThatThrownBy(() -> Customer.builder().id(CustomerId.of("x")).name("X")
                .stage(LifecycleStage.CHURNED)
                .history(List.of(StageChange.of(LifecycleStage.ONBOARDING,
                        LifecycleStage.ACTIVE, T0, null)))
                .build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("stage = 'CHURNED'");
    }

    @Test
    void build_refusesABlankName() {
        assertThatThrownBy(() -> Customer.builder().id(CustomerId.of("x")).name(" ").build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("name");
    }

    @Test
    void json_writesInstantsAsIsoText() {
        Customer active = newCustomer().moveTo(LifecycleStage.ACTIVE, T0, null);
        assertThat(CsKitJson.write(active)).contains("\"at\":\"2025-01-01T00:00:00Z\"")
                .contains("\"name\":\"Acme Éditions\"");
    }

    @Test
    void customerId_refusesBlankAndControlCharacters() {
        assertThatThrownBy(() -> CustomerId.of(""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("customerId");
        assertThatThrownBy(() -> CustomerId.of("a\nb"))
                .hasMessageContaining("control characters");
        assertThatThrownBy(() -> TenantId.of("x".repeat(201)))
                .hasMessageContaining("at most 200");
    }
}
