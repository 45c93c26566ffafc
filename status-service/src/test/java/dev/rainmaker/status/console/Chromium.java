package dev.rainmaker.status.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver, as an on-call engineer's browser: signed in with HTTP Basic
 * through a header on every request the page makes (fetch and EventSource included, which credentials in the URL do
 * not reach), and kept off every network but loopback.
 */
final class Chromium implements AutoCloseable {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;

    private Chromium(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Skips the calling test, saying why, when Debian's chromium or chromium-driver is not installed. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(
                Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
                "needs Debian's chromium and chromium-driver at " + BROWSER + " and " + DRIVER
                        + " (apt-get install chromium chromium-driver; .ci/run installs them)");
    }

    /** A browser with no credentials. */
    static Chromium start() {
        assumeInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(List.of(
                "--headless=new",
                "--window-size=1400,1000",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                // Nothing but the console: no update checks, sync, or other calls to the internet.
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--no-first-run",
                "--lang=en-GB"));
        if ("root".equals(System.getProperty("user.name"))) {
            // Chromium's sandbox refuses to run as root (CI containers).
            options.addArguments("--no-sandbox");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        // A console page loads in a second or two here; one that takes this long is stalled, as when left pages in
        // the back/forward cache kept their live streams open and held every connection the browser makes (a minute).
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.executeCdpCommand("Network.enable", Map.of());
        return new Chromium(driver);
    }

    /** A browser whose every request carries the user's Basic credentials. */
    static Chromium as(String user, String password) {
        Chromium chromium = start();
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        chromium.driver.executeCdpCommand(
                "Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic " + token)));
        return chromium;
    }

    ChromeDriver driver() {
        return driver;
    }

    WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(200));
    }

    /** What a script on the page sees at {@code expression}, e.g. {@code window.__pwned}. */
    Object evaluate(String expression) {
        return driver.executeScript("return " + expression + ";");
    }

    /** As a laptop set to {@code dark} or {@code light} mode shows the page. */
    void prefer(String colourScheme) {
        driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", colourScheme))));
    }

    /** The visible text on the page below WCAG AA contrast, each as {@code tag "text": ratio}. */
    List<String> lowContrastText() {
        try (InputStream script = Chromium.class.getResourceAsStream("/console/low-contrast.js")) {
            @SuppressWarnings("unchecked")
            List<String> failures =
                    (List<String>) driver.executeScript(new String(script.readAllBytes(), StandardCharsets.UTF_8));
            return failures;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
