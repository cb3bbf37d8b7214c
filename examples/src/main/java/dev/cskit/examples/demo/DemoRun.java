package dev.cskit.examples.demo;

import dev.cskit.core.Customer;
import dev.cskit.core.CustomerId;
import dev.cskit.core.LifecycleStage;
import dev.cskit.core.Subscription;
import dev.cskit.core.TenantId;
import dev.cskit.core.imports.ImportMapping;
import dev.cskit.core.imports.Importer;
import dev.cskit.core.store.Alert;
import dev.cskit.core.store.AlertQuery;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.core.store.RecordBatch;
import dev.cskit.core.store.Store;
import dev.cskit.examples.report.HtmlReport;
import dev.cskit.examples.report.ReportModel;
import dev.cskit.kpi.OnboardingJourney;
import dev.cskit.kpi.Period;
import dev.cskit.process.Action;
import dev.cskit.process.MutableClock;
import dev.cskit.process.ProcessRunner;
import dev.cskit.process.playbook.Playbooks;
import dev.cskit.process.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One run of the demo, from an empty store to the summary and the report: import, playbooks,
 * the simulated months, the KPIs. Progress goes to the given stream as it works.
 */
final class DemoRun {

    static final String TELCO = "Telco-Customer-Churn.csv";
    private static final String RESOURCES = "/dev/cskit/examples/demo/";
    private static final List<String> PLAYBOOKS = List.of("onboarding", "support",
            "offboarding");

    /** What a run produced. */
    record Result(Summary summary, ReportModel report, Duration elapsed, String storeUrl) {
    }

    private DemoRun() {
    }

    static Result run(DemoSettings settings, PrintStream out) {
        long started = System.nanoTime();
        Instant to = settings.snapshot();
        Instant from = to.atZone(ZoneOffset.UTC).minusMonths(settings.months()).toInstant();
        MutableClock clock = MutableClock.at(from);

        try (DemoStore opened = DemoStore.open(settings.jdbcUrl().orElse(null))) {
            Store store = opened.store();
            out.printf(Locale.ROOT, "cskit demo: store %s%n", opened.url());

            long importStart = step(out, "Importing customers");
            String source = settings.input().map(Path::toString).orElse(TELCO);
            RecordBatch batch = prepare(read(settings, clock), from, settings);
            store.putAll(batch, from);
            done(out, importStart, String.format(Locale.ROOT, "%,d customers, %,d subscriptions",
                    batch.customers().size(), batch.subscriptions().size()));

            PlaybookPlan plan = PlaybookPlan.builtIn();
            Journal journal = new Journal(plan);
            int[] instanceIds = {0};
            ProcessRunner.Builder builder = ProcessRunner.builder().store(store).clock(clock)
                    .zone(ZoneOffset.UTC)
                    .node("demo")
                    .instanceIds(() -> String.format(Locale.ROOT, "pi-%07d", ++instanceIds[0]))
                    .listener(journal);
            for (String type : Playbooks.ACTION_TYPES) {
                if (!type.equals(Action.CHANGE_STAGE) && !type.equals(Action.START_PROCESS)) {
                    builder.handler(type, request -> journal.count("action." + type));
                }
            }
            ProcessRunner runner = builder.build();
            plan.all().forEach(runner::register);

            CustomerBehaviour behaviour = new CustomerBehaviour(settings.seed(), from, to);
            List<Happening> happenings = new ArrayList<>();
            Map<CustomerId, Subscription> subscriptions = new HashMap<>();
            batch.subscriptions().forEach(s -> subscriptions.putIfAbsent(s.customerId(), s));
            for (Customer customer : batch.customers()) {
                Subscription subscription = subscriptions.get(customer.id());
                if (subscription != null) {
                    happenings.addAll(behaviour.generate(customer, subscription));
                }
            }
            step(out, String.format(Locale.ROOT, "Living through %d months (%,d customer"
                    + " happenings)", settings.months(), happenings.size()));
            out.println();
            Simulation simulation = new Simulation(store, runner, clock, plan, journal,
                    settings.seed());
            long simulationStart = System.nanoTime();
            simulation.run(new ArrayList<>(subscriptions.values()), happenings, from, to,
                    day -> {
                        if (day % 30 == 0) {
                            out.printf(Locale.ROOT, "  day %3d  %s  %,d transitions, %,d"
                                    + " alerts%n", day, Summary.day(clock.instant()),
                                    journal.counters().getOrDefault("transitions", 0L),
                                    journal.counters().getOrDefault("alerts", 0L));
                        }
                    });
            out.printf(Locale.ROOT, "  simulated in %.1f s: %s%n",
                    (System.nanoTime() - simulationStart) / 1e9, journal.counters());

            long kpiStart = step(out, "Computing the KPIs");
            Summary summary = Summary.of(new Summary.Inputs(source, batch.customers().size(),
                    Period.of(from, to), store.customers().list(TenantId.DEFAULT),
                    store.subscriptions().list(TenantId.DEFAULT),
                    store.surveys().list(TenantId.DEFAULT), journeys(journal),
                    journal.funnel(), journal.progress(),
                    stuck(runner, store, plan), settings.seed()));
            done(out, kpiStart, "");
            ReportModel report = DemoReport.model(summary, plan);
            HtmlReport.write(report, settings.report());
            return new Result(summary, report, Duration.ofNanos(System.nanoTime() - started),
                    opened.url());
        }
    }

