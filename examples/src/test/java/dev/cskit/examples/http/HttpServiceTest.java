package dev.cskit.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cskit.core.CsKitJson;
import dev.cskit.core.CustomerId;
import dev.cskit.core.Money;
import dev.cskit.core.Subscription;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.InMemoryStore;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.examples.adapters.TestFiles;
import dev.cskit.process.MutableClock;
import dev.cskit.process.ProcessRunner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service over real HTTP on an ephemeral port of 127.0.0.1, on an in-memory store. */
class HttpServiceTest {

    private static final Instant T0 = Instant.parse("2024-06-03T09:00:00Z");
    private static final TenantId T = TenantId.DEFAULT;
    private static final CustomerId ACME = CustomerId.of("acme");

    private final MutableClock clock = MutableClock.at(T0);
    private final InMemoryStore store = new InMemoryStore();
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();
    private ProcessRunner runner;
    private HttpService service;

    @BeforeEach
    void start() {
        runner = ProcessRunner.builder().store(store).clock(clock).build();
        runner.register(ExampleProcesses.onboarding());
        service = HttpService.builder(store, runner).clock(clock)
                .startForNewCustomers(ExampleProcesses.ONBOARDING).build().start(0);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void postCustomer_createsItAndStartsOnboarding() throws Exception {
        Reply reply = post("/customers", "{\"id\": \"acme\", \"name\": \"Acme Corp\"}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().at("/customer/id").asText()).isEqualTo("acme");
        assertThat(reply.json().at("/customer/stage").asText()).isEqualTo("ONBOARDING");
        assertThat(reply.json().at("/instances/0/step").asText()).isEqualTo("setup");
        assertThat(store.customers().find(T, ACME).orElseThrow().name()).isEqualTo("Acme Corp");
        assertThat(store.instances().forCustomer(T, ACME)).hasSize(1);

        Reply again = post("/customers", "{\"id\": \"acme\", \"name\": \"Acme Inc\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("instances")).isEmpty();
        assertThat(store.instances().forCustomer(T, ACME)).hasSize(1);
    }

    @Test
    void postCustomer_malformedJsonIs400AndStoresNothing() throws Exception {
        Reply reply = post("/customers", "{\"id\": \"acme\", \"name\": ");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_input");
        JsonNode problem = reply.json().at("/problems/0");
        assertThat(problem.get("field").asText()).isNotBlank();
        assertThat(problem.get("line").asInt()).isEqualTo(1);
        assertThat(store.customers().count(T)).isZero();
        assertThat(store.instances().forCustomer(T, ACME)).isEmpty();
    }

    @Test
    void postCustomer_badFieldIs400NamingFieldValueAndRule() throws Exception {
        Reply blank = post("/customers", "{\"id\": \"acme\", \"name\": \"  \"}");
        Reply unknown = post("/customers",
                "{\"id\": \"acme\", \"name\": \"Acme\", \"colour\": \"red\"}");
        Reply stage = post("/customers",
                "{\"id\": \"acme\", \"name\": \"Acme\", \"stage\": \"ASLEEP\"}");

        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().at("/problems/0/field").asText()).isEqualTo("name");
        assertThat(blank.json().at("/problems/0/value").asText()).isEqualTo("  ");
        assertThat(blank.json().at("/problems/0/rule").asText()).contains("blank");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/problems/0/value").asText()).isEqualTo("colour");
        assertThat(unknown.json().at("/problems/0/rule").asText()).contains("not a property");
        assertThat(stage.status()).isEqualTo(400);
        assertThat(stage.json().at("/problems/0/field").asText()).isEqualTo("stage");
        assertThat(store.customers().count(T)).isZero();
    }

    @Test
    void importCustomers_salesforceAccountsStoresAllAndStartsEach() throws Exception {
        Reply reply = post("/customers/import?mapping=salesforce-accounts",
                TestFiles.bytes("/adapters/salesforce/Account.csv"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("customers").asInt()).isEqualTo(94);
        assertThat(reply.json().get("newCustomers").asInt()).isEqualTo(94);
        assertThat(reply.json().get("instances")).hasSize(94);
        assertThat(store.customers().count(T)).isEqualTo(94);
        assertThat(store.customers().find(T, CustomerId.of("001Nq00000J1MpfIAF"))
                .orElseThrow().name()).isEqualTo("Apu Narasimhaiah");
    }

    @Test
    void importCustomers_badRowIs400WithLineAndColumnAndStoresNothing() throws Exception {
        // The real header and first account, then the same account with a blank Name
        // (column 4) and one with an unreadable CreatedDate (column 40).
        String[] lines = new String(TestFiles.bytes("/adapters/salesforce/Account.csv"),
                StandardCharsets.UTF_8).split("\n", 3);
        String good = lines[1];
        String noName = good.replace("001Nq00000HwuT4IAJ,,,Sample Account for Entitlements,",
                "001B,,,,");
        String badDate = good.replace("001Nq00000HwuT4IAJ", "001C")
                .replaceFirst("2024-06-23T08:41:04.000\\+0000", "yesterday");
        String csv = lines[0] + "\n" + good + "\n" + noName + "\n" + badDate + "\n";

        Reply reply = post("/customers/import?mapping=salesforce-accounts", csv);

        assertThat(reply.status()).isEqualTo(400);
        List<JsonNode> problems = new ArrayList<>();
        reply.json().get("problems").forEach(problems::add);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).get("field").asText()).isEqualTo("Name");
        assertThat(problems.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(problems.get(0).get("column").asInt()).isEqualTo(4);
        assertThat(problems.get(1).get("field").asText()).isEqualTo("CreatedDate");
        assertThat(problems.get(1).get("value").asText()).isEqualTo("yesterday");
        assertThat(problems.get(1).get("line").asInt()).isEqualTo(4);
        assertThat(problems.get(1).get("column").asInt()).isEqualTo(40);
        assertThat(store.customers().count(T)).isZero();
        assertThat(store.instances().forCustomer(T, CustomerId.of("001Nq00000HwuT4IAJ")))
                .isEmpty();
    }

    @Test
    void importCustomers_unknownMappingIs400NamingTheParameter() throws Exception {
        Reply reply = post("/customers/import?mapping=pipedrive", "Id,Name\n1,A\n");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/problems/0/field").asText()).isEqualTo("mapping");
        assertThat(reply.json().at("/problems/0/value").asText()).isEqualTo("pipedrive");
        assertThat(store.customers().count(T)).isZero();
    }

    @Test
    void postEvent_deliversOnceAndMovesTheCustomer() throws Exception {
        String instance = createAcme();
        complete(instance, "contract");
        complete(instance, "account");
        String event = "{\"id\": \"evt-1\", \"type\": \"feature.used\", \"customerId\": \"acme\","
                + " \"occurredAt\": \"2024-06-03T10:00:00Z\","
                + " \"attributes\": {\"feature\": \"reports\"}}";

        Reply first = post("/events", event);
        Reply second = post("/events", event);

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.json().get("outcome").asText()).isEqualTo("APPLIED");
        assertThat(first.json().at("/instanceIds/0").asText()).isEqualTo(instance);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(store.instances().find(T, instance).orElseThrow().step()).isEqualTo("done");
        assertThat(get("/customers/acme").json().get("stage").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void postEvent_unknownCustomerIs404AndRecordsNothing() throws Exception {
        Reply reply = post("/events", "{\"id\": \"evt-9\", \"type\": \"feature.used\","
                + " \"customerId\": \"nobody\", \"occurredAt\": \"2024-06-03T10:00:00Z\"}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("kind").asText()).isEqualTo("customer");
        assertThat(reply.json().get("id").asText()).isEqualTo("nobody");
        assertThat(store.events().find(T, "evt-9")).isEmpty();
    }

    @Test
    void postEvent_badInstantIs400NamingTheField() throws Exception {
        createAcme();

        Reply reply = post("/events", "{\"id\": \"evt-2\", \"type\": \"feature.used\","
                + " \"customerId\": \"acme\", \"occurredAt\": \"last tuesday\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/problems/0/field").asText()).isEqualTo("occurredAt");
        assertThat(store.events().find(T, "evt-2")).isEmpty();
    }

    @Test
    void completeTask_refusalsChangeNothing() throws Exception {
        String instance = createAcme();

        Reply unknown = post("/instances/nope/tasks/contract/complete", "");
        Reply early = post("/instances/" + instance + "/tasks/account/complete", "");
        Reply badBody = post("/instances/" + instance + "/tasks/contract/complete",
                "{\"actor\": 7}");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("kind").asText()).isEqualTo("instance");
        assertThat(early.status()).isEqualTo(400);
        assertThat(badBody.status()).isEqualTo(400);
        assertThat(badBody.json().at("/problems/0/field").asText()).isEqualTo("actor");
        InstanceRecord after = store.instances().find(T, instance).orElseThrow();
        assertThat(runner.doneTasks(after)).isEmpty();
        assertThat(after.version()).isEqualTo(
                runner.instance(T, instance).orElseThrow().version());

        Reply done = post("/instances/" + instance + "/tasks/contract/complete",
                "{\"actor\": \"ana\"}");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().at("/doneTasks/0").asText()).isEqualTo("contract");
        assertThat(store.instances().audit(T, instance)).last()
                .satisfies(entry -> assertThat(entry.actor()).isEqualTo("ana"));
    }

    @Test
    void alerts_listsTheWarningOfAStuckCustomer() throws Exception {
        String instance = createAcme();
        clock.set(T0.plus(Duration.ofHours(1)));
        complete(instance, "contract");
        complete(instance, "account");

        clock.set(T0.plus(Duration.ofDays(8)));
        runner.tick();
        Reply reply = get("/alerts?process=" + ExampleProcesses.ONBOARDING);

        // Adoption entered at T0 + 1h; warn after P7D falls due at T0 + 7d + 1h.
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("alerts")).hasSize(1);
        JsonNode alert = reply.json().at("/alerts/0");
        assertThat(alert.get("customerId").asText()).isEqualTo("acme");
        assertThat(alert.get("step").asText()).isEqualTo("adoption");
        assertThat(alert.get("dueAt").asText()).isEqualTo("2024-06-10T10:00:00Z");
        assertThat(alert.get("raisedAt").asText()).isEqualTo("2024-06-11T09:00:00Z");
        assertThat(get("/alerts?process=other").json().get("alerts")).isEmpty();
    }

