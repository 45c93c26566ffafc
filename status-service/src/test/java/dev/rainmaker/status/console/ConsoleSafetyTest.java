package dev.rainmaker.status.console;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.EventType;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real headless Chromium against the real service and a real broker: what a viewer, a forged
 * cross-site post, a stranger without credentials and a hostile sign-up cannot do.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleSafetyTest {

    private static final Duration UP_TO = Duration.ofSeconds(30);

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
    @Order(3)
    void aViewerHasNoReplayButtonAndAForgedCrossSitePostIsRefused() throws Exception {
        DropletActive active = pipeline.dropletActive(
                pipeline.signedUp(Pipeline.signup("forged-1", "ken@thompson.example", "Ken Thompson")), 4301);
        pipeline.deadLettered(
                EventType.DROPLET_ACTIVE, active, ProvisioningStage.HARDENING_HOST, "refused root login", 3);

        try (Chromium viewer = Chromium.as(Users.VIEWER, Users.VIEWER_PASSWORD)) {
            ChromeDriver page = viewer.driver();
            page.get(console.toString() + "dead-letters.html?customer=forged-1");
            viewer.waitUpTo(UP_TO)
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-customer='forged-1']")));
            assertThat(page.findElements(By.cssSelector("button.replay"))).isEmpty();
            assertThat(page.findElement(By.id("role-note")).getText()).contains("viewer");
        }

        ConsoleApi operatorApi = new ConsoleApi(console, Users.OPERATOR, Users.OPERATOR_PASSWORD);
        URI replay = operatorApi.replayUriOf("forged-1");
        // An operator signed in to the console opens an attacker's page on another site: its form posts to the replay
        // endpoint with the operator's credentials, but cannot add the console's header.
        try (Chromium operator = Chromium.as(Users.OPERATOR, Users.OPERATOR_PASSWORD);
                ForeignSite attacker = ForeignSite.postingTo(replay)) {
            operator.driver().get(attacker.page().toString());
            operator.waitUpTo(UP_TO).until(driver -> driver.getCurrentUrl().startsWith(replay.toString()));
            assertThat(operator.driver().getPageSource()).contains("cross-site request refused");
        }
        assertThat(operatorApi.replayed("forged-1")).isFalse();

        ConsoleApi viewerApi = new ConsoleApi(console, Users.VIEWER, Users.VIEWER_PASSWORD);
        assertThat(viewerApi.postFromConsole(replay).statusCode()).isEqualTo(403);
        assertThat(operatorApi.replayed("forged-1")).isFalse();

        ConsoleApi anonymous = ConsoleApi.anonymous(console);
        for (String path : List.of("", "dead-letters.html", "api/customers", "api/dead-letters", "api/me")) {
            var response = anonymous.get(path);
            assertThat(response.statusCode())
                    .as("GET /%s without credentials", path)
                    .isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .as("GET /%s without credentials", path)
                    // The scheme is case-insensitive (RFC 9110); Quarkus writes it "basic".
                    .hasValueSatisfying(challenge -> assertThat(challenge)
                            .startsWithIgnoringCase("Basic")
                            .contains("realm=\"rainmaker\""));
        }
        assertThat(anonymous.postFromConsole(replay).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void hostileSignupsRenderAsTextAndNoScriptOfTheirsRuns() {
        for (Hostile hostile : Hostile.SIGNUPS) {
            pipeline.signedUp(hostile.signup());
        }
        SignupReceived scripted = Hostile.SIGNUPS.getFirst().signup();
        pipeline.deadLettered(
                EventType.SIGNUP_RECEIVED,
                scripted,
                ProvisioningStage.VALIDATING_SIGNUP,
                "customerId " + Hostile.IMG + " is not a customer id",
                1);

        try (Chromium chromium = Chromium.as(Users.OPERATOR, Users.OPERATOR_PASSWORD)) {
            ChromeDriver page = chromium.driver();
            page.get(console.toString() + "?q=onerror");
            chromium.waitUpTo(UP_TO)
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("search-results"), Hostile.IMG));
            // Its email, in the results' email column.
            chromium.waitUpTo(UP_TO)
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("search-results"), Hostile.SCRIPT));
            // Dead-lettered, it is among the failures, with the reason that quotes its id.
            chromium.waitUpTo(UP_TO)
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("failures"), "customerId " + Hostile.IMG + " is not a customer id"));
            chromium.waitUpTo(UP_TO)
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("in-flight"), "hostile-bidi"));
            assertNothingRan(chromium);

            page.findElement(By.cssSelector("#search-results a")).click();
            chromium.waitUpTo(UP_TO)
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("title"), Hostile.IMG));
            String facts = page.findElement(By.id("facts")).getText();
            assertThat(facts).contains(Hostile.SCRIPT).contains(scripted.contactName());
            assertNothingRan(chromium);

            for (Hostile hostile : Hostile.SIGNUPS.subList(1, Hostile.SIGNUPS.size())) {
                page.get(console.toString() + "customer.html?id="
                        + encoded(hostile.signup().customerId()));
                chromium.waitUpTo(UP_TO)
                        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("facts"), hostile.shownAs()));
                assertNothingRan(chromium);
            }

            page.get(console.toString() + "dead-letters.html");
            chromium.waitUpTo(UP_TO)
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("dead-letters"), Hostile.IMG));
            assertNothingRan(chromium);
        }
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void assertNothingRan(Chromium chromium) {
        assertThat(chromium.evaluate("window.__pwned")).as("window.__pwned").isNull();
        assertThat(chromium.evaluate("document.querySelectorAll('main img, main script').length"))
                .as("images or scripts made from customer text")
                .isEqualTo(0L);
    }
}
