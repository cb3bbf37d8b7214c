package dev.cskit.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cskit.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    private static final String VENDOR = "/dev/cskit/examples/report/vendor/";

    @Test
    void render_escapesHostileTextInThePage() {
        String html = HtmlReport.render(SampleReports.small());

        assertThat(html).doesNotContain(SampleReports.HOSTILE_NAME)
                .contains("&lt;script&gt;window.injected=1&lt;/script&gt; O&#39;Brien &amp;"
                        + " &quot;Sons&quot;")
                .contains("<title>cskit demo &lt;report&gt;</title>")
                .contains("&lt;/script&gt;&lt;img src=x onerror=window.injected=2&gt;");
    }

    @Test
    void render_writesDataThatParsesBackToTheModel() throws IOException {
        String html = HtmlReport.render(SampleReports.small());

        Matcher data = Pattern.compile(
                "<script type=\"application/json\" id=\"cskit-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(data.find()).isTrue();
        String json = data.group(1);
        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&");

        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.get("bridge")).hasSize(2);
        assertThat(root.get("bridge").get(0).get("closing").decimalValue())
                .isEqualByComparingTo("112.50");
        assertThat(root.get("retention").get(1).get("nrr").isNull()).isTrue();
        assertThat(root.get("cohorts").get(0).get("retained").get(1).decimalValue())
                .isEqualByComparingTo("50");
        assertThat(root.get("playbooks").get(0).get("mermaid").asText())
                .isEqualTo(SampleReports.small().playbooks().get(0).mermaid());
    }

    @Test
    void render_holdsOneScriptElementPerPartAndNoNetworkReference() {
        String html = HtmlReport.render(SampleReports.small());

        // data, ECharts, Mermaid, the page's own script: an injected tag would add one.
        assertThat(Pattern.compile("<script").matcher(html).results().count()).isEqualTo(4);
        assertThat(html).doesNotContain("<script src").doesNotContain("<link ");
        assertThat(html).contains("default-src 'none'");
    }

    @Test
    void write_createsTheDirectoriesAndLeavesNoPartialFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("a/b/report.html");

        HtmlReport.write(SampleReports.small(), file);

        assertThat(Files.readString(file)).isEqualTo(HtmlReport.render(SampleReports.small()));
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void bridgeMonth_movementsThatDoNotAddUp_areRefused() {
        BigDecimal ten = BigDecimal.TEN;
        assertThatThrownBy(() -> new ReportModel.BridgeMonth("2017-02", ten, ten, ten, ten,
                ten, ten, ten))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("mrrBridge[2017-02].closing")
                .hasMessageContaining("= 20");
    }

    @Test
    void vendoredLibraries_matchTheChecksumsOfTheirReadme() throws Exception {
        String readme = resource("README.md");

        for (String file : new String[] {"echarts.min.js", "mermaid.min.js"}) {
            byte[] bytes = bytes(file);
            String sha = HexFormat.of().formatHex(sha256(bytes));
            assertThat(readme).contains(sha + "  " + file);
            String text = new String(bytes, StandardCharsets.UTF_8).toLowerCase();
            assertThat(text).doesNotContain("</script").doesNotContain("<script");
        }
        assertThat(resource("echarts.LICENSE")).contains("Apache License");
        assertThat(resource("mermaid.LICENSE")).contains("MIT License");
    }

    private static byte[] sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private static String resource(String name) throws IOException {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = HtmlReportTest.class.getResourceAsStream(VENDOR + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
