package dev.rainmaker.api;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.rainmaker.api.WebhookReceiver.Received;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.testing.TestEvents;
import dev.rainmaker.localcloud.kafka.TopicClient;
import dev.rainmaker.localcloud.kafka.TopicClient.TopicRecord;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks end to end: events on the real topics, acme's and globex's receivers on 127.0.0.1 (see
 * {@link WebhookReceiver}), retries shortened to 200 ms doubling to 1 s, given up after 3 s.
 */
@QuarkusTest
@TestProfile(WebhooksTestProfile.class)
class WebhooksTest {

    private static final String DLQ = "rainmaker.webhooks.dlq";
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/q/metrics")
    URL metrics;

    TopicClient kafka;

    @BeforeEach
    void connect() {
        kafka = new TopicClient(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void aCustomerReadyReachesItsAppOnceSignedAsACloudEventAndIsCommittedAfter() throws Exception {
        kafka.publish(EventType.CUSTOMER_READY.topic(), "hook-1", EventJson.write(TestEvents.ready("hook-1", 7)));

        Received hook = await().atMost(Duration.ofSeconds(30))
                .until(() -> WebhookReceiver.to("acme", "hook-1"), requests -> !requests.isEmpty())
                .getFirst();

        assertThat(hook.header("Content-Type")).isEqualTo("application/cloudevents+json; charset=utf-8");
        assertThat(hook.header("User-Agent")).isEqualTo("Rainmaker-Webhooks/1");
        assertSignedWith(WebhookReceiver.ACME_SECRET, hook);
        var json = hook.json();
        assertThat(json.path("specversion").asText()).isEqualTo("1.0");
        assertThat(json.path("type").asText()).isEqualTo("customer.ready");
        assertThat(hook.header("Rainmaker-Event-Id"))
                .isEqualTo(json.path("id").asText())
                .isNotBlank();
        assertThat(json.path("data").path("url").asText()).isEqualTo("http://127.10.0.9/");
        assertThat(json.path("data").path("customerId").asText()).isEqualTo("hook-1");

        TopicRecord record =
                recordsFor(EventType.CUSTOMER_READY.topic(), "hook-1").getFirst();
        awaitCommittedPast("acme", record);
        assertThat(WebhookReceiver.to("acme", "hook-1"))
                .as("requests about hook-1")
                .hasSize(1);
    }

    @Test
    void aReceiverAnswering503GetsTheEventLaterWithTheSameIdSignedAfreshEachTime() {
        WebhookReceiver.failFirst("hook-2", 2);

        kafka.publish(EventType.CUSTOMER_READY.topic(), "hook-2", EventJson.write(TestEvents.ready("hook-2", 7)));

        List<Received> attempts = await().atMost(Duration.ofSeconds(30))
                .until(() -> WebhookReceiver.to("acme", "hook-2"), requests -> requests.size() == 3);
        assertThat(attempts)
                .extracting(attempt -> attempt.header("Rainmaker-Event-Id"))
                .containsOnly(attempts.getFirst().json().path("id").asText());
        assertThat(attempts).allSatisfy(attempt -> assertSignedWith(WebhookReceiver.ACME_SECRET, attempt));
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
                .as("wait after the first failure")
                .isGreaterThanOrEqualTo(Duration.ofMillis(150));
        await().pollDelay(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(WebhookReceiver.to("acme", "hook-2"))
                .as("requests after the 204")
                .hasSize(3);
    }

    @Test
    void anotherAppsCustomerIsNotSentToAcmeAndItsDownReceiverHoldsUpNeitherAcmeNorTheDeadLetter() throws Exception {
        kafka.publish(
                EventType.PROVISIONING_FAILED.topic(),
                "other-1",
                EventJson.write(TestEvents.failedCreatingDroplet("other-1")));
        kafka.publish(EventType.CUSTOMER_READY.topic(), "hook-3", EventJson.write(TestEvents.ready("hook-3", 7)));

        Received acme = await().atMost(Duration.ofSeconds(30))
                .until(() -> WebhookReceiver.to("acme", "hook-3"), requests -> !requests.isEmpty())
                .getFirst();
        TopicRecord dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsFor(DLQ, "other-1"), records -> !records.isEmpty())
                .getFirst();

        assertThat(WebhookReceiver.to("acme", "other-1"))
                .as("acme's requests about globex's customer")
                .isEmpty();
        assertThat(acme.at())
                .as("acme served while globex's receiver was still failing")
                .isBefore(Instant.ofEpochMilli(dead.timestamp()));
        List<Received> globex = WebhookReceiver.to("globex", "other-1");
        assertThat(globex).hasSizeGreaterThan(1);
        assertSignedWith(WebhookReceiver.GLOBEX_SECRET, globex.getFirst());
        assertThat(globex.getFirst().json().path("type").asText()).isEqualTo("customer.failed");
        assertThat(new String(globex.getFirst().body(), StandardCharsets.UTF_8))
                .as("the customer's webhook, not ops' reason")
                .doesNotContain("host x");
        assertThat(dead.value()).isEqualTo(new String(globex.getFirst().body(), StandardCharsets.UTF_8));
        assertThat(dead.headers())
                .containsEntry("rainmaker-app", "globex")
                .containsEntry("rainmaker-webhook-failure", "HTTP 503")
                .containsEntry("rainmaker-webhook-attempts", String.valueOf(globex.size()))
                .containsEntry(
                        "rainmaker-event-id",
                        globex.getFirst().json().path("id").asText());
        assertThat(String.join(" ", dead.headers().values()) + dead.value())
                .doesNotContain(WebhookReceiver.GLOBEX_SECRET)
                .doesNotContain(WebhookReceiver.GLOBEX_URL_TOKEN);
        awaitCommittedPast(
                "globex",
                recordsFor(EventType.PROVISIONING_FAILED.topic(), "other-1").getFirst());
    }

    @Test
    void aRecordThatIsNotAnEventIsSkippedAndTheNextOneDelivered() {
        kafka.publish(EventType.CUSTOMER_READY.topic(), "hook-garbled", "{not json");
        kafka.publish(
                EventType.CUSTOMER_READY.topic(), "hook-garbled", EventJson.write(TestEvents.ready("hook-garbled", 7)));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> WebhookReceiver.to("acme", "hook-garbled"), requests -> requests.size() == 1);
    }

    @Test
    void prometheusSeesDeliveriesByOutcomeAndTheAgeOfTheOldestPendingDelivery() {
        WebhookReceiver.failFirst("hook-metrics", 1);
        kafka.publish(
                EventType.CUSTOMER_READY.topic(), "hook-metrics", EventJson.write(TestEvents.ready("hook-metrics", 7)));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(scrape())
                        .containsPattern("rainmaker_webhook_deliveries_total\\{app=\"acme\",outcome=\"delivered\","
                                + "type=\"customer.ready\",?} [1-9]")
                        .containsPattern("rainmaker_webhook_deliveries_total\\{app=\"acme\",outcome=\"retried\","
                                + "type=\"customer.ready\",?} [1-9]")
                        .contains("rainmaker_webhook_deliveries_total{app=\"globex\",outcome=\"dead_lettered\"")
                        .containsPattern("rainmaker_webhook_oldest_pending_seconds\\{app=\"acme\",?} "));
    }

