package dev.cskit.examples.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cskit.core.CsKitJson;
import dev.cskit.core.Customer;
import dev.cskit.core.CustomerEvent;
import dev.cskit.core.CustomerId;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.NoSuchRecordException;
import dev.cskit.core.StageChange;
import dev.cskit.core.TenantId;
import dev.cskit.core.imports.ImportMapping;
import dev.cskit.core.imports.ImportReport;
import dev.cskit.core.imports.Importer;
import dev.cskit.core.store.Alert;
import dev.cskit.core.store.AlertQuery;
import dev.cskit.core.store.AuditEntry;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.core.store.RecordBatch;
import dev.cskit.core.store.Store;
import dev.cskit.kpi.ChurnPolicy;
import dev.cskit.kpi.Period;
import dev.cskit.kpi.Retention;
import dev.cskit.kpi.Revenue;
import dev.cskit.kpi.SubscriptionHistories;
import dev.cskit.process.Delivery;
import dev.cskit.process.ProcessRunner;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The service's operations, one method per route; each validates fully before it writes. */
final class Endpoints {

    private static final String ACTOR = "http";
    private static final String AUDIT_TASK = "task.done";
    private static final String AUDIT_ALERT = "alert";

    private final Store store;
    private final ProcessRunner runner;
    private final Clock clock;
    private final TenantId tenant;
    private final Currency currency;
    private final ChurnPolicy policy;
    private final List<String> startProcesses;
    private final Map<String, ImportMapping> mappings;

    Endpoints(Store store, ProcessRunner runner, Clock clock, TenantId tenant, Currency currency,
            ChurnPolicy policy, List<String> startProcesses, Map<String, ImportMapping> mappings) {
        this.store = store;
        this.runner = runner;
        this.clock = clock;
        this.tenant = tenant;
        this.currency = currency;
        this.policy = policy;
        this.startProcesses = List.copyOf(startProcesses);
        this.mappings = Map.copyOf(mappings);
    }

    Response createCustomer(Request request) {
        Customer customer = CsKitJson.read(request.bodyText(), Customer.class);
        checkTenant(customer.tenant());
        boolean isNew = store.customers().find(tenant, customer.id()).isEmpty();
        checkStartProcesses();

        store.customers().put(customer);
        ObjectNode body = Views.object();
        body.set("customer", Views.tree(customer));
        body.set("instances", isNew ? startFor(List.of(customer.id())) : Views.object()
                .arrayNode());
        return new Response(isNew ? 201 : 200, body);
    }

    Response importCustomers(Request request) {
        String name = request.requiredQuery("mapping", "is required: one of "
                + new TreeSet<>(mappings.keySet()));
        ImportMapping mapping = mappings.get(name);
        if (mapping == null) {
            throw new InvalidInputException("mapping", name,
                    "must be one of " + new TreeSet<>(mappings.keySet()));
        }
        checkTenant(mapping.tenant());
        checkStartProcesses();

        // Report mode: every problem of the body at once, and nothing stored unless clean.
        ImportReport report = Importer.of(mapping, clock)
                .check(new ByteArrayInputStream(request.body()), "body");
        report.throwIfProblems();
        RecordBatch batch = report.batch();
        List<CustomerId> fresh = batch.customers().stream().map(Customer::id)
                .filter(id -> store.customers().find(tenant, id).isEmpty()).toList();
        int newEvents = store.putAll(batch, clock.instant());

        ObjectNode body = Views.object();
        body.put("mapping", name);
        body.put("rows", report.rows());
        body.put("customers", batch.customers().size());
        body.put("newCustomers", fresh.size());
        body.put("subscriptions", batch.subscriptions().size());
        body.put("events", batch.events().size());
        body.put("newEvents", newEvents);
        body.put("surveys", batch.surveys().size());
        body.set("instances", startFor(fresh));
        return new Response(200, body);
    }

    Response customer(Request request) {
        return new Response(200, Views.tree(findCustomer(request.path(0))));
    }

    Response postEvent(Request request) {
        CustomerEvent event = CsKitJson.read(request.bodyText(), CustomerEvent.class);
        checkTenant(event.tenant());
        findCustomer(event.customerId().value());

        Delivery delivery = runner.deliver(event, ACTOR);
        ObjectNode body = Views.object();
        body.put("eventId", delivery.eventId());
        body.put("outcome", delivery.outcome().name());
        ArrayNode instances = body.putArray("instanceIds");
        delivery.instanceIds().forEach(instances::add);
        return new Response(delivery.outcome() == Delivery.Outcome.DUPLICATE ? 200 : 202, body);
    }

    Response completeTask(Request request) {
        String actor = actor(request);
        InstanceRecord after = runner.completeTask(tenant, request.path(0), request.path(1),
                actor);
        return new Response(200, Views.instance(after, runner.doneTasks(after)));
    }

    Response instance(Request request) {
        InstanceRecord instance = runner.instance(tenant, request.path(0)).orElseThrow(
                () -> new NoSuchRecordException("instance", request.path(0), tenant));
        return new Response(200, Views.instance(instance, runner.doneTasks(instance)));
    }

    Response alerts(Request request) {
        AlertQuery query = AlertQuery.builder()
                .processKey(request.query("process"))
                .step(request.query("step"))
                .level(request.query("level"))
                .build();
        ObjectNode body = Views.object();
        ArrayNode alerts = body.putArray("alerts");
        runner.openAlerts(tenant, query).forEach(alert -> alerts.add(Views.alert(alert)));
        return new Response(200, body);
    }

