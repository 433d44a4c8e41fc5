package org.percuss.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium, Debian's (/usr/bin/chromium and /usr/bin/chromedriver, or the paths in the
 * system properties percuss.chromium and percuss.chromedriver), started with no network of its own
 * (no background requests, no updates, no sync) and a fresh profile, its console kept for the
 * tests. A missing browser fails the tests, saying what to install; it never skips them.
 */
final class Browser implements AutoCloseable {

    final ChromeDriver driver;

    Browser(Path profile) {
        String chromium = System.getProperty("percuss.chromium", "/usr/bin/chromium");
        String chromedriver = System.getProperty("percuss.chromedriver", "/usr/bin/chromedriver");
        for (String f : List.of(chromium, chromedriver)) {
            if (!new File(f).canExecute()) {
                throw new AssertionError(f + " is missing: the browser tests need Debian's chromium and chromium-driver"
                        + " (sudo apt-get install chromium chromium-driver), or -Dpercuss.chromium=... -Dpercuss.chromedriver=...");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1000,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    /** The console's errors since the last call (Chromium's SEVERE entries: script errors, failed loads, CSP). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::toString).toList();
    }

    /** The viewport of a phone: {@code width} × {@code height} CSS pixels, touch, mobile layout. */
    void phone(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", true));
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true));
    }

    /** A screenshot of the viewport, to {@code file}. */
    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
