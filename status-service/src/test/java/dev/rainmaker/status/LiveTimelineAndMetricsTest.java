package dev.rainmaker.status;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.rainmaker.events.testing.TestEvents;
import dev.rainmaker.localcloud.kafka.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import static dev.rainmaker.status.Api.asEve;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class LiveTimelineAndMetricsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/api/events")
    URL events;

    @Test
    void theEventStreamDeliversAnEntryPublishedAfterSubscribing() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(events.toString()))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("eve:secret".getBytes()))
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        CompletableFuture<String> entry =
                CompletableFuture.supplyAsync(() -> firstTimelineEvent(response.body(), "sse-1"));

        try (Pipeline pipeline = new Pipeline(bootstrapServers)) {
            // The feed reads from the end once it has its partitions: publish until the entry shows.
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> {
                        pipeline.publish(TestEvents.signup("sse-1"));
                        return entry.isDone();
                    });
        }
        String frame = entry.get(1, TimeUnit.SECONDS);
        // SSE fields are "name:value", with one optional space after the colon.
        assertThat(frame)
                .containsPattern("(?m)^event: ?timeline$")
                .containsPattern("(?m)^data: ?\\{\"customerId\":\"sse-1\",.*\"kind\":\"event\".*}$");
    }

    @Test
    void theGaugesCountInFlightAndStuckCustomersPerStage() {
        try (Pipeline pipeline = new Pipeline(bootstrapServers)) {
            pipeline.publish(TestEvents.signup("metrics-1"));
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> asEve().get("/api/customers/metrics-1").then().body("stuck", equalTo(true)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics =
                    given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(gauge(metrics, "rainmaker_customers_stuck{stage=\"droplet\"}"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(gauge(metrics, "rainmaker_customers_in_flight{stage=\"droplet\"}"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(gauge(metrics, "rainmaker_customers_oldest_in_flight_seconds{stage=\"droplet\"}"))
                    .isGreaterThan(3);
            assertThat(gauge(metrics, "rainmaker_customers_stuck{stage=\"stack\"}"))
                    .isZero();
        });
        asEve().get("/api/stages").then().body("[0].stuck", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    private static double gauge(String metrics, String series) {
        return metrics.lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line ->
                        Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(series + " is not among the metrics"));
    }

    private static String firstTimelineEvent(java.io.InputStream body, String customer) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            StringBuilder frame = new StringBuilder();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    if (frame.toString().contains("\"customerId\":\"" + customer + "\"")) {
                        return frame.toString();
                    }
                    frame.setLength(0);
                } else {
                    frame.append(line).append('\n');
                }
            }
            throw new IllegalStateException("the event stream ended");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
