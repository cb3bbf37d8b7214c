package dev.cskit.store.jdbc;

import static dev.cskit.store.jdbc.Records.T0;
import static dev.cskit.store.jdbc.Records.TENANT;
import static dev.cskit.store.jdbc.Records.due;
import static dev.cskit.store.jdbc.Records.outbox;
import static dev.cskit.store.jdbc.Records.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cskit.core.store.DueItem;
import dev.cskit.core.store.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The H2 claim path (a plain read first, then the locking read and one batch of conditional
 * updates): an empty claim, a claim of a mix of leased and free rows, and four claimers of
 * the outbox at once.
 */
class PerfClaimTest {

    private final JdbcStore store = JdbcStore.builder().dataSource(H2Databases.migrated())
            .migrate(false).build();

    @Test
    void claim_nothingClaimable_returnsEmptyAndLeavesRowsAsTheyWere() {
        store.instances().commit(start("i-1").addOutbox(outbox("i-1", "o-1"))
                .addDueItems(due("i-1", "timer:t", T0.plusSeconds(30))).build());

        assertThat(store.outbox().claim(TENANT, T0.minusSeconds(1), 10, "a",
                T0.plusSeconds(60))).isEmpty();
        assertThat(store.dueItems().claim(TENANT, T0, 10, "a", T0.plusSeconds(60))).isEmpty();
        assertThat(store.outbox().find(TENANT, "o-1").orElseThrow().claimedBy()).isEmpty();
        assertThat(store.dueItems().forInstance(TENANT, "i-1").get(0).claimedBy()).isEmpty();
    }

    @Test
    void claim_someRowsLeased_takesOnlyTheFreeOnesWithTheirLease() {
        for (int i = 0; i < 5; i++) {
            store.instances().commit(start("i-" + i).addOutbox(outbox("i-" + i, "o-" + i))
                    .addDueItems(due("i-" + i, "timer:t", T0.plusMillis(i))).build());
        }
        Instant now = T0.plusSeconds(1);
        Instant leaseA = now.plusSeconds(60);
        Instant leaseB = now.plusSeconds(90);
        List<OutboxEntry> first = store.outbox().claim(TENANT, now, 2, "a", leaseA);
        List<DueItem> firstItems = store.dueItems().claim(TENANT, now, 2, "a", leaseA);

        List<OutboxEntry> rest = store.outbox().claim(TENANT, now, 10, "b", leaseB);
        List<DueItem> restItems = store.dueItems().claim(TENANT, now, 10, "b", leaseB);

        assertThat(first).extracting(OutboxEntry::id).containsExactly("o-0", "o-1");
        assertThat(rest).extracting(OutboxEntry::id).containsExactly("o-2", "o-3", "o-4");
        assertThat(rest).allSatisfy(entry -> {
            assertThat(entry.claimedBy()).contains("b");
            assertThat(entry.leaseUntil()).contains(leaseB);
        });
        assertThat(firstItems).extracting(DueItem::instanceId).containsExactly("i-0", "i-1");
        assertThat(restItems).extracting(DueItem::instanceId)
                .containsExactly("i-2", "i-3", "i-4");
        assertThat(store.outbox().find(TENANT, "o-3").orElseThrow().leaseUntil())
                .contains(leaseB);
        assertThat(store.dueItems().forInstance(TENANT, "i-0").get(0).claimedBy())
                .contains("a");
    }

    @Test
    void claim_fourOutboxClaimersAtOnce_eachEntryGoesToOneOfThem() throws Exception {
        for (int i = 0; i < 200; i++) {
            store.instances().commit(start("i-" + i).addOutbox(outbox("i-" + i, "o-" + i))
                    .build());
        }
        Instant now = T0.plusSeconds(1);
        ConcurrentLinkedQueue<String> claimed = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> claimers = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            String owner = "node-" + n;
            claimers.add(pool.submit(() -> {
                int emptyInARow = 0;
                while (emptyInARow < 3) {
                    List<OutboxEntry> batch = store.outbox().claim(TENANT, now, 7, owner,
                            now.plusSeconds(60));
                    emptyInARow = batch.isEmpty() ? emptyInARow + 1 : 0;
                    batch.forEach(entry -> {
                        assertThat(entry.claimedBy()).contains(owner);
                        claimed.add(entry.id());
                    });
                }
            }));
        }
        for (Future<?> claimer : claimers) {
            claimer.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(claimed).hasSize(200).doesNotHaveDuplicates();
        assertThat(store.outbox().claim(TENANT, now, 10, "late", now.plusSeconds(60))).isEmpty();
    }
}