    @Test
    void timeline_showsTransitionsAlertsAndStageChangesInTimeOrder() throws Exception {
        String instance = createAcme();
        clock.set(T0.plus(Duration.ofHours(1)));
        complete(instance, "contract");
        complete(instance, "account");
        clock.set(T0.plus(Duration.ofDays(8)));
        runner.tick();
        clock.set(T0.plus(Duration.ofDays(9)));
        post("/events", "{\"id\": \"evt-1\", \"type\": \"feature.used\", \"customerId\": "
                + "\"acme\", \"occurredAt\": \"2024-06-12T09:00:00Z\"}");

        JsonNode timeline = get("/customers/acme/timeline").json();

        List<String> kinds = new ArrayList<>();
        List<String> times = new ArrayList<>();
        timeline.get("entries").forEach(entry -> {
            String what = entry.has("task") ? entry.get("task").asText()
                    : entry.has("level") ? entry.get("level").asText() : entry.get("to").asText();
            kinds.add(entry.get("kind").asText() + ":" + what);
            times.add(entry.get("at").asText());
        });
        assertThat(kinds).containsExactly("transition:setup", "task:contract", "task:account",
                "transition:adoption", "alert:warn", "transition:done", "stage:ACTIVE");
        assertThat(times).containsExactly("2024-06-03T09:00:00Z", "2024-06-03T10:00:00Z",
                "2024-06-03T10:00:00Z", "2024-06-03T10:00:00Z", "2024-06-11T09:00:00Z",
                "2024-06-12T09:00:00Z", "2024-06-12T09:00:00Z");
        assertThat(timeline.at("/entries/4/clearedAt").asText())
                .isEqualTo("2024-06-12T09:00:00Z");
        assertThat(timeline.get("stage").asText()).isEqualTo("ACTIVE");
        assertThat(get("/customers/ghost/timeline").status()).isEqualTo(404);
    }

