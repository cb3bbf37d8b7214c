package dev.cskit.examples.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cskit.core.CsKitJson;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.Money;
import dev.cskit.core.NoSuchRecordException;
import dev.cskit.core.store.Alert;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.kpi.CustomerRetention;
import dev.cskit.kpi.MrrBridge;
import dev.cskit.kpi.Ratio;
import dev.cskit.kpi.RevenueRetention;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/** The JSON shapes the service answers with. */
final class Views {

    private Views() {
    }

    static ObjectNode object() {
        return CsKitJson.mapper().createObjectNode();
    }

    static JsonNode tree(Object value) {
        return CsKitJson.mapper().valueToTree(value);
    }

    static ObjectNode instance(InstanceRecord instance, List<String> doneTasks) {
        ObjectNode node = object();
        node.put("id", instance.id());
        node.put("customerId", instance.customerId().value());
        node.put("process", instance.definitionKey());
        node.put("version", instance.definitionVersion());
        node.put("status", instance.status().name());
        node.put("step", instance.step());
        node.put("stepEnteredAt", instance.stepEnteredAt().toString());
        node.put("startedAt", instance.startedAt().toString());
        ArrayNode done = node.putArray("doneTasks");
        doneTasks.forEach(done::add);
        return node;
    }

    static ObjectNode alert(Alert alert) {
        ObjectNode node = object();
        node.put("id", alert.id());
        node.put("customerId", alert.customerId().value());
        node.put("instanceId", alert.instanceId());
        node.put("process", alert.processKey());
        node.put("step", alert.step());
        node.put("level", alert.level());
        node.put("dueAt", alert.dueAt().toString());
        node.put("raisedAt", alert.raisedAt().toString());
        node.put("reason", alert.reason());
        alert.clearedAt().ifPresent(at -> node.put("clearedAt", at.toString()));
        return node;
    }

    static ObjectNode bridge(MrrBridge bridge) {
        ObjectNode node = object();
        node.set("start", tree(bridge.start()));
        node.set("new", tree(bridge.newMrr()));
        node.set("expansion", tree(bridge.expansion()));
        node.set("reactivation", tree(bridge.reactivation()));
        node.set("contraction", tree(bridge.contraction()));
        node.set("churn", tree(bridge.churn()));
        node.set("end", tree(bridge.end()));
        return node;
    }

    static ObjectNode revenueRetention(RevenueRetention retention) {
        ObjectNode node = object();
        node.set("startMrr", tree(retention.startMrr()));
        node.set("keptMrr", tree(retention.keptMrr()));
        node.set("endMrr", tree(retention.endMrr()));
        node.set("grossRevenueRetention", ratio(retention.grossRevenueRetention()));
        node.set("netRevenueRetention", ratio(retention.netRevenueRetention()));
        return node;
    }

    static ObjectNode customerRetention(CustomerRetention retention) {
        ObjectNode node = object();
        node.put("atStart", retention.atStart());
        node.put("atEnd", retention.atEnd());
        node.put("retained", retention.retained());
        node.put("new", retention.newCustomers());
        node.put("reactivated", retention.reactivations());
        node.put("churned", retention.churned());
        node.set("churnRate", ratio(retention.churnRate()));
        node.set("retentionRate", ratio(retention.retentionRate()));
        return node;
    }

    /** A ratio as its exact parts and its value to 6 decimals, or the reason it is undefined. */
    static ObjectNode ratio(Ratio ratio) {
        ObjectNode node = object();
        node.put("numerator", ratio.numerator().toPlainString());
        node.put("denominator", ratio.denominator().toPlainString());
        if (ratio.isDefined()) {
            node.put("value", ratio.value().setScale(6, RoundingMode.HALF_EVEN).toPlainString());
        } else {
            node.put("undefined", ratio.reason().orElse("undefined"));
        }
        return node;
    }

    static ObjectNode money(Money money) {
        return (ObjectNode) tree(money);
    }

    static ObjectNode invalid(InvalidInputException failure) {
        ObjectNode node = object();
        node.put("error", "invalid_input");
        node.put("message", failure.getMessage());
        ArrayNode problems = node.putArray("problems");
        for (InvalidInputException.Problem problem : failure.problems()) {
            ObjectNode entry = problems.addObject();
            entry.put("field", problem.field());
            if (problem.value() == null) {
                entry.putNull("value");
            } else {
                entry.put("value", problem.value());
            }
            entry.put("rule", problem.rule());
            Optional<InvalidInputException.Location> where = problem.location();
            where.ifPresent(location -> {
                entry.put("source", location.source());
                entry.put("line", location.line());
                entry.put("column", location.column());
            });
        }
        return node;
    }

    static ObjectNode notFound(NoSuchRecordException failure) {
        ObjectNode node = error("not_found", failure.getMessage());
        node.put("kind", failure.kind());
        node.put("id", failure.id());
        return node;
    }

    static ObjectNode error(String code, String message) {
        ObjectNode node = object();
        node.put("error", code);
        node.put("message", message);
        return node;
    }
}
