package dev.cskit.examples.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Starts headless Chromium through the chromedriver found on the {@code PATH} (the Debian
 * packages {@code chromium} and {@code chromium-driver}), with a fresh profile and no
 * background network traffic. Without chromedriver the calling test is skipped, or fails
 * when the environment variable {@code CSKIT_REQUIRE_BROWSER} is {@code true}.
 */
public final class HeadlessChromium {

    static final String INSTALL_HINT = "install Chromium and its driver to run the report's"
            + " browser test: apt-get update && apt-get install -y chromium chromium-driver";

    private HeadlessChromium() {
    }

    /**
     * Starts a browser, or skips (or fails) the test when there is none.
     *
     * @param profile an empty directory for the browser profile
     * @return the driver; quit it when done
     */
    public static ChromeDriver start(Path profile) {
        Optional<Path> driver = onPath("chromedriver");
        Optional<Path> browser = onPath("chromium")
                .or(() -> onPath("chromium-browser"))
                .or(() -> onPath("google-chrome"));
        if (driver.isEmpty() || browser.isEmpty()) {
            String missing = (driver.isEmpty() ? "chromedriver" : "chromium")
                    + " not found on the PATH; " + INSTALL_HINT;
            if ("true".equalsIgnoreCase(System.getenv("CSKIT_REQUIRE_BROWSER"))) {
                fail(missing + " (CSKIT_REQUIRE_BROWSER=true)");
            }
            System.err.println("[cskit] skipping a browser test: " + missing);
            Assumptions.abort(missing);
        }

        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.get().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1400,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * Writes bytes to a file, creating its directory.
     *
     * @param file the file
     * @param bytes the content
     */
    public static void save(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
