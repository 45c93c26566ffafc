package dev.rainmaker.status.console;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.HostHardened;
import dev.rainmaker.events.ProvisioningStage;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.localcloud.kafka.KafkaTestResource;
import dev.rainmaker.localcloud.kafka.TopicClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real headless Chromium against the real service and a real broker: what an on-call engineer sees
 * and may do (ConsoleSafetyTest: what others cannot). Its screenshot goes to {@code target/console.png}; the README's
 * is refreshed with {@code -Drainmaker.console.screenshot=../docs/console.png}.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
// The screenshot comes last, so that it shows what every other test published.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    private static final Duration UP_TO = Duration.ofSeconds(30);
    private static final String SCREENSHOT_PROPERTY = "rainmaker.console.screenshot";

    @TestHTTPResource("/")
    URL console;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    TopicClient kafka;
    Pipeline pipeline;

    @BeforeEach
    void connect() {
        Chromium.assumeInstalled();
        kafka = new TopicClient(bootstrapServers);
        pipeline = new Pipeline(kafka);
    }

    @AfterEach
    void disconnect() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @Order(1)
    void theOverviewShowsTheFunnelAndTheSearchFindsACustomerWhosePageShowsItsTimeline() {
        SignupReceived waiting = pipeline.signedUp(Pipeline.signup("funnel-1", "grace@hopper.example", "Grace Hopper"));
        pipeline.dropletActive(
                pipeline.signedUp(Pipeline.signup("funnel-2", "alan@turing.example", "Alan Turing")), 4102);
        HostHardened stacking = pipeline.hostHardened(pipeline.dropletActive(
                pipeline.signedUp(Pipeline.signup("funnel-3", "ada@lovelace.example", "Ada Lovelace")), 4103));
        pipeline.stackInstalled(pipeline.hostHardened(pipeline.dropletActive(
                pipeline.signedUp(Pipeline.signup("funnel-4", "edsger@dijkstra.example", "Edsger Dijkstra")), 4104)));

        try (Chromium chromium = Chromium.as(Users.VIEWER, Users.VIEWER_PASSWORD)) {
            ChromeDriver page = chromium.driver();
            page.get(console.toString());

            chromium.waitUpTo(UP_TO)
                    .until(driver -> List.of("droplet", "hardening", "stack", "email").stream()
                            .allMatch(stage -> funnelCount(driver.findElements(
                                            By.cssSelector("#funnel li[data-stage='" + stage + "'] .count")))
                                    >= 1));
            assertThat(page.findElements(By.cssSelector("#funnel li")))
                    .extracting(stage -> stage.getAttribute("data-stage"))
                    .containsExactly("droplet", "hardening", "stack", "email");
            chromium.waitUpTo(UP_TO)
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#in-flight tr[data-customer='" + waiting.customerId() + "']")));

            // Keyboard only: from the top of the page, Tab reaches the search box within a few presses.
            WebElement search = tabTo(page, "q", 8);
            search.sendKeys("ADA@LOVELACE", Keys.ENTER);
            chromium.waitUpTo(UP_TO)
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#search-results tr[data-customer='funnel-3'] a")))
                    .click();

            chromium.waitUpTo(UP_TO)
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("title"), "funnel-3"));
            chromium.waitUpTo(UP_TO)
                    .until(driver ->
                            driver.findElements(By.cssSelector("#timeline li")).size() >= 3);
            assertThat(page.findElements(By.cssSelector("#timeline li strong")))
                    .extracting(WebElement::getText)
                    .containsSubsequence("SignupReceived", "DropletActive", "HostHardened");
            assertThat(page.findElement(By.id("facts")).getText())
                    .contains(
                            "ada@lovelace.example",
                            "Ada Lovelace",
                            stacking.droplet().publicIpv4());

            // Live: the next event of the customer appears on the open page, over /api/events, without a reload.
            chromium.waitUpTo(UP_TO)
                    .until(ExpectedConditions.attributeToBe(By.cssSelector(".live"), "data-state", "open"));
            chromium.evaluate("window.__samePage = true");
            pipeline.stackInstalled(stacking);
            chromium.waitUpTo(UP_TO)
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "StackInstalled"));
            assertThat(chromium.evaluate("window.__samePage"))
                    .as("the page was not reloaded")
                    .isEqualTo(true);
        }
    }

    private static int funnelCount(List<WebElement> counts) {
        return counts.isEmpty()
                ? 0
                : Integer.parseInt(counts.getFirst().getText().strip());
    }

    private static WebElement tabTo(ChromeDriver page, String id, int atMost) {
        page.findElement(By.tagName("body")).click();
        for (int i = 0; i < atMost; i++) {
            page.switchTo().activeElement().sendKeys(Keys.TAB);
            WebElement focused = page.switchTo().activeElement();
            if (id.equals(focused.getAttribute("id"))) {
                return focused;
            }
        }
        throw new AssertionError("#" + id + " not reached with " + atMost + " presses of Tab");
    }

    @Test
    @Order(2)
    void anOperatorReplaysADeadLetterAndTheCustomersTimelineShowsTheReplay() {
        DropletActive active = pipeline.dropletActive(
                pipeline.signedUp(Pipeline.signup("replay-1", "barbara@liskov.example", "Barbara Liskov")), 4201);
        pipeline.deadLettered(
                EventType.DROPLET_ACTIVE, active, ProvisioningStage.HARDENING_HOST, "refused root login", 3);

        try (Chromium chromium = Chromium.as(Users.OPERATOR, Users.OPERATOR_PASSWORD)) {
            ChromeDriver page = chromium.driver();
            page.get(console.toString() + "dead-letters.html?customer=replay-1");

            WebElement replay = chromium.waitUpTo(UP_TO)
                    .until(ExpectedConditions.elementToBeClickable(
                            By.cssSelector("tr[data-customer='replay-1'] button.replay")));
            assertThat(replay.getTagName()).isEqualTo("button");
            assertThat(replay.getAccessibleName()).contains("replay-1", "rainmaker.droplet-active.dlq");
            assertThat(page.findElement(By.cssSelector("tr[data-customer='replay-1']"))
                            .getText())
                    .contains("refused root login", "hardening");
            replay.click();

            chromium.waitUpTo(UP_TO)
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("replay-status"), "Replayed replay-1's record"));
            chromium.waitUpTo(UP_TO)
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("tr[data-customer='replay-1'] .badge.replayed")));
            assertThat(page.findElements(By.cssSelector("tr[data-customer='replay-1'] button.replay")))
                    .isEmpty();

            page.get(console.toString() + "customer.html?id=replay-1");
            WebElement replayed = chromium.waitUpTo(UP_TO)
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#timeline li[data-kind='replay']")));
            assertThat(replayed.getText()).contains("replay");
            assertThat(page.findElements(By.cssSelector("#timeline li")))
                    .extracting(entry -> entry.getAttribute("data-kind"))
                    .containsSubsequence("event", "dead-letter", "replay");
        }
    }

    @Test
    @Order(5)
    void everyPageMeetsWcagAaContrastInDarkAndLightMode() {
        try (Chromium chromium = Chromium.as(Users.OPERATOR, Users.OPERATOR_PASSWORD)) {
            for (String scheme : List.of("dark", "light")) {
                chromium.prefer(scheme);
                for (String path : List.of("", "customer.html?id=replay-1", "dead-letters.html")) {
                    chromium.driver().get(console.toString() + path);
                    chromium.waitUpTo(UP_TO)
                            .withMessage("a row or a timeline entry on /" + path)
                            .until(driver -> !driver.findElements(By.cssSelector("tbody tr, #timeline li"))
                                    .isEmpty());
                    assertThat(chromium.lowContrastText())
                            .as("%s mode, /%s", scheme, path)
                            .isEmpty();
                }
            }
        }
    }

    @Test
    @Order(6)
    void theScreenshotOfTheConsoleWithDataInItIsTakenByThisBrowser() throws Exception {
        pipeline.failed(
                pipeline.signedUp(Pipeline.signup("failed-1", "linus@torvalds.example", "Linus Torvalds")),
                ProvisioningStage.INSTALLING_STACK,
                "step 'mariadb' failed its verification: mysqld is not listening on 3306");
        try (Chromium chromium = Chromium.as(Users.VIEWER, Users.VIEWER_PASSWORD)) {
            chromium.prefer("dark");
            ChromeDriver page = chromium.driver();
            page.get(console.toString());
            chromium.waitUpTo(UP_TO)
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#failures tr[data-customer='failed-1']")));
            chromium.waitUpTo(UP_TO)
                    .until(ExpectedConditions.attributeToBe(By.cssSelector(".live"), "data-state", "open"));
            // The whole page, not only what fits a laptop's screen.
            long height = (Long) chromium.evaluate("document.documentElement.scrollHeight");
            page.manage().window().setSize(new Dimension(1400, (int) Math.min(height + 140, 2400)));
            Path screenshot = Path.of(System.getProperty(SCREENSHOT_PROPERTY, "target/console.png"));
            Files.createDirectories(screenshot.toAbsolutePath().getParent());
            Files.write(screenshot, page.getScreenshotAs(OutputType.BYTES));
            assertThat(screenshot).isNotEmptyFile();
        }
    }
}
