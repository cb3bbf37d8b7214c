package dev.cskit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cskit.core.CustomerId;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.AuditEntry;
import dev.cskit.core.store.InMemoryStore;
import dev.cskit.core.store.InstanceRecord;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VersionConflictTest {

    private static final TenantId T = TenantId.DEFAULT;
    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = MutableClock.at(ProcessFixtures.MONDAY);
    private final ProcessRunner rival = ProcessRunner.builder().store(store).clock(clock)
            .handler(Action.EMAIL, r -> { }).handler(Action.CSM_TASK, r -> { }).build();

    private String startOnboarding() {
        rival.register(ProcessFixtures.onboarding(1));
        return rival.start(T, CustomerId.of("acme"), "onboarding", 1, "i-1", "ops").id();
    }

    @Test
    void completeTask_afterARivalCommit_decidesAgainOnTheFreshState() {
        String id = startOnboarding();
        AtomicInteger rivalRuns = new AtomicInteger();
        ProcessRunner runner = ProcessRunner.builder()
                .store(new ContendedStore(store, 1, () -> {
                    rivalRuns.incrementAndGet();
                    rival.completeTask(T, id, "contract", "rival");
                }))
                .clock(clock).handler(Action.EMAIL, r -> { }).handler(Action.CSM_TASK, r -> { })
                .build();

        InstanceRecord after = runner.completeTask(T, id, "training", "bob");

        assertThat(rivalRuns).hasValue(1);
        assertThat(after.version()).isEqualTo(3);
        assertThat(runner.doneTasks(after)).containsExactly("contract", "training");
        assertThat(store.instances().audit(T, id)).extracting(AuditEntry::actor)
                .containsExactly("ops", "rival", "bob");
    }

    @Test
    void completeTask_alwaysBeaten_givesUpAfterTheBoundAndWritesNothing() {
        String id = startOnboarding();
        List<String> optional = List.of("training");
        ProcessRunner runner = ProcessRunner.builder()
                .store(new ContendedStore(store, Integer.MAX_VALUE, () -> {
                    clock.advance(java.time.Duration.ofMinutes(1));
                    rival.tick();
                    rival.migrate(T, id, 1, java.util.Map.of(), "rival");
                }))
                .clock(clock).maxConflictRetries(3)
                .handler(Action.EMAIL, r -> { }).handler(Action.CSM_TASK, r -> { }).build();

        assertThatThrownBy(() -> runner.completeTask(T, id, optional.get(0), "bob"))
                .isInstanceOf(ConflictRetriesExhaustedException.class)
                .hasMessageContaining("after 3 attempts")
                .satisfies(e -> assertThat(((ConflictRetriesExhaustedException) e).attempts())
                        .isEqualTo(3));
        assertThat(store.instances().audit(T, id)).extracting(AuditEntry::actor)
                .doesNotContain("bob").containsExactly("ops", "rival", "rival", "rival");
    }
}
