package dev.cskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cskit.core.BillingInterval;
import dev.cskit.core.Customer;
import dev.cskit.core.CustomerEvent;
import dev.cskit.core.CustomerId;
import dev.cskit.core.LifecycleStage;
import dev.cskit.core.Money;
import dev.cskit.core.Subscription;
import dev.cskit.core.TenantId;
import dev.cskit.core.imports.ImportMapping;
import dev.cskit.core.imports.ImportReport;
import dev.cskit.core.imports.Importer;
import dev.cskit.core.store.Alert;
import dev.cskit.core.store.AlertQuery;
import dev.cskit.core.store.InMemoryStore;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.core.store.InstanceStatus;
import dev.cskit.core.store.Store;
import dev.cskit.kpi.ChurnPolicy;
import dev.cskit.kpi.MrrBridge;
import dev.cskit.kpi.Period;
import dev.cskit.kpi.Revenue;
import dev.cskit.kpi.RevenueRetention;
import dev.cskit.kpi.SubscriptionHistories;
import dev.cskit.process.Action;
import dev.cskit.process.MutableClock;
import dev.cskit.process.ProcessDefinition;
import dev.cskit.process.ProcessRunner;
import dev.cskit.process.SlaLevel;
import dev.cskit.process.Step;
import dev.cskit.store.jdbc.JdbcStore;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The code shown in the README, compiled and run, with the numbers the README states worked
 * out by hand in the comments. When this test changes, the README changes with it.
 */
class ReadmeExamplesTest {

    private static final Instant JAN_1 = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void processes_carryACustomerThroughOnboardingAndRaiseAnAlertWhenStuck() {
        // README: "A process"
        Store store = new InMemoryStore();
        MutableClock clock = MutableClock.at(Instant.parse("2025-03-03T09:00:00Z"));
        List<String> emails = new ArrayList<>();
        ProcessRunner runner = ProcessRunner.builder()
                .store(store)
                .clock(clock)
                .handler(Action.EMAIL, request -> emails.add(request.parameters().get("template")))
                .build();

        ProcessDefinition registration = ProcessDefinition.builder()
                .key("registration").version(1).name("Customer registration")
                .stage(LifecycleStage.ONBOARDING).startStep("checklist")
                .step(Step.checklist("checklist")
                        .task("contract", "Contract signed")
                        .task("account", "Account configured", "contract")
                        .task("licences", "Licences delivered", "contract")
                        .sla(SlaLevel.Level.WARN, "P2D")
                        .addOnEntry(Action.email("welcome"))
                        .whenChecklistDone("done"))
                .step(Step.builder().id("done").kind(Step.Kind.END)
                        .addOnEntry(Action.changeStage(LifecycleStage.ACTIVE)).build())
                .build();
        runner.register(registration);

        CustomerId acme = CustomerId.of("acme");
        store.customers().put(Customer.builder().id(acme).name("Acme").build());
        InstanceRecord instance = runner.start(acme, "registration");
        runner.completeTask(TenantId.DEFAULT, instance.id(), "contract", "dana");

        clock.advance(Duration.ofDays(3));              // nobody configures the account
        runner.tick();
        List<Alert> stuck = runner.openAlerts(TenantId.DEFAULT, AlertQuery.all());

        runner.completeTask(TenantId.DEFAULT, instance.id(), "account", "dana");
        runner.completeTask(TenantId.DEFAULT, instance.id(), "licences", "dana");
        runner.dispatchActions(TenantId.DEFAULT, clock.instant());

        // The warn level fell due two days after entry, while the customer was still there.
        assertThat(stuck).singleElement().satisfies(alert -> {
            assertThat(alert.step()).isEqualTo("checklist");
            assertThat(alert.level()).isEqualTo("warn");
            assertThat(alert.dueAt()).isEqualTo(Instant.parse("2025-03-05T09:00:00Z"));
        });
        assertThat(runner.openAlerts(TenantId.DEFAULT, AlertQuery.all())).isEmpty();
        assertThat(runner.instance(TenantId.DEFAULT, instance.id()).orElseThrow().status())
                .isEqualTo(InstanceStatus.COMPLETED);
        assertThat(store.customers().find(TenantId.DEFAULT, acme).orElseThrow().stage())
                .isEqualTo(LifecycleStage.ACTIVE);
        assertThat(emails).containsExactly("welcome");
        assertThat(store.instances().audit(TenantId.DEFAULT, instance.id())).isNotEmpty();
    }