    private static void assertSignedWith(String secret, Received request) {
        Matcher signature = SIGNATURE.matcher(request.header("Rainmaker-Signature"));
        assertThat(signature.matches())
                .as("signature header %s", request.header("Rainmaker-Signature"))
                .isTrue();
        long t = Long.parseLong(signature.group(1));
        assertThat(Math.abs(Instant.now().getEpochSecond() - t)).as("age of t").isLessThan(60);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            assertThat(signature.group(2)).isEqualTo(HexFormat.of().formatHex(mac.doFinal(request.body())));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private void awaitCommittedPast(String app, TopicRecord record) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(admin.listConsumerGroupOffsets("api-service-webhooks-" + app)
                                    .partitionsToOffsetAndMetadata()
                                    .get()
                                    .get(new TopicPartition(record.topic(), record.partition())))
                            .as("committed offset of %s's webhooks on %s", app, record.topic())
                            .isNotNull()
                            .satisfies(
                                    committed -> assertThat(committed.offset()).isGreaterThan(record.offset())));
        }
    }

    private List<TopicRecord> recordsFor(String topic, String customerId) {
        return kafka.readAll(topic).stream()
                .filter(record -> customerId.equals(record.key()))
                .toList();
    }

    private String scrape() throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(metrics.toURI()).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
