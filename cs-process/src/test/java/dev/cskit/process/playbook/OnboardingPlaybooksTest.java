package dev.cskit.process.playbook;

import static dev.cskit.process.playbook.PlaybookFixture.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cskit.core.InvalidInputException;
import dev.cskit.core.LifecycleStage;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.core.store.InstanceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Registration, welcome, training and quick wins, walked on the test clock. */
class OnboardingPlaybooksTest {

    private final PlaybookFixture f = new PlaybookFixture(LifecycleStage.ONBOARDING);

    @Test
    void registration_tasksInPrecedenceOrder_completeAndStartWelcome() {
        InstanceRecord registration = f.start("registration");

        f.clock.advance(Duration.ofHours(2));
        f.complete(registration, "contract");
        assertThatThrownBy(() -> f.complete(registration, "licences"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("account");
        f.complete(registration, "account");
        InstanceRecord done = f.complete(registration, "licences");

        assertThat(done.status()).isEqualTo(InstanceStatus.COMPLETED);
        assertThat(done.step()).isEqualTo("registered");
        assertThat(f.instanceOf("welcome").step()).isEqualTo("kickoff");
        assertThat(f.emailTemplates())
                .containsExactly("registration-started", "registration-complete", "welcome");
        assertThat(f.csmTaskTitles()).containsExactly("Send the contract for signature",
                "Schedule the kickoff meeting");
        assertThat(f.alerts("registration")).isEmpty();
    }

    @Test
    void registration_stuck_raisesWarnThenBusinessDayBreach() {
        f.start("registration");

        // warn P3D: Thursday 2025-03-06 09:00 UTC.
        f.at(Instant.parse("2025-03-06T08:59:00Z"));
        assertThat(f.alerts("registration")).isEmpty();
        f.at(Instant.parse("2025-03-06T09:00:00Z"));
        assertThat(f.alerts("registration")).containsExactly("registration:warn");

        // breach P5D on the office calendar: five working days after Monday 10:00 Paris is
        // the next Monday 10:00 Paris, 2025-03-10 09:00 UTC (a plain P5D would be Saturday).
        f.at(Instant.parse("2025-03-08T09:00:00Z"));
        assertThat(f.alerts("registration")).containsExactly("registration:warn");
        f.at(Instant.parse("2025-03-10T09:00:00Z"));
        assertThat(f.alerts("registration"))
                .containsExactly("registration:breach", "registration:warn");
        assertThat(f.alertList("registration")).filteredOn(a -> a.level().equals("breach"))
                .singleElement().satisfies(a ->
                        assertThat(a.dueAt()).isEqualTo(Instant.parse("2025-03-10T09:00:00Z")));
    }

    @Test
    void welcome_productEventsDriveTheCadenceAndStartTraining() {
        InstanceRecord welcome = f.start("welcome");

        f.deliver("meeting.held");
        f.clock.advance(Duration.ofHours(5));
        f.deliver("user.logged_in");
        f.clock.advance(Duration.ofDays(1));
        f.deliver("feature.used", Map.of("feature", "import"));

        assertThat(f.reload(welcome).status()).isEqualTo(InstanceStatus.COMPLETED);
        assertThat(f.reload(welcome).step()).isEqualTo("welcomed");
        assertThat(f.emailTemplates()).containsExactly("welcome", "getting-started",
                "first-success", "training-invitation");
        assertThat(f.instanceOf("training").step()).isEqualTo("training");
    }

    @Test
    void welcome_nothingHappens_remindsThenHandsOverThenAlerts() {
        InstanceRecord welcome = f.start("welcome");
        f.deliver("meeting.held");

        f.after(Duration.ofDays(3));
        assertThat(f.reload(welcome).step()).isEqualTo("login-reminder");
        f.after(Duration.ofDays(4));
        assertThat(f.reload(welcome).step()).isEqualTo("csm-follow-up");
        f.after(Duration.ofDays(2));

        assertThat(f.emailTemplates()).containsExactly("welcome", "login-reminder");
        assertThat(f.csmTaskTitles()).containsExactly("Schedule the kickoff meeting",
                "Call the customer: no login yet");
        assertThat(f.alerts("welcome")).containsExactly("csm-follow-up:warn");

        f.deliver("user.logged_in");
        assertThat(f.reload(welcome).step()).isEqualTo("first-feature");
        assertThat(f.alerts("welcome")).isEmpty();
    }

    @Test
    void training_requiredTasksDone_completesWithoutTheOptionalOne() {
        InstanceRecord training = f.start("training");

        f.complete(training, "basics");
        InstanceRecord done = f.complete(training, "admin");

        assertThat(done.status()).isEqualTo(InstanceStatus.COMPLETED);
        assertThat(f.instanceOf("quick-wins").step()).isEqualTo("goals");
        assertThat(f.emailTemplates())
                .containsExactly("training-invitation", "training-complete");
    }

    @Test
    void training_stuck_warnsAfterAWeekAndBreachesAfterTwo() {
        InstanceRecord training = f.start("training");
        f.complete(training, "basics");

        f.after(Duration.ofDays(7));
        assertThat(f.alerts("training")).containsExactly("training:warn");
        f.after(Duration.ofDays(7));
        assertThat(f.alerts("training")).containsExactly("training:breach", "training:warn");
    }

    @Test
    void quickWins_firstGoalReached_movesTheCustomerToActive() {
        InstanceRecord quickWins = f.start("quick-wins");

        f.complete(quickWins, "goals");
        f.deliver("goal.reached");

        assertThat(f.reload(quickWins).status()).isEqualTo(InstanceStatus.COMPLETED);
        assertThat(f.stage()).isEqualTo(LifecycleStage.ACTIVE);
        assertThat(f.emailTemplates()).containsExactly("first-win");
    }

    @Test
    void quickWins_noWin_raisesEachLevelInTurn() {
        InstanceRecord quickWins = f.start("quick-wins");
        f.complete(quickWins, "goals");

        f.after(Duration.ofDays(14));
        assertThat(f.alerts("quick-wins")).containsExactly("first-win:warn");
        f.after(Duration.ofDays(16));
        assertThat(f.alerts("quick-wins")).containsExactly("first-win:breach", "first-win:warn");
        f.after(Duration.ofDays(15));
        assertThat(f.alerts("quick-wins")).containsExactly("first-win:breach",
                "first-win:escalate", "first-win:warn");
        assertThat(f.stage()).isEqualTo(LifecycleStage.ONBOARDING);
    }

    @Test
    void onboarding_wholeChain_endsActive() {
        InstanceRecord registration = f.start("registration");
        for (String task : new String[] {"contract", "account", "licences"}) {
            f.clock.advance(Duration.ofHours(3));
            f.complete(registration, task);
        }
        f.clock.advance(Duration.ofDays(1));
        f.deliver("meeting.held");
        f.deliver("user.logged_in");
        f.deliver("feature.used");
        InstanceRecord training = f.instanceOf("training");
        f.complete(training, "basics");
        f.complete(training, "admin");
        InstanceRecord quickWins = f.instanceOf("quick-wins");
        f.complete(quickWins, "goals");
        f.clock.advance(Duration.ofDays(3));
        f.deliver("goal.reached");

        assertThat(f.store.instances().forCustomer(PlaybookFixture.T, PlaybookFixture.ACME))
                .extracting(InstanceRecord::definitionKey, InstanceRecord::status)
                .containsExactlyInAnyOrder(
                        tuple("registration",
                                InstanceStatus.COMPLETED),
                        tuple("welcome", InstanceStatus.COMPLETED),
                        tuple("training",
                                InstanceStatus.COMPLETED),
                        tuple("quick-wins",
                                InstanceStatus.COMPLETED));
        assertThat(f.stage()).isEqualTo(LifecycleStage.ACTIVE);
        assertThat(f.store.customers().find(PlaybookFixture.T, PlaybookFixture.ACME)
                .orElseThrow().history()).singleElement()
                .satisfies(c -> assertThat(c.at()).isEqualTo(MONDAY.plus(Duration.ofHours(9))
                        .plus(Duration.ofDays(4))));
    }
}
