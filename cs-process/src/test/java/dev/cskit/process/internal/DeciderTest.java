package dev.cskit.process.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cskit.core.CustomerEvent;
import dev.cskit.core.CustomerId;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.Alert;
import dev.cskit.core.store.AuditEntry;
import dev.cskit.core.store.DueItem;
import dev.cskit.core.store.InstanceStatus;
import dev.cskit.core.store.OutboxEntry;
import dev.cskit.process.InstanceNotRunningException;
import dev.cskit.process.ProcessDefinition;
import dev.cskit.process.ProcessFixtures;
import dev.cskit.process.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DeciderTest {

    private static final Instant T0 = ProcessFixtures.MONDAY;
    private static final ProcessDefinition ONBOARDING = ProcessFixtures.onboarding(1);

    private static Decision start(ProcessDefinition definition, Instant at) {
        return Decider.decide(TimeRules.UTC, definition, null, new Input.Start(TenantId.DEFAULT,
                "i-1", CustomerId.of("acme"), "alice"), at);
    }

    private static Decision task(InstanceState state, String task, Instant at) {
        return Decider.decide(TimeRules.UTC, ONBOARDING, state,
                new Input.CompleteTask(task, "bob"), at);
    }

    private static Decision event(ProcessDefinition definition, InstanceState state, String id,
            String type, Map<String, String> attributes, Instant at) {
        CustomerEvent event = CustomerEvent.builder().id(id).type(type)
                .customerId(CustomerId.of("acme")).occurredAt(at).putAllAttributes(attributes)
                .build();
        return Decider.decide(TimeRules.UTC, definition, state,
                new Input.Deliver(event, "crm"), at);
    }

    private static Decision tick(ProcessDefinition definition, InstanceState state, Instant at) {
        return Decider.decide(TimeRules.UTC, definition, state, new Input.Tick("system"), at);
    }

    /** Walks the onboarding to the kickoff step, committing nothing. */
    private static InstanceState atKickoff() {
        InstanceState state = start(ONBOARDING, T0).next();
        for (String task : List.of("contract", "account", "licences")) {
            state = task(state, task, T0.plusSeconds(60)).next();
        }
        return state;
    }

    @Test
    void decideStart_entersStartStep_withAuditDueItemsAndEntryActions() {
        Decision decision = start(ONBOARDING, T0);

        assertThat(decision.changed()).isTrue();
        assertThat(decision.expectedVersion()).isZero();
        assertThat(decision.next().record().step()).isEqualTo("registration");
        assertThat(decision.next().record().version()).isEqualTo(1);
        assertThat(decision.next().record().status()).isEqualTo(InstanceStatus.RUNNING);
        AuditEntry entry = decision.audit().get(0);
        assertThat(entry.sequence()).isEqualTo(1);
        assertThat(entry.fromStep()).isEmpty();
        assertThat(entry.trigger()).isEqualTo("start");
        assertThat(entry.actor()).isEqualTo("alice");
        List<DueItem> due = decision.commit().dueItems();
        assertThat(due).extracting(DueItem::key).containsExactly("sla:warn");
        assertThat(due.get(0).dueAt()).isEqualTo(Instant.parse("2024-06-04T09:00:00Z"));
        assertThat(decision.outbox()).extracting(OutboxEntry::actionType)
                .containsExactly("email");
        assertThat(decision.outbox().get(0).id()).isEqualTo("i-1:1:0");
        assertThat(decision.outbox().get(0).payload()).contains("\"template\":\"registration\"");
    }

    @Test
    void decideTask_beforeItsPrecedence_isRefusedAndChangesNothing() {
        InstanceState state = start(ONBOARDING, T0).next();

        assertThatThrownBy(() -> task(state, "account", T0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("requires [contract]");
        assertThatThrownBy(() -> task(state, "nope", T0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not a task of step 'registration'");
    }

    @Test
    void decideTask_lastRequiredTask_firesChecklistWithActionsInOrder() {
        InstanceState state = start(ONBOARDING, T0).next();
        state = task(state, "contract", T0.plusSeconds(1)).next();
        state = task(state, "licences", T0.plusSeconds(2)).next();
        assertThat(task(state, "licences", T0.plusSeconds(3)).outcome())
                .isEqualTo(Decision.Outcome.ALREADY_DONE);

        Decision last = task(state, "account", T0.plusSeconds(4));

        assertThat(last.audit()).extracting(AuditEntry::trigger)
                .containsExactly("task.done", "checklist");
        assertThat(last.audit()).extracting(AuditEntry::sequence).containsExactly(4L, 5L);
        assertThat(last.next().record().step()).isEqualTo("kickoff");
        assertThat(last.next().record().version()).isEqualTo(4);
        assertThat(last.audit()).allSatisfy(e ->
                assertThat(e.detail()).containsEntry("version", "4"));
        assertThat(last.outbox()).extracting(OutboxEntry::actionType)
                .containsExactly("csm.task");
        assertThat(last.commit().dueItems()).extracting(DueItem::key)
                .containsExactly("timer:1");
        assertThat(last.commit().dueItems().get(0).dueAt())
                .isEqualTo(T0.plusSeconds(4).plus(Duration.ofDays(3)));
    }

    @Test
    void decideEvent_conditionDecidesAndDuplicateIdChangesNothing() {
        InstanceState kickoff = atKickoff();

        Decision notOk = event(ONBOARDING, kickoff, "e-1", "meeting.held",
                Map.of("outcome", "postponed"), T0.plusSeconds(100));
        Decision other = event(ONBOARDING, kickoff, "e-2", "feature.used", Map.of(),
                T0.plusSeconds(100));
        Decision ok = event(ONBOARDING, kickoff, "e-3", "meeting.held",
                Map.of("outcome", "ok"), T0.plusSeconds(100));
        Decision again = event(ONBOARDING, ok.next(), "e-3", "feature.used", Map.of(),
                T0.plusSeconds(200));

        assertThat(notOk.outcome()).isEqualTo(Decision.Outcome.NO_MATCH);
        assertThat(other.outcome()).isEqualTo(Decision.Outcome.NO_MATCH);
        assertThat(ok.next().record().step()).isEqualTo("adoption");
        assertThat(ok.audit().get(0).triggerRef()).contains("e-3");
        assertThat(again.outcome()).isEqualTo(Decision.Outcome.DUPLICATE);
        assertThat(again.audit()).isEmpty();
    }

    @Test
    void decideTick_slaLevelRaisedOncePerStayAndClearedOnLeaving() {
        InstanceState adoption = event(ONBOARDING, atKickoff(), "e-1", "meeting.held",
                Map.of("outcome", "ok"), T0).next();
        Instant entered = adoption.record().stepEnteredAt();

        Decision early = tick(ONBOARDING, adoption, entered.plus(Duration.ofDays(2))
                .minusSeconds(1));
        Decision warn = tick(ONBOARDING, adoption, entered.plus(Duration.ofDays(2)));
        Decision warnAgain = tick(ONBOARDING, warn.next(), entered.plus(Duration.ofDays(3)));
        Decision leave = event(ONBOARDING, warn.next(), "e-2", "feature.used", Map.of(),
                entered.plus(Duration.ofDays(3)));

        assertThat(early.changed()).isFalse();
        assertThat(warn.raise()).singleElement().satisfies(alert -> {
            assertThat(alert.id()).isEqualTo("i-1:" + adoption.progress().stay() + ":warn");
            assertThat(alert.level()).isEqualTo("warn");
            assertThat(alert.step()).isEqualTo("adoption");
            assertThat(alert.dueAt()).isEqualTo(entered.plus(Duration.ofDays(2)));
            assertThat(alert.isOpen()).isTrue();
        });
        assertThat(warn.commit().dueItems()).extracting(DueItem::key)
                .containsExactly("sla:breach", "sla:escalate");
        assertThat(warnAgain.changed()).isFalse();
        assertThat(leave.clear()).containsExactly(warn.raise().get(0).id());
        assertThat(leave.next().record().status()).isEqualTo(InstanceStatus.COMPLETED);
        assertThat(leave.commit().dueItems()).isEmpty();
        assertThat(leave.outbox()).extracting(OutboxEntry::actionType)
                .containsExactly("lifecycle.stage");
    }

    @Test
    void decideTick_afterAWeekDown_raisesEachOverdueLevelOnce() {
        InstanceState adoption = event(ONBOARDING, atKickoff(), "e-1", "meeting.held",
                Map.of("outcome", "ok"), T0).next();
        Instant entered = adoption.record().stepEnteredAt();
        Instant back = entered.plus(Duration.ofDays(7));

        Decision sweep = tick(ONBOARDING, adoption, back);

        assertThat(sweep.raise()).extracting(Alert::level).containsExactly("warn", "breach");
        assertThat(sweep.raise()).extracting(Alert::raisedAt).containsOnly(back);
        assertThat(sweep.raise()).extracting(Alert::dueAt).containsExactly(
                entered.plus(Duration.ofDays(2)), entered.plus(Duration.ofDays(5)));
        assertThat(sweep.next().record().version())
                .isEqualTo(adoption.record().version() + 1);
        assertThat(tick(ONBOARDING, sweep.next(), back.plusSeconds(1)).changed()).isFalse();
    }

    @Test
    void decideTick_timerFiresAndEndsTheStay() {
        ProcessDefinition definition = ProcessFixtures.waiting("PT1H", "PT30M");
        InstanceState waiting = start(definition, T0).next();

        Decision sweep = tick(definition, waiting, T0.plus(Duration.ofHours(2)));

        assertThat(sweep.audit()).extracting(AuditEntry::trigger)
                .containsExactly("alert", "timer");
        assertThat(sweep.audit().get(1).triggerRef()).contains("timer:1");
        assertThat(sweep.next().record().status()).isEqualTo(InstanceStatus.COMPLETED);
        assertThat(sweep.raise()).singleElement()
                .satisfies(a -> assertThat(a.clearedAt()).contains(T0.plus(Duration.ofHours(2))));
        assertThat(sweep.clear()).isEmpty();
    }

    @Test
    void decide_stepWithNoWayToMove_isFlaggedStuckAtOnce() {
        ProcessDefinition v1 = ProcessFixtures.onboarding(1);
        ProcessDefinition v2 = ProcessDefinition.builder().copyFrom(v1).version(2)
                .steps(List.of(Step.normal("registration")
                                .addAllTasks(v1.steps().get(0).tasks())
                                .onTask("contract", "done").build(),
                        Step.end("done")))
                .build();
        InstanceState state = task(start(v1, T0).next(), "contract", T0).next();

        Decision migrated = Decider.decide(TimeRules.UTC, v1, state,
                new Input.Migrate(v2, Map.of(), "ops"), T0.plusSeconds(5));

        assertThat(migrated.audit()).extracting(AuditEntry::trigger)
                .containsExactly("migration", "alert");
        AuditEntry migration = migrated.audit().get(0);
        assertThat(migration.detail()).containsEntry("fromVersion", "1")
                .containsEntry("definitionVersion", "2");
        assertThat(migrated.next().record().definitionVersion()).isEqualTo(2);
        assertThat(migrated.next().progress().doneTasks()).containsExactly("contract");
        assertThat(migrated.raise()).singleElement().satisfies(alert -> {
            assertThat(alert.level()).isEqualTo("stuck");
            assertThat(alert.id()).isEqualTo("i-1:" + migration.sequence() + ":stuck");
        });
        assertThat(migrated.clear()).isEmpty();
        assertThat(migrated.commit().dueItems()).isEmpty();
    }

    @Test
    void decideMigrate_toMissingStep_isRefused() {
        ProcessDefinition v2 = ProcessFixtures.waiting("PT1H", "PT30M");
        ProcessDefinition other = ProcessDefinition.builder().copyFrom(ONBOARDING).version(2)
                .build();
        InstanceState state = start(ONBOARDING, T0).next();

        assertThatThrownBy(() -> Decider.decide(TimeRules.UTC, ONBOARDING, state,
                new Input.Migrate(v2, Map.of(), "ops"), T0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("target.key");
        assertThatThrownBy(() -> Decider.decide(TimeRules.UTC, ONBOARDING, state,
                new Input.Migrate(other, Map.of("registration", "gone"), "ops"), T0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("stepMapping.registration");
    }

    @Test
    void decide_sameArguments_giveTheSameDecision() {
        InstanceState kickoff = atKickoff();
        Instant later = T0.plus(Duration.ofDays(4));

        Decision first = tick(ONBOARDING, kickoff, later);
        Decision second = tick(ONBOARDING, kickoff, later);

        assertThat(first).isEqualTo(second);
        assertThat(first.next().record().step()).isEqualTo("reminder");
    }

    @Test
    void replayRebuild_walkedTrail_givesTheFinalState() {
        Decision start = start(ONBOARDING, T0);
        InstanceState state = start.next();
        List<AuditEntry> trail = new java.util.ArrayList<>(start.audit());
        for (String task : List.of("contract", "account", "licences")) {
            Decision d = task(state, task, T0.plusSeconds(60));
            trail.addAll(d.audit());
            state = d.next();
        }
        Decision timer = tick(ONBOARDING, state, T0.plus(Duration.ofDays(4)));
        trail.addAll(timer.audit());

        InstanceState rebuilt = Replay.rebuild(TimeRules.UTC, v -> ONBOARDING, trail);

        assertThat(rebuilt).isEqualTo(timer.next());
        assertThat(trail.stream().map(AuditEntry::sequence).collect(Collectors.toList()))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void decideCancel_adoptionWithWarnRaised_stopsClearsAndRunsNothing() {
        Decision start = start(ONBOARDING, T0);
        InstanceState kickoff = atKickoff();
        Decision enter = event(ONBOARDING, kickoff, "e-1", "meeting.held",
                Map.of("outcome", "ok"), T0);
        Instant entered = enter.next().record().stepEnteredAt();
        Decision warn = tick(ONBOARDING, enter.next(), entered.plus(Duration.ofDays(2)));
        Instant at = entered.plus(Duration.ofDays(3));

        Decision cancel = Decider.decide(TimeRules.UTC, ONBOARDING, warn.next(),
                new Input.Cancel("customer churned", "carol"), at);

        assertThat(cancel.changed()).isTrue();
        assertThat(cancel.expectedVersion()).isEqualTo(warn.next().record().version());
        assertThat(cancel.next().record().status()).isEqualTo(InstanceStatus.CANCELLED);
        assertThat(cancel.next().record().step()).isEqualTo("adoption");
        assertThat(cancel.next().record().stepEnteredAt()).isEqualTo(entered);
        assertThat(cancel.next().record().updatedAt()).isEqualTo(at);
        assertThat(cancel.next().record().version())
                .isEqualTo(warn.next().record().version() + 1);
        assertThat(cancel.audit()).singleElement().satisfies(entry -> {
            assertThat(entry.trigger()).isEqualTo("cancel");
            assertThat(entry.fromStep()).contains("adoption");
            assertThat(entry.toStep()).isEqualTo("adoption");
            assertThat(entry.actor()).isEqualTo("carol");
            assertThat(entry.at()).isEqualTo(at);
            assertThat(entry.detail()).containsEntry("reason", "customer churned");
            assertThat(entry.sequence()).isEqualTo(warn.next().progress().sequence() + 1);
        });
        assertThat(cancel.clear()).containsExactly(warn.raise().get(0).id());
        assertThat(cancel.raise()).isEmpty();
        assertThat(cancel.outbox()).isEmpty();
        assertThat(cancel.commit().dueItems()).isEmpty();
        assertThat(start.next().record().status()).isEqualTo(InstanceStatus.RUNNING);
    }

    @Test
    void decideCancel_endedInstance_isRefusedNamingItsStatus() {
        InstanceState cancelled = Decider.decide(TimeRules.UTC, ONBOARDING, atKickoff(),
                new Input.Cancel("duplicate", "carol"), T0).next();
        InstanceState completed = event(ONBOARDING, event(ONBOARDING, atKickoff(), "e-1",
                "meeting.held", Map.of("outcome", "ok"), T0).next(), "e-2", "feature.used",
                Map.of(), T0).next();

        assertThat(completed.record().status()).isEqualTo(InstanceStatus.COMPLETED);
        for (InstanceState ended : List.of(cancelled, completed)) {
            assertThatThrownBy(() -> Decider.decide(TimeRules.UTC, ONBOARDING, ended,
                    new Input.Cancel("again", "carol"), T0))
                    .isInstanceOf(InstanceNotRunningException.class)
                    .hasMessageContaining("i-1").hasMessageContaining(
                            ended.record().status().name())
                    .satisfies(e -> {
                        InstanceNotRunningException refused = (InstanceNotRunningException) e;
                        assertThat(refused.instanceId()).isEqualTo("i-1");
                        assertThat(refused.status()).isEqualTo(ended.record().status());
                    });
        }
        assertThat(tick(ONBOARDING, cancelled, T0.plus(Duration.ofDays(30))).outcome())
                .isEqualTo(Decision.Outcome.NOT_RUNNING);
    }

    @Test
    void replayRebuild_trailEndingInCancel_givesTheCancelledState() {
        Decision start = start(ONBOARDING, T0);
        List<AuditEntry> trail = new java.util.ArrayList<>(start.audit());
        Decision task = task(start.next(), "contract", T0.plusSeconds(60));
        trail.addAll(task.audit());
        Decision warn = tick(ONBOARDING, task.next(), T0.plus(Duration.ofDays(1)));
        trail.addAll(warn.audit());
        Decision cancel = Decider.decide(TimeRules.UTC, ONBOARDING, warn.next(),
                new Input.Cancel("churned", "carol"), T0.plus(Duration.ofDays(2)));
        trail.addAll(cancel.audit());

        InstanceState rebuilt = Replay.rebuild(TimeRules.UTC, v -> ONBOARDING, trail);

        assertThat(warn.raise()).extracting(Alert::level).containsExactly("warn");
        assertThat(rebuilt).isEqualTo(cancel.next());
        assertThat(rebuilt.progress().doneTasks()).containsExactly("contract");
        assertThat(rebuilt.progress().due()).isEmpty();
        assertThat(rebuilt.progress().raised()).isEmpty();
    }
}
