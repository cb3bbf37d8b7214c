package dev.cskit.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cskit.core.CustomerId;
import dev.cskit.core.LifecycleStage;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.DueItem;
import dev.cskit.core.store.InMemoryStore;
import dev.cskit.core.store.InstanceRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * P1D against PT24H across daylight-saving changes in Europe/Paris (clocks go forward on
 * 2024-03-31 at 02:00 to 03:00 and back on 2024-10-27 at 03:00 to 02:00), a due time in the
 * spring gap, and business-calendar delays. Expected instants are worked out by hand from
 * those rules.
 */
class TimeSemanticsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final InMemoryStore store = new InMemoryStore();

    private static ProcessDefinition parisDefinition(boolean business) {
        SlaLevel warn = SlaLevel.builder().level(SlaLevel.Level.WARN)
                .after(Delay.parse("PT24H")).businessCalendar(business).build();
        Trigger timer = Trigger.builder().kind(Trigger.Kind.TIMER).after(Delay.parse("P1D"))
                .businessCalendar(business).build();
        return ProcessDefinition.builder().key("paris").version(1)
                .stage(LifecycleStage.ACTIVE).zone(PARIS).startStep("wait")
                .step(Step.normal("wait").addSla(warn).addTransitions(Transition.to("end", timer)))
                .step(Step.end("end"))
                .build();
    }

    private Map<String, Instant> dueAfterStartAt(String start, ProcessRunner.Builder builder,
            boolean business) {
        MutableClock clock = MutableClock.at(Instant.parse(start));
        ProcessRunner runner = builder.store(store).clock(clock).build();
        runner.register(parisDefinition(business));
        InstanceRecord instance = runner.start(CustomerId.of("acme"), "paris");
        return store.dueItems().forInstance(TenantId.DEFAULT, instance.id()).stream()
                .collect(Collectors.toMap(DueItem::key, DueItem::dueAt));
    }

    @Test
    void dueAt_springForward_p1dIs23HoursAndPt24hIsExact() {
        // 2024-03-30T12:00+01:00; P1D is 2024-03-31T12:00+02:00 = 10:00Z
        Map<String, Instant> due = dueAfterStartAt("2024-03-30T11:00:00Z",
                ProcessRunner.builder(), false);

        assertThat(due.get("timer:0")).isEqualTo(Instant.parse("2024-03-31T10:00:00Z"));
        assertThat(due.get("sla:warn")).isEqualTo(Instant.parse("2024-03-31T11:00:00Z"));
    }

    @Test
    void dueAt_fallBack_p1dIs25Hours() {
        // 2024-10-26T12:00+02:00; P1D is 2024-10-27T12:00+01:00 = 11:00Z
        Map<String, Instant> due = dueAfterStartAt("2024-10-26T10:00:00Z",
                ProcessRunner.builder(), false);

        assertThat(due.get("timer:0")).isEqualTo(Instant.parse("2024-10-27T11:00:00Z"));
        assertThat(due.get("sla:warn")).isEqualTo(Instant.parse("2024-10-27T10:00:00Z"));
    }

    @Test
    void dueAt_wallTimeInTheGap_movesForwardByTheGap() {
        // 2024-03-30T02:30+01:00; 2024-03-31T02:30 does not exist, it becomes 03:30+02:00
        Map<String, Instant> due = dueAfterStartAt("2024-03-30T01:30:00Z",
                ProcessRunner.builder(), false);

        assertThat(due.get("timer:0")).isEqualTo(Instant.parse("2024-03-31T01:30:00Z"));
        assertThat(due.get("timer:0").atZone(PARIS).toLocalTime())
                .hasToString("03:30");
    }

    @Test
    void dueAt_zoneOfTheRunner_appliesWhenTheDefinitionNamesNone() {
        ProcessDefinition utc = ProcessDefinition.builder().copyFrom(parisDefinition(false))
                .zone(java.util.Optional.empty()).build();
        MutableClock clock = MutableClock.at(Instant.parse("2024-03-30T11:00:00Z"));
        ProcessRunner runner = ProcessRunner.builder().store(store).clock(clock)
                .zone(PARIS).build();
        ProcessRunner plain = ProcessRunner.builder().store(new InMemoryStore()).clock(clock)
                .build();

        runner.register(utc);
        plain.register(utc);
        InstanceRecord inParis = runner.start(CustomerId.of("a"), "paris");

        assertThat(store.dueItems().forInstance(TenantId.DEFAULT, inParis.id()))
                .filteredOn(d -> d.key().equals("timer:0")).singleElement()
                .satisfies(d -> assertThat(d.dueAt())
                        .isEqualTo(Instant.parse("2024-03-31T10:00:00Z")));
        assertThat(Delay.parse("P1D").addTo(clock.instant(), ZoneId.of("UTC")))
                .isEqualTo(Instant.parse("2024-03-31T11:00:00Z"));
    }

    @Test
    void dueAt_businessFlag_countsOnTheBusinessCalendar() {
        // A calendar open only on weekdays, all day: Saturday and Sunday are skipped.
        BusinessCalendar weekdays = new BusinessCalendar() {
            @Override
            public Instant plus(Instant start, Duration workingTime) {
                Instant at = start;
                Duration left = workingTime;
                while (!left.isZero()) {
                    Duration step = left.compareTo(Duration.ofHours(1)) < 0 ? left
                            : Duration.ofHours(1);
                    if (at.atZone(PARIS).getDayOfWeek().getValue() <= 5) {
                        left = left.minus(step);
                    }
                    at = at.plus(step);
                }
                return at;
            }

            @Override
            public Instant plusWorkingDays(Instant start, int workingDays) {
                java.time.ZonedDateTime day = start.atZone(PARIS);
                for (int added = 0; added < workingDays; ) {
                    day = day.plusDays(1);
                    if (day.getDayOfWeek().getValue() <= 5) {
                        added++;
                    }
                }
                return day.toInstant();
            }
        };
        // Friday 2024-06-07T12:00+02:00
        Map<String, Instant> due = dueAfterStartAt("2024-06-07T10:00:00Z",
                ProcessRunner.builder().businessCalendar(weekdays), true);

        assertThat(due.get("timer:0")).isEqualTo(Instant.parse("2024-06-10T10:00:00Z"));
        assertThat(due.get("sla:warn")).isEqualTo(Instant.parse("2024-06-10T10:00:00Z"));
    }
}