    @Test
    void kpis_explainTheMrrBridgeOfAMonth() {
        // README: "KPIs". Acme: 5 seats x 120.00 EUR a year = 50.00 a month, 8 seats from
        // 10 February = 80.00 (expansion 30.00). Globex: 30.00 a month, ends 20 February
        // (churn 30.00). Initech: new on 5 February at 20.00.
        Instant feb10 = Instant.parse("2025-02-10T00:00:00Z");
        List<Subscription> terms = List.of(
                term("acme-1", "acme", 5, "120.00", BillingInterval.YEARLY, JAN_1, feb10),
                term("acme-1", "acme", 8, "120.00", BillingInterval.YEARLY, feb10, null),
                term("globex-1", "globex", 1, "30.00", BillingInterval.MONTHLY, JAN_1,
                        Instant.parse("2025-02-20T00:00:00Z")),
                term("initech-1", "initech", 1, "20.00", BillingInterval.MONTHLY,
                        Instant.parse("2025-02-05T00:00:00Z"), null));

        SubscriptionHistories histories = SubscriptionHistories.of(terms);
        Period february = Period.ofMonth(YearMonth.of(2025, 2), ZoneOffset.UTC);
        MrrBridge bridge = Revenue.bridge(histories, february, ChurnPolicy.STANDARD);
        RevenueRetention retention = Revenue.retention(histories, february,
                ChurnPolicy.STANDARD);

        // start 80.00 + new 20.00 + expansion 30.00 - churn 30.00 = end 100.00
        assertThat(bridge.start()).isEqualTo(eur("80.00"));
        assertThat(bridge.newMrr()).isEqualTo(eur("20.00"));
        assertThat(bridge.expansion()).isEqualTo(eur("30.00"));
        assertThat(bridge.churn()).isEqualTo(eur("30.00"));
        assertThat(bridge.end()).isEqualTo(eur("100.00"));
        // GRR = (80 - 30) / 80 = 0.625; NRR = (80 + 30 - 30) / 80 = 1
        assertThat(retention.grossRevenueRetention().value())
                .isEqualByComparingTo(new BigDecimal("0.625"));
        assertThat(retention.netRevenueRetention().value())
                .isEqualByComparingTo(BigDecimal.ONE);
    }

    @Test
    void storage_andImport_writeTheTelcoFileToH2InOneBatch() throws Exception {
        // README: "Storage" and the import snippet. The demo's bundled Telco copy and mapping.
        Path dir = Files.createTempDirectory("cskit-readme");
        Path csv = copy("/dev/cskit/examples/demo/Telco-Customer-Churn.csv", dir);
        Path mapping = copy("/dev/cskit/examples/demo/telco-mapping.yaml", dir);
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:readme;DB_CLOSE_DELAY=-1");
        Clock clock = Clock.fixed(JAN_1, ZoneOffset.UTC);

        Store store = JdbcStore.builder()
                .dataSource(dataSource)
                .build();
        Importer importer = Importer.of(ImportMapping.read(mapping), clock);
        ImportReport report = importer.importInto(store, csv);

        // 7,043 data rows, one customer each (wc -l of the file is 7,044 with the header).
        assertThat(report.problems()).isEmpty();
        assertThat(store.customers().count(TenantId.DEFAULT)).isEqualTo(7043);
    }

    private static Path copy(String resource, Path dir) throws Exception {
        Path target = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        try (InputStream in = ReadmeExamplesTest.class.getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
        return target;
    }

    @Test
    void events_withASeenIdChangeNothing() {
        Store store = new InMemoryStore();
        CustomerEvent used = CustomerEvent.builder().id("evt-1").type("feature.used")
                .customerId(CustomerId.of("acme")).occurredAt(JAN_1)
                .putAttributes("feature", "reports").build();

        assertThat(store.events().record(used, JAN_1)).isTrue();
        assertThat(store.events().record(used, JAN_1.plusSeconds(1))).isFalse();
    }

    private static Subscription term(String id, String customer, int seats, String price,
            BillingInterval interval, Instant start, Instant end) {
        Subscription.Builder builder = Subscription.builder().id(id)
                .customerId(CustomerId.of(customer)).plan("pro").seats(seats)
                .unitPrice(eur(price)).interval(interval).start(start);
        if (end != null) {
            builder.end(end);
        }
        return builder.build();
    }

    private static Money eur(String amount) {
        return Money.parse(amount, "EUR");
    }
}
