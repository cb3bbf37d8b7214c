package dev.cskit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cskit.examples.report.HeadlessChromium;
import dev.cskit.examples.report.ReportInBrowser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Opens the report of a small demo run in headless Chromium: every chart and every playbook
 * diagram drawn, no console error. Saves a screenshot to
 * {@code examples/target/report-screenshot.png}; with {@code -Dcskit.updateScreenshot=true}
 * it also replaces {@code docs/report.png}, the README's picture (the top of the page).
 */
class DemoReportBrowserTest {

    @Test
    void demoReport_drawsEveryChartAndPlaybook(@TempDir Path dir) {
        SmallRuns.Run run = SmallRuns.run(dir.resolve("run"), 400, 42);
        ChromeDriver driver = HeadlessChromium.start(dir.resolve("profile"));
        Path screenshot = Path.of("target", "report-screenshot.png");
        try {
            ReportInBrowser.Seen seen = ReportInBrowser.check(driver, run.report(), screenshot);

            assertThat(seen.charts()).isEqualTo(6);
            assertThat(seen.diagrams()).isEqualTo(run.result().report().playbooks().size())
                    .isPositive();
            assertThat(seen.stuckRows()).isEqualTo(Math.max(1,
                    run.result().report().stuck().size()));
            if (Boolean.getBoolean("cskit.updateScreenshot")) {
                // The README shows the charts and the start of the stuck table.
                ReportInBrowser.top(driver, Path.of("..", "docs", "report.png"), 2300);
            }
        } finally {
            driver.quit();
        }
    }
}
