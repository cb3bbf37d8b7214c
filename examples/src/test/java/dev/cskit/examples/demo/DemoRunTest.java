package dev.cskit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cskit.core.Customer;
import dev.cskit.core.CustomerId;
import dev.cskit.core.LifecycleStage;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.Alert;
import dev.cskit.core.store.AlertQuery;
import dev.cskit.core.store.AuditEntry;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.core.store.InstanceStatus;
import dev.cskit.core.store.Store;
import dev.cskit.store.jdbc.JdbcStore;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small runs of the demo on the first 120 Telco customers, checked against figures read
 * straight from the CSV file (a plain split of its lines, no cskit code) and against a second
 * run with the same seed.
 */
class DemoRunTest {

    private static final int CUSTOMERS = 120;

    @TempDir
    static Path dir;

    private static SmallRuns.Run first;
    private static List<String[]> rows;

    @BeforeAll
    static void runOnce() throws IOException {
        first = SmallRuns.run(dir.resolve("first"), CUSTOMERS, 42);
        try (InputStream in = DemoRunTest.class.getResourceAsStream(
                "/dev/cskit/examples/demo/Telco-Customer-Churn.csv")) {
            rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .limit(CUSTOMERS).map(line -> line.split(",", -1)).toList();
        }
    }

    @Test
    void run_sameSeedTwice_printsTheSameSummary() {
        SmallRuns.Run second = SmallRuns.run(dir.resolve("second"), CUSTOMERS, 42);

        assertThat(second.summary()).isEqualTo(first.summary());
        assertThat(first.summary()).contains("Customers per stage", "MRR bridge per month",
                "GRR", "NRR", "NPS", "CSAT", "time to value", "Stuck customers");
    }

    @Test
    void run_otherSeed_printsAnotherSummary() {
        SmallRuns.Run other = SmallRuns.run(dir.resolve("other"), CUSTOMERS, 7);

        assertThat(other.summary()).isNotEqualTo(first.summary());
    }

    @Test
    void openingMrr_isTheMonthlyChargesOfCustomersWhoJoinedBeforeTheYear() {
        // tenure (column 6) above 12 months: started before 2017-02-01; MonthlyCharges column 19
        BigDecimal expected = rows.stream().filter(r -> Integer.parseInt(r[5]) > 12)
                .map(r -> new BigDecimal(r[18])).reduce(BigDecimal.ZERO, BigDecimal::add);

        assertThat(first.result().summary().bridges.get(0).start().toBigDecimal())
                .isEqualByComparingTo(expected);
    }

    @Test
    void funnel_startsWithTheCustomersWhoSignedUpDuringTheYear() {
        // tenure 1 to 12: the subscription started within [2017-02-01, 2018-02-01)
        long expected = rows.stream().map(r -> Integer.parseInt(r[5]))
                .filter(t -> t >= 1 && t <= 12).count();

        assertThat(first.result().summary().funnel.get(0).customers()).isEqualTo(expected);
        assertThat(first.result().summary().funnel).allSatisfy(step ->
                assertThat(step.customers()).isLessThanOrEqualTo(expected));
    }

    @Test
    void stages_countEveryImportedCustomer_andChurnersLeave() {
        long churners = rows.stream().filter(r -> r[20].equals("Yes")).count();
        var stages = first.result().summary().stages;

        assertThat(stages.values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(CUSTOMERS);
        // every churner cancels unless it joined too late in the year; few are won back
        assertThat(stages.get(LifecycleStage.CHURNED) + stages.get(LifecycleStage.OFFBOARDING))
                .isPositive().isLessThanOrEqualTo(churners);
    }

    @Test
    void run_writesTheReport_andShowsProgress() throws IOException {
        assertThat(Files.readString(first.report())).contains("cskit demo report",
                "120 customers from Telco-Customer-Churn.csv");
        assertThat(first.progress()).contains("Importing customers", "Living through 12 months",
                "day 360");
    }

    @Test
    void run_customerWhoCancels_keepsOnlyItsOffboardingRunning() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("first").toAbsolutePath()
                .resolve("db"));
        Store store = JdbcStore.builder().dataSource(dataSource).migrate(false).build();
        Set<CustomerId> left = new HashSet<>();
        for (Customer customer : store.customers().list(TenantId.DEFAULT)) {
            if (customer.stage() == LifecycleStage.CHURNED
                    || customer.stage() == LifecycleStage.OFFBOARDING) {
                left.add(customer.id());
            }
        }
        long cancelled = 0;
        for (CustomerId customer : left) {
            assertThat(store.instances().runningForCustomer(TenantId.DEFAULT, customer))
                    .as("running playbooks of %s", customer)
                    .allSatisfy(i -> assertThat(i.definitionKey()).isEqualTo("offboarding"));
            for (InstanceRecord instance : store.instances().forCustomer(TenantId.DEFAULT,
                    customer)) {
                if (instance.status() == InstanceStatus.CANCELLED) {
                    cancelled++;
                    List<AuditEntry> trail = store.instances().audit(TenantId.DEFAULT,
                            instance.id());
                    AuditEntry last = trail.get(trail.size() - 1);
                    assertThat(last.trigger()).isEqualTo("cancel");
                    assertThat(last.detail().get("reason"))
                            .startsWith("subscription cancelled: ");
                    assertThat(store.dueItems().forInstance(TenantId.DEFAULT, instance.id()))
                            .isEmpty();
                }
            }
        }
        for (Alert alert : store.alerts().open(TenantId.DEFAULT,
                AlertQuery.builder().limit(1_000_000).build())) {
            assertThat(store.instances().find(TenantId.DEFAULT, alert.instanceId())
                    .orElseThrow().status()).isEqualTo(InstanceStatus.RUNNING);
        }
        Set<String> names = new HashSet<>();
        first.result().summary().stuck().stream().filter(s -> left.contains(s.customer()))
                .forEach(s -> names.add(s.playbook()));

        assertThat(cancelled).isPositive();
        assertThat(names).isSubsetOf(PlaybookPlan.builtIn().name("offboarding"));
        assertThat(first.progress()).contains("playbooksCancelled=");
    }
}
