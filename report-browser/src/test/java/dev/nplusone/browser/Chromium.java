package dev.nplusone.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium and chromedriver, driven through Selenium, with nothing fetched from a network: no
 * Selenium Manager, no component updates. Tests skip with one line when either program is missing.
 */
final class Chromium {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static boolean skipNoted;
    /*
     * Selenium warns on every start that it has no CDP bindings for this Chromium version: the one CDP command used
     * (Browser.grantPermissions) goes through chromedriver and needs none. Held here so the setting is not collected.
     */
    private static final java.util.logging.Logger DEVTOOLS = quiet("org.openqa.selenium.devtools");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private Chromium() {
    }

    /** Skips the calling test, and says why once, when Chromium or chromedriver is not installed. */
    static synchronized void assumeInstalled() {
        boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (!installed && !skipNoted) {
            skipNoted = true;
            System.out.println("nplusone: HTML report browser tests skipped: " + BROWSER + " or " + DRIVER
                    + " is missing (apt-get install chromium chromium-driver; .ci/run does)");
        }
        assumeTrue(installed, "Chromium or chromedriver is not installed");
    }

    static ChromeDriver start(Path profile, String... moreArguments) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
        options.addArguments(moreArguments);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return driver;
    }

    /** The console's warnings and errors since the last call (Chromium reports CSP violations there). */
    static List<String> problems(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::toString).toList();
    }

    /** Milliseconds from navigation start to the end of the load event of the page shown. */
    static long loadMillis(ChromeDriver driver) {
        Object end = driver.executeScript(
                "var n = performance.getEntriesByType('navigation')[0]; return Math.round(n.loadEventEnd);");
        return ((Number) end).longValue();
    }

    static Map<String, Object> grantClipboard(ChromeDriver driver) {
        return driver.executeCdpCommand("Browser.grantPermissions", Map.of("permissions",
                List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }
}
