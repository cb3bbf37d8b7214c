package dev.cskit.process.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cskit.core.InvalidInputException;
import dev.cskit.core.LifecycleStage;
import dev.cskit.core.StageChange;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.core.store.InstanceStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Offboarding, walked on the test clock: churn, win-back, and a notice left unanswered. */
class OffboardingPlaybookTest {

    private final PlaybookFixture f = new PlaybookFixture(LifecycleStage.ACTIVE);

    @Test
    void offboarding_exitChecklistThenNoWinBack_endsChurned() {
        InstanceRecord offboarding = f.start("offboarding");
        assertThat(f.stage()).isEqualTo(LifecycleStage.OFFBOARDING);

        f.complete(offboarding, "acknowledged");
        assertThatThrownBy(() -> f.complete(offboarding, "reason"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("interview");
        f.complete(offboarding, "interview");
        f.complete(offboarding, "export");
        f.complete(offboarding, "reason");
        assertThat(f.reload(offboarding).step()).isEqualTo("win-back");
        f.after(Duration.ofDays(30));

        assertThat(f.reload(offboarding).step()).isEqualTo("churned");
        assertThat(f.reload(offboarding).status()).isEqualTo(InstanceStatus.COMPLETED);
        assertThat(f.stage()).isEqualTo(LifecycleStage.CHURNED);
        assertThat(f.store.customers().find(PlaybookFixture.T, PlaybookFixture.ACME)
                .orElseThrow().history()).extracting(StageChange::to)
                .containsExactly(LifecycleStage.OFFBOARDING, LifecycleStage.CHURNED);
        assertThat(f.emailTemplates()).containsExactly("win-back-offer");
    }

    @Test
    void offboarding_offerAcceptedDuringTheExitInterview_isWonBackToActive() {
        InstanceRecord offboarding = f.start("offboarding");
        f.complete(offboarding, "acknowledged");
        f.complete(offboarding, "interview");

        f.deliver("offer.accepted");

        assertThat(f.reload(offboarding).step()).isEqualTo("won-back");
        assertThat(f.store.customers().find(PlaybookFixture.T, PlaybookFixture.ACME)
                .orElseThrow().history()).extracting(StageChange::to)
                .containsExactly(LifecycleStage.OFFBOARDING, LifecycleStage.ACTIVE);
    }

    @Test
    void offboarding_offerDeclined_churnsAtOnce() {
        InstanceRecord offboarding = f.start("offboarding");
        f.complete(offboarding, "acknowledged");
        for (String task : new String[] {"interview", "export", "reason"}) {
            f.complete(offboarding, task);
        }

        f.deliver("offer.declined");

        assertThat(f.reload(offboarding).step()).isEqualTo("churned");
        assertThat(f.stage()).isEqualTo(LifecycleStage.CHURNED);
    }

    @Test
    void offboarding_noticeNotAcknowledged_warnsThenBreaches() {
        f.start("offboarding");

        f.after(Duration.ofDays(2));
        assertThat(f.alerts("offboarding")).containsExactly("notice:warn");
        f.after(Duration.ofDays(3));
        assertThat(f.alerts("offboarding")).containsExactly("notice:breach", "notice:warn");
        assertThat(f.csmTaskTitles()).containsExactly("Acknowledge the notice");
    }

    @Test
    void offboarding_exitChecklistStalled_isStuckInExit() {
        InstanceRecord offboarding = f.start("offboarding");
        f.complete(offboarding, "acknowledged");
        f.complete(offboarding, "export");

        f.after(Duration.ofDays(7));

        assertThat(f.alerts("offboarding")).containsExactly("exit:warn");
        assertThat(f.stage()).isEqualTo(LifecycleStage.OFFBOARDING);
    }
}