    @Test
    void kpis_reportTheBridgeRetentionAndChurnOfAPeriod() throws Exception {
        // A: 100.00 a month from January; B: 50.00 from January, ends 15 February;
        // C: 30.00 from 10 February. February: start 150.00, new 30.00, churn 50.00,
        // end 130.00; GRR = NRR = (150 - 50) / 150; 2 customers at the start, 1 churned.
        Instant jan = Instant.parse("2024-01-01T00:00:00Z");
        store.subscriptions().put(term("a", "A", 10000, jan, null));
        store.subscriptions().put(term("b", "B", 5000, jan,
                Instant.parse("2024-02-15T00:00:00Z")));
        store.subscriptions().put(term("c", "C", 3000, Instant.parse("2024-02-10T00:00:00Z"),
                null));

        JsonNode kpis = get("/kpis?from=2024-02-01&to=2024-03-01").json();

        assertThat(kpis.at("/mrrBridge/start/amount").asText()).isEqualTo("150.00");
        assertThat(kpis.at("/mrrBridge/new/amount").asText()).isEqualTo("30.00");
        assertThat(kpis.at("/mrrBridge/churn/amount").asText()).isEqualTo("50.00");
        assertThat(kpis.at("/mrrBridge/expansion/amount").asText()).isEqualTo("0.00");
        assertThat(kpis.at("/mrrBridge/end/amount").asText()).isEqualTo("130.00");
        assertThat(kpis.at("/revenueRetention/grossRevenueRetention/value").asText())
                .isEqualTo("0.666667");
        assertThat(kpis.at("/revenueRetention/netRevenueRetention/value").asText())
                .isEqualTo("0.666667");
        assertThat(kpis.at("/customerRetention/atStart").asInt()).isEqualTo(2);
        assertThat(kpis.at("/customerRetention/churned").asInt()).isEqualTo(1);
        assertThat(kpis.at("/customerRetention/churnRate/value").asText())
                .isEqualTo("0.500000");
    }