    Response kpis(Request request) {
        Instant from = request.instantQuery("from").orElseThrow(() -> new InvalidInputException(
                "from", null, "is required: the period's first instant or date"));
        Instant to = request.instantQuery("to").orElseThrow(() -> new InvalidInputException(
                "to", null, "is required: the period's end, exclusive"));
        if (!to.isAfter(from)) {
            throw new InvalidInputException("to", to, "must be after from (" + from + ")");
        }
        Period period = Period.of(from, to);

        SubscriptionHistories histories = SubscriptionHistories.of(currency,
                store.subscriptions().list(tenant));
        ObjectNode body = Views.object();
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("currency", currency.getCurrencyCode());
        body.set("mrrBridge", Views.bridge(Revenue.bridge(histories, period, policy)));
        body.set("revenueRetention",
                Views.revenueRetention(Revenue.retention(histories, period, policy)));
        body.set("customerRetention",
                Views.customerRetention(Retention.customers(histories, period, policy)));
        return new Response(200, body);
    }

    Response timeline(Request request) {
        Customer customer = findCustomer(request.path(0));
        List<Entry> entries = new ArrayList<>();
        for (InstanceRecord instance : store.instances().forCustomer(tenant, customer.id())) {
            for (AuditEntry audit : store.instances().audit(tenant, instance.id())) {
                if (AUDIT_ALERT.equals(audit.trigger())) {
                    continue;
                }
                entries.add(new Entry(audit.at(), entries.size(), auditEntry(instance, audit)));
            }
            for (Alert alert : store.alerts().forInstance(tenant, instance.id())) {
                ObjectNode node = Views.alert(alert);
                node.put("at", alert.raisedAt().toString());
                node.put("kind", "alert");
                entries.add(new Entry(alert.raisedAt(), entries.size(), node));
            }
        }

        for (StageChange change : customer.history()) {
            ObjectNode node = entry(change.at(), "stage");
            node.put("from", change.from().name());
            node.put("to", change.to().name());
            change.reason().ifPresent(reason -> node.put("reason", reason));
            entries.add(new Entry(change.at(), entries.size(), node));
        }

        entries.sort(Comparator.comparing(Entry::at).thenComparing(Entry::order));
        ObjectNode body = Views.object();
        body.put("customerId", customer.id().value());
        body.put("stage", customer.stage().name());
        ArrayNode list = body.putArray("entries");
        entries.forEach(entry -> list.add(entry.node()));
        return new Response(200, body);
    }

    private record Entry(Instant at, int order, ObjectNode node) {
    }

    /** A task done in a step, or a transition (a start, or a move between steps). */
    private static ObjectNode auditEntry(InstanceRecord instance, AuditEntry audit) {
        boolean task = AUDIT_TASK.equals(audit.trigger());
        ObjectNode node = entry(audit.at(), task ? "task" : "transition");
        node.put("instanceId", instance.id());
        node.put("process", instance.definitionKey());
        if (task) {
            node.put("step", audit.toStep());
            audit.triggerRef().ifPresent(ref -> node.put("task", ref));
        } else {
            audit.fromStep().ifPresent(from -> node.put("from", from));
            node.put("to", audit.toStep());
            node.put("trigger", audit.trigger());
            audit.triggerRef().ifPresent(ref -> node.put("triggerRef", ref));
        }
        node.put("actor", audit.actor());
        return node;
    }

    private static ObjectNode entry(Instant at, String kind) {
        ObjectNode node = Views.object();
        node.put("at", at.toString());
        node.put("kind", kind);
        return node;
    }

    private ArrayNode startFor(List<CustomerId> customers) {
        ArrayNode started = Views.object().arrayNode();
        for (CustomerId id : customers) {
            for (String key : startProcesses) {
                InstanceRecord instance = runner.start(tenant, id, key, ACTOR);
                started.add(Views.instance(instance, List.of()));
            }
        }
        return started;
    }

    private void checkStartProcesses() {
        for (String key : startProcesses) {
            if (store.definitions().latest(tenant, key).isEmpty()) {
                throw new NoSuchRecordException("definition", key, tenant);
            }
        }
    }

    private void checkTenant(TenantId given) {
        if (!given.equals(tenant)) {
            throw new InvalidInputException("tenant", given,
                    "must be " + tenant + ", the tenant this service serves");
        }
    }

    private Customer findCustomer(String id) {
        CustomerId customerId = CustomerId.of(id);
        return store.customers().find(tenant, customerId)
                .orElseThrow(() -> new NoSuchRecordException("customer", id, tenant));
    }

    private static String actor(Request request) {
        if (request.body().length == 0 || request.bodyText().isBlank()) {
            return ACTOR;
        }
        JsonNode tree;
        try {
            tree = CsKitJson.mapper().readTree(request.bodyText());
        } catch (JsonProcessingException e) {
            throw CsKitJson.invalid(e, "body");
        }
        if (!tree.isObject()) {
            throw new InvalidInputException("(document)", tree.toString(),
                    "must be a JSON object such as {\"actor\": \"ana\"}");
        }
        Set<String> known = Set.of("actor");
        tree.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new InvalidInputException(name, name, "is not a property; known: [actor]");
            }
        });
        JsonNode actor = tree.get("actor");
        if (actor == null || actor.isNull()) {
            return ACTOR;
        }
        if (!actor.isTextual() || actor.asText().isBlank()) {
            throw new InvalidInputException("actor", actor.toString(),
                    "must be a non-blank string");
        }
        return actor.asText();
    }
}
