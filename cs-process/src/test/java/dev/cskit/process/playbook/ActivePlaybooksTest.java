package dev.cskit.process.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cskit.core.LifecycleStage;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.core.store.InstanceStatus;
import dev.cskit.process.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Advanced training, growth, recommendations and support, walked on the test clock. */
class ActivePlaybooksTest {

    private final PlaybookFixture f = new PlaybookFixture(LifecycleStage.ACTIVE);

    @Test
    void advancedTraining_failedExamLoopsBackThenCertifies() {
        InstanceRecord course = f.start("advanced-training");

        f.deliver("course.started");
        f.deliver("course.completed");
        f.deliver("exam.taken", Map.of("score", "55"));
        assertThat(f.reload(course).step()).isEqualTo("in-course");
        f.deliver("course.completed");
        f.deliver("exam.taken", Map.of("score", "70"));

        assertThat(f.reload(course).status()).isEqualTo(InstanceStatus.COMPLETED);
        assertThat(f.reload(course).step()).isEqualTo("certified");
        assertThat(f.emailTemplates()).containsExactly("advanced-course-invitation",
                "exam-invitation", "exam-retake", "exam-invitation", "certificate");
    }

    @Test
    void advancedTraining_stuckAlertsFollowTheStage() {
        f.start("advanced-training");

        f.after(Duration.ofDays(7));
        assertThat(f.alerts("advanced-training")).containsExactly("enrolled:warn");
        f.deliver("course.started");
        assertThat(f.alerts("advanced-training")).isEmpty();
        f.after(Duration.ofDays(14));
        assertThat(f.alerts("advanced-training")).containsExactly("in-course:warn");
        f.after(Duration.ofDays(31));
        assertThat(f.alerts("advanced-training")).containsExactly("in-course:breach",
                "in-course:escalate", "in-course:warn");
        f.deliver("course.completed");
        f.after(Duration.ofDays(7));
        assertThat(f.alerts("advanced-training")).containsExactly("exam:warn");
    }

    @Test
    void growth_usageAboveThreshold_proposesAndExpands() {
        InstanceRecord growth = f.start("growth");

        Delivery low = f.deliver("usage.reported", Map.of("utilisation", "62"));
        assertThat(low.outcome()).isEqualTo(Delivery.Outcome.UNMATCHED);
        f.deliver("usage.reported", Map.of("utilisation", "85"));
        assertThat(f.reload(growth).step()).isEqualTo("proposal");
        f.deliver("units.purchased", Map.of("units", "500"));

        assertThat(f.reload(growth).step()).isEqualTo("expanded");
        assertThat(f.csmTaskTitles()).containsExactly("Propose more seats or units");
        assertThat(f.emailTemplates()).containsExactly("expansion-thanks");
    }

    @Test
    void growth_proposalUnanswered_warnsThenBreaches() {
        f.start("growth");
        f.deliver("usage.reported", Map.of("utilisation", "80"));

        f.after(Duration.ofDays(7));
        assertThat(f.alerts("growth")).containsExactly("proposal:warn");
        f.after(Duration.ofDays(7));
        assertThat(f.alerts("growth")).containsExactly("proposal:breach", "proposal:warn");
        f.deliver("proposal.declined");
        assertThat(f.instanceOf("growth").step()).isEqualTo("declined");
        assertThat(f.alerts("growth")).isEmpty();
    }

    @Test
    void recommendations_promoterIsRefinedAndAmplified() {
        InstanceRecord referral = f.start("recommendations");

        f.deliver("survey.answered", Map.of("score", "10"));
        f.complete(referral, "draft");
        InstanceRecord done = f.complete(referral, "publish");

        assertThat(done.step()).isEqualTo("referred");
        assertThat(f.emailTemplates()).containsExactly("nps-survey", "referral-thanks");
        assertThat(f.csmTaskTitles()).containsExactly("Ask the promoter for a testimonial");
    }

