package dev.cskit.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens a written report in a browser and checks, as a reader would see it, that it drew:
 * every chart has a non-empty canvas and series with data, every playbook became an SVG
 * diagram, and the console holds no error.
 */
public final class ReportInBrowser {

    /** What the checked page showed. */
    public record Seen(int charts, int diagrams, int stuckRows, List<String> consoleErrors) {
    }

    private ReportInBrowser() {
    }

    /**
     * Opens the report, waits until it is drawn, checks it and takes a full-page screenshot.
     *
     * @param driver the browser
     * @param report the report file
     * @param screenshot where to save the screenshot
     * @return what the page showed
     */
    public static Seen check(ChromeDriver driver, Path report, Path screenshot) {
        driver.get(report.toAbsolutePath().toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(d ->
                "done".equals(d.findElement(By.tagName("body")).getAttribute("data-rendered")));
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .collect(Collectors.toList());
        assertThat(errors).as("browser console errors").isEmpty();
        assertThat(driver.findElement(By.tagName("body")).getAttribute("data-failures"))
                .isEmpty();

        List<WebElement> charts = driver.findElements(By.cssSelector("[data-chart]"));
        for (WebElement chart : charts) {
            assertChartDrawn(driver, chart);
        }
        List<WebElement> diagrams = driver.findElements(By.cssSelector(".diagram"));
        for (WebElement diagram : diagrams) {
            WebElement svg = diagram.findElement(By.tagName("svg"));
            assertThat(svg.getSize().getWidth()).as(diagram.getAttribute("id")).isPositive();
            assertThat(svg.getSize().getHeight()).as(diagram.getAttribute("id")).isPositive();
            assertThat(svg.findElements(By.cssSelector("g.node")))
                    .as("nodes of " + diagram.getAttribute("id")).isNotEmpty();
        }
        int rows = driver.findElements(By.cssSelector("#stuck tbody tr")).size();

        screenshot(driver, screenshot);
        return new Seen(charts.size(), diagrams.size(), rows, errors);
    }

    private static void assertChartDrawn(ChromeDriver driver, WebElement chart) {
        String id = chart.getAttribute("id");
        WebElement canvas = chart.findElement(By.tagName("canvas"));
        assertThat(canvas.getSize().getWidth()).as(id + " canvas width").isPositive();
        assertThat(canvas.getSize().getHeight()).as(id + " canvas height").isPositive();
        Object points = driver.executeScript("var option = echarts.getInstanceByDom("
                + "arguments[0]).getOption(); return option.series.reduce(function (n, s) {"
                + " return n + s.data.length; }, 0);", chart);
        assertThat(((Number) points).longValue()).as(id + " data points").isPositive();
    }

    private static void screenshot(ChromeDriver driver, Path file) {
        Number height = (Number) driver.executeScript(
                "return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new Dimension(1400, height.intValue() + 40));
        driver.executeScript("window.dispatchEvent(new Event('resize'));");
        top(driver, file, height.intValue());
    }

    /**
     * Saves the top of the open page as a PNG.
     *
     * @param driver the browser, with the page drawn
     * @param file where to save it
     * @param height how many CSS pixels from the top
     */
    public static void top(ChromeDriver driver, Path file, int height) {
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", 1400, "height", height,
                "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        HeadlessChromium.save(file, Base64.getDecoder().decode((String) shot.get("data")));
    }
}
