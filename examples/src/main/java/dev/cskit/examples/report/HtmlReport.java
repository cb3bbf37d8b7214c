package dev.cskit.examples.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a {@link ReportModel} as one self-contained HTML file: the page, its style, the
 * vendored Apache ECharts and Mermaid builds and the data are all inlined, so the file opens
 * from disk without a network.
 *
 * <p>Every value from the model is escaped: text in the page as HTML, the chart data as JSON
 * in a {@code <script type="application/json">} element with {@code <}, {@code >} and
 * {@code &} escaped. The page's script reads that data with {@code JSON.parse} and writes
 * text only through {@code textContent}, and Mermaid runs with its strict security level.
 *
 * <p>Stateless and thread-safe.
 */
public final class HtmlReport {

    private static final String RESOURCES = "/dev/cskit/examples/report/";
    private static final Pattern TOKEN = Pattern.compile("\\{\\{([a-z]+)}}");
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlReport() {
    }

    /**
     * Renders the report.
     *
     * @param model the figures
     * @return the HTML page
     */
    public static String render(ReportModel model) {
        Map<String, String> parts = Map.ofEntries(
                Map.entry("title", Escaping.html(model.title())),
                Map.entry("subtitle", Escaping.html(model.subtitle())),
                Map.entry("figures", figures(model)),
                Map.entry("stuckcount", String.valueOf(model.stuck().size())),
                Map.entry("stuckrows", stuckRows(model)),
                Map.entry("playbooks", playbooks(model)),
                Map.entry("style", resource("report.css")),
                Map.entry("echarts", script(resource("vendor/echarts.min.js"))),
                Map.entry("mermaid", script(resource("vendor/mermaid.min.js"))),
                Map.entry("data", Escaping.scriptJson(data(model))),
                Map.entry("script", script(resource("report.js"))));
        return fill(resource("report.html"), parts);
    }

    /**
     * Renders the report and writes it to a file, creating the parent directories. The file
     * is written beside its final name and moved into place, so a reader never sees half a
     * report.
     *
     * @param model the figures
     * @param file where to write
     * @throws ReportWriteException if the file cannot be written
     */
    public static void write(ReportModel model, Path file) {
        String html = render(model);
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            Files.writeString(partial, html, StandardCharsets.UTF_8);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ReportWriteException("cannot write the report to " + target + ": "
                    + e.getMessage(), e);
        }
    }

    private static String fill(String template, Map<String, String> parts) {
        // One pass over the template: inserted text is never scanned for tokens again.
        Matcher matcher = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder(template.length() * 2);
        int last = 0;
        while (matcher.find()) {
            String value = parts.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("report template token without a value: "
                        + matcher.group());
            }
            out.append(template, last, matcher.start()).append(value);
            last = matcher.end();
        }
        return out.append(template, last, template.length()).toString();
    }

    private static String figures(ReportModel model) {
        StringBuilder out = new StringBuilder();
        for (ReportModel.Figure figure : model.figures()) {
            out.append("<div class=\"figure\"><div class=\"label\">")
                    .append(Escaping.html(figure.label()))
                    .append("</div><div class=\"value\">")
                    .append(Escaping.html(figure.value()))
                    .append("</div><div class=\"detail\">")
                    .append(Escaping.html(figure.detail()))
                    .append("</div></div>\n");
        }
        return out.toString();
    }

    private static String stuckRows(ReportModel model) {
        if (model.stuck().isEmpty()) {
            return "<tr><td colspan=\"6\">No customer is stuck.</td></tr>";
        }
        StringBuilder out = new StringBuilder();
        for (ReportModel.StuckCustomer stuck : model.stuck()) {
            out.append("<tr>");
            cell(out, stuck.customerName().equals(stuck.customerId()) ? stuck.customerId()
                    : stuck.customerName() + " (" + stuck.customerId() + ")");
            cell(out, stuck.playbook());
            cell(out, stuck.step());
            cell(out, DAY.format(stuck.since()));
            cell(out, stuck.level());
            cell(out, stuck.reason());
            out.append("</tr>\n");
        }
        return out.toString();
    }

    private static void cell(StringBuilder out, String text) {
        out.append("<td>").append(Escaping.html(text)).append("</td>");
    }

    private static String playbooks(ReportModel model) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < model.playbooks().size(); i++) {
            ReportModel.PlaybookDiagram playbook = model.playbooks().get(i);
            out.append("<section class=\"playbook\"><h3>")
                    .append(Escaping.html(playbook.name()))
                    .append(" <code>").append(Escaping.html(playbook.key())).append("</code>")
                    .append("</h3><div class=\"diagram\" id=\"playbook-").append(i)
                    .append("\"></div></section>\n");
        }
        return out.toString();
    }

    private static String data(ReportModel model) {
        ObjectNode root = JSON.createObjectNode();
        root.put("currency", model.currency());
        ArrayNode stages = root.putArray("stages");
        model.stages().forEach(s -> stages.addObject().put("stage", s.stage())
                .put("customers", s.customers()));
        ArrayNode bridge = root.putArray("bridge");
        for (ReportModel.BridgeMonth month : model.mrrBridge()) {
            bridge.addObject().put("month", month.month())
                    .put("opening", month.opening()).put("newMrr", month.newMrr())
                    .put("expansion", month.expansion())
                    .put("reactivation", month.reactivation())
                    .put("contraction", month.contraction())
                    .put("churned", month.churned()).put("closing", month.closing());
        }
        ArrayNode retention = root.putArray("retention");
        for (ReportModel.RetentionMonth month : model.retention()) {
            ObjectNode node = retention.addObject().put("month", month.month());
            putRate(node, "grr", month.grr());
            putRate(node, "nrr", month.nrr());
        }
        ArrayNode cohorts = root.putArray("cohorts");
        for (ReportModel.CohortRow row : model.cohorts()) {
            ObjectNode node = cohorts.addObject().put("cohort", row.cohort())
                    .put("size", row.size());
            ArrayNode retained = node.putArray("retained");
            row.retained().forEach(retained::add);
        }
        ArrayNode funnel = root.putArray("funnel");
        model.funnel().forEach(s -> funnel.addObject().put("step", s.step())
                .put("customers", s.customers()));
        ArrayNode playbooks = root.putArray("playbooks");
        model.playbooks().forEach(p -> playbooks.addObject().put("key", p.key())
                .put("mermaid", p.mermaid()));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report data as JSON", e);
        }
    }

    private static void putRate(ObjectNode node, String field, BigDecimal rate) {
        if (rate == null) {
            node.putNull(field);
        } else {
            node.put(field, rate);
        }
    }

    private static String script(String javascript) {
        // The vendored builds are checked to hold neither, but a changed file must not
        // silently end the script element early.
        String lower = javascript.toLowerCase(Locale.ROOT);
        if (lower.contains("</script") || lower.contains("<script")) {
            throw new IllegalStateException("a script inlined into the report contains a"
                    + " <script> tag; it would break the page");
        }
        return javascript;
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("report resource missing from the class path: "
                        + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report resource " + name, e);
        }
    }
}