    @Test
    void kpis_badPeriodIs400NamingTheParameter() throws Exception {
        Reply missing = get("/kpis?to=2024-03-01");
        Reply reversed = get("/kpis?from=2024-03-01&to=2024-02-01");
        Reply garbled = get("/kpis?from=march&to=2024-02-01");

        assertThat(missing.json().at("/problems/0/field").asText()).isEqualTo("from");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().at("/problems/0/field").asText()).isEqualTo("to");
        assertThat(garbled.json().at("/problems/0/value").asText()).isEqualTo("march");
    }

    @Test
    void routes_unknownPathIs404AndWrongMethodIs405() throws Exception {
        assertThat(get("/nothing-here").status()).isEqualTo(404);
        assertThat(get("/customers/nobody").status()).isEqualTo(404);
        assertThat(post("/alerts", "{}").status()).isEqualTo(405);
        assertThat(get("/customers").status()).isEqualTo(405);
    }

    @Test
    void port_readsTheOption() {
        assertThat(HttpServiceMain.port(new String[0], System.err)).isEqualTo(8080);
        assertThat(HttpServiceMain.port(new String[] {"--port", "9091"}, System.err))
                .isEqualTo(9091);
        assertThat(HttpServiceMain.port(new String[] {"--port", "x"}, System.err)).isNull();
        assertThat(HttpServiceMain.port(new String[] {"--verbose"}, System.err)).isNull();
    }

    private String createAcme() throws Exception {
        Reply reply = post("/customers", "{\"id\": \"acme\", \"name\": \"Acme Corp\"}");
        assertThat(reply.status()).isEqualTo(201);
        return reply.json().at("/instances/0/id").asText();
    }

    private void complete(String instance, String task) throws Exception {
        assertThat(post("/instances/" + instance + "/tasks/" + task + "/complete", "").status())
                .isEqualTo(200);
    }

    private static Subscription term(String id, String customer, long cents, Instant start,
            Instant end) {
        Subscription.Builder term = Subscription.builder().id(id)
                .customerId(CustomerId.of(customer)).plan("team")
                .unitPrice(Money.ofMinor(cents, "USD")).start(start);
        if (end != null) {
            term.end(end);
        }
        return term.build();
    }

    private record Reply(int status, JsonNode json) {
    }

    private Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private Reply post(String path, String body) throws IOException, InterruptedException {
        return post(path, body.getBytes(StandardCharsets.UTF_8));
    }

    private Reply post(String path, byte[] body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.headers().firstValue("Content-Type"))
                .contains("application/json; charset=utf-8");
        return new Reply(response.statusCode(), CsKitJson.mapper().readTree(response.body()));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + service.port() + path);
    }
}