    @Test
    void recommendations_detractorOrSilence_closesWithoutAsking() {
        InstanceRecord detractor = f.start("recommendations");
        f.deliver("survey.answered", Map.of("score", "6"));
        assertThat(f.reload(detractor).step()).isEqualTo("closed");

        PlaybookFixture silent = new PlaybookFixture(LifecycleStage.ACTIVE);
        InstanceRecord quiet = silent.start("recommendations");
        silent.after(Duration.ofDays(7));
        assertThat(silent.alerts("recommendations")).containsExactly("solicit:warn");
        silent.after(Duration.ofDays(7));
        assertThat(silent.reload(quiet).step()).isEqualTo("closed");
        assertThat(f.csmTasks).isEmpty();
    }

    @Test
    void recommendations_testimonialNotDrafted_isStuckInRefine() {
        f.start("recommendations");
        f.deliver("survey.answered", Map.of("score", "9"));

        f.after(Duration.ofDays(14));

        assertThat(f.alerts("recommendations")).containsExactly("refine:breach", "refine:warn");
    }

    @Test
    void support_ticketResolvedWithLowCsat_isFollowedUpThenClosed() {
        InstanceRecord ticket = f.start("support");

        f.deliver("ticket.triaged");
        f.deliver("ticket.resolved");
        f.deliver("survey.answered", Map.of("csat", "2"));
        assertThat(f.reload(ticket).step()).isEqualTo("follow-up");
        InstanceRecord closed = f.complete(ticket, "called");

        assertThat(closed.status()).isEqualTo(InstanceStatus.COMPLETED);
        assertThat(f.emailTemplates()).containsExactly("csat-survey");
        assertThat(f.csmTaskTitles()).containsExactly("Call the customer about a low CSAT");
    }

    @Test
    void support_goodCsatOrNoAnswer_closes() {
        InstanceRecord ticket = f.start("support");
        f.deliver("ticket.triaged");
        f.deliver("ticket.resolved");
        f.deliver("survey.answered", Map.of("csat", "5"));
        assertThat(f.reload(ticket).step()).isEqualTo("closed");

        PlaybookFixture silent = new PlaybookFixture(LifecycleStage.ACTIVE);
        InstanceRecord unanswered = silent.start("support");
        silent.deliver("ticket.triaged");
        silent.deliver("ticket.resolved");
        silent.after(Duration.ofDays(7));
        assertThat(silent.reload(unanswered).step()).isEqualTo("closed");
    }

    @Test
    void support_untriagedTicket_alertsInOfficeHoursOnly() {
        // Opened Friday 2025-03-07 16:00 Paris (15:00 UTC); office hours 09:00-17:00.
        PlaybookFixture friday = new PlaybookFixture(LifecycleStage.ACTIVE,
                Instant.parse("2025-03-07T15:00:00Z"));
        friday.start("support");

        // warn PT4H: 1 h on Friday, 3 h on Monday: Monday 12:00 Paris, 11:00 UTC.
        friday.at(Instant.parse("2025-03-10T10:59:00Z"));
        assertThat(friday.alerts("support")).isEmpty();
        friday.at(Instant.parse("2025-03-10T11:00:00Z"));
        assertThat(friday.alerts("support")).containsExactly("triage:warn");

        // breach PT8H: 1 h on Friday, 7 h on Monday: Monday 16:00 Paris, 15:00 UTC.
        friday.at(Instant.parse("2025-03-10T15:00:00Z"));
        assertThat(friday.alerts("support")).containsExactly("triage:breach", "triage:warn");

        // escalate P2D: two working days after Friday 16:00 is Tuesday 16:00 Paris.
        friday.at(Instant.parse("2025-03-11T14:59:00Z"));
        assertThat(friday.alerts("support")).hasSize(2);
        friday.at(Instant.parse("2025-03-11T15:00:00Z"));
        assertThat(friday.alerts("support")).containsExactly("triage:breach",
                "triage:escalate", "triage:warn");
    }
}