    private static RecordBatch read(DemoSettings settings, MutableClock clock) {
        if (settings.input().isPresent()) {
            Path mapping = settings.mapping().orElseThrow(() -> new DemoException(
                    "--input needs --mapping, the import mapping of the file"));
            Importer importer = Importer.of(ImportMapping.read(mapping), clock);
            return importer.read(settings.input().get());
        }
        try (InputStream mapping = resource("telco-mapping.yaml");
                InputStream csv = resource(TELCO)) {
            return Importer.of(ImportMapping.read(mapping), clock).read(csv, TELCO);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keeps the first customers if asked, and gives the customers who signed up before the
     * run their history: onboarded a month after signup (or when the run starts, if later).
     */
    private static RecordBatch prepare(RecordBatch batch, Instant from, DemoSettings settings) {
        List<Customer> customers = batch.customers();
        if (settings.customers().isPresent()) {
            customers = customers.subList(0, Math.min(settings.customers().getAsInt(),
                    customers.size()));
        }
        Set<CustomerId> kept = new HashSet<>();
        List<Customer> prepared = new ArrayList<>();
        for (Customer customer : customers) {
            kept.add(customer.id());
            Instant since = customer.customerSince().orElse(from);
            Customer start = Customer.builder().copyFrom(customer)
                    .stage(LifecycleStage.ONBOARDING).history(List.of()).build();
            if (since.isBefore(from)) {
                Instant onboarded = since.plus(Duration.ofDays(30));
                start = start.moveTo(LifecycleStage.ACTIVE,
                        onboarded.isBefore(from) ? onboarded : from, "onboarded before the run");
            }
            prepared.add(start);
        }
        List<Subscription> terms = batch.subscriptions().stream()
                .filter(s -> kept.contains(s.customerId())).toList();
        return RecordBatch.builder().addAllCustomers(prepared).addAllSubscriptions(terms)
                .addAllEvents(batch.events()).addAllSurveys(batch.surveys()).build();
    }

    private static List<OnboardingJourney> journeys(Journal journal) {
        List<OnboardingJourney> journeys = new ArrayList<>();
        journal.signUps().forEach((customer, at) -> journeys.add(new OnboardingJourney(customer,
                at, Optional.ofNullable(journal.firstValue().get(customer)),
                Optional.ofNullable(journal.onboarded().get(customer)))));
        journeys.sort((a, b) -> a.customer().compareTo(b.customer()));
        return journeys;
    }

    private static List<Summary.Stuck> stuck(ProcessRunner runner, Store store,
            PlaybookPlan plan) {
        Map<String, Alert> worst = new LinkedHashMap<>();
        for (Alert alert : runner.openAlerts(TenantId.DEFAULT,
                AlertQuery.builder().limit(1_000_000).build())) {
            worst.merge(alert.instanceId(), alert,
                    (a, b) -> a.dueAt().isAfter(b.dueAt()) ? a : b);
        }
        List<Summary.Stuck> stuck = new ArrayList<>();
        for (Alert alert : worst.values()) {
            Optional<InstanceRecord> instance = runner.instance(TenantId.DEFAULT,
                    alert.instanceId());
            Optional<Customer> customer = store.customers().find(TenantId.DEFAULT,
                    alert.customerId());
            if (instance.isEmpty() || customer.isEmpty()) {
                continue;
            }
            Optional<Step> step = runner.definition(TenantId.DEFAULT,
                    instance.get().definitionKey(), instance.get().definitionVersion())
                    .step(alert.step());
            stuck.add(new Summary.Stuck(alert.customerId(), customer.get().name(),
                    plan.name(alert.processKey()),
                    step.map(Step::name).orElse(alert.step()),
                    instance.get().stepEnteredAt(), alert.level(), alert.reason()));
        }
        return Summary.sorted(stuck);
    }

    private static InputStream resource(String name) {
        InputStream in = DemoRun.class.getResourceAsStream(RESOURCES + name);
        if (in == null) {
            throw new DemoException("demo resource missing from the class path: " + name);
        }
        return in;
    }

    /** Prints a step's name and returns when it started, for {@link #done}. */
    private static long step(PrintStream out, String what) {
        out.print(what + " ... ");
        out.flush();
        return System.nanoTime();
    }

    /** Ends a step's line with its detail and its own duration. */
    private static void done(PrintStream out, long started, String detail) {
        out.printf(Locale.ROOT, "%s%s(%.1f s)%n", detail, detail.isEmpty() ? "" : " ",
                (System.nanoTime() - started) / 1e9);
    }
}
