package dev.cskit.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

class HtmlReportBrowserTest {

    @Test
    void sampleReport_drawsEveryChartAndDiagram_andRunsNoInjectedScript(@TempDir Path dir) {
        Path report = dir.resolve("report.html");
        HtmlReport.write(SampleReports.small(), report);
        ChromeDriver driver = HeadlessChromium.start(dir.resolve("profile"));
        try {
            ReportInBrowser.Seen seen = ReportInBrowser.check(driver, report,
                    Path.of("target", "report-sample-screenshot.png"));

            assertThat(seen.charts()).isEqualTo(6);
            assertThat(seen.diagrams()).isEqualTo(2);
            assertThat(seen.stuckRows()).isEqualTo(1);
            assertThat(driver.executeScript("return window.injected === undefined;"))
                    .isEqualTo(true);
            assertThat(driver.findElement(By.cssSelector("#stuck tbody td")).getText())
                    .isEqualTo(SampleReports.HOSTILE_NAME + " (c-1)");
        } finally {
            driver.quit();
        }
    }
}
