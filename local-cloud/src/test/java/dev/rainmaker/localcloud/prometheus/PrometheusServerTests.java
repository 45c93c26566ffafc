package dev.rainmaker.localcloud.prometheus;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A real Prometheus scraping a real {@code /q/metrics} endpoint on loopback. */
class PrometheusServerTests {

    @BeforeEach
    void needsPrometheus() {
        assumeTrue(
                PrometheusServer.unavailability().isEmpty(),
                () -> "skipped: " + PrometheusServer.unavailability().orElseThrow());
    }

    @Test
    void scrapesEachTargetUnderItsJobAndInstanceAndFiresAnAlertAfterTheShortenedFor(@TempDir Path directory)
            throws IOException, InterruptedException {
        HttpServer service = metricsEndpoint("rainmaker_signups_total 3\n");
        try (PrometheusServer prometheus = PrometheusServer.start(
                directory, PrometheusSettings.forTests(TestRules.file(), Duration.ofSeconds(1)))) {
            PrometheusApi api = new PrometheusApi(prometheus.url());
            assertThat(prometheus.url()).startsWith("http://127.0.0.1:").doesNotEndWith(":9090");
            assertThat(api.alertingRuleNames()).contains("RainmakerServiceDown");
            String alertsPage = prometheus.info().alertsPage().orElseThrow();
            assertThat(java.net.http.HttpClient.newHttpClient()
                            .send(
                                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(alertsPage))
                                            .build(),
                                    java.net.http.HttpResponse.BodyHandlers.ofString())
                            .body())
                    .as("the alerts page %s", alertsPage)
                    .contains("RainmakerServiceDown");

            ScrapeTargets.in(prometheus.info().targetsFile().orElseThrow())
                    .add(
                            "droplet-service",
                            "droplet-service-1",
                            service.getAddress().getPort());

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(api.query("rainmaker_signups_total"))
                            .singleElement()
                            .satisfies(sample -> {
                                assertThat(sample.labels())
                                        .containsEntry("job", "droplet-service")
                                        .containsEntry("instance", "droplet-service-1");
                                assertThat(sample.value()).isEqualTo("3");
                            }));
            assertThat(serviceDown(api))
                    .as("RainmakerServiceDown while the service answers")
                    .isEmpty();

            service.stop(0);

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(serviceDown(api))
                            .singleElement()
                            .satisfies(alert -> {
                                assertThat(alert.firing())
                                        .as("firing, not only pending")
                                        .isTrue();
                                assertThat(alert.labels())
                                        .containsAllEntriesOf(
                                                Map.of("job", "droplet-service", "instance", "droplet-service-1"));
                            }));
        } finally {
            service.stop(0);
        }
    }

    @Test
    void refusesAnExpressionWithPrometheusOwnReason(@TempDir Path directory) {
        try (PrometheusServer prometheus = PrometheusServer.start(
                directory, PrometheusSettings.forTests(TestRules.file(), Duration.ofSeconds(1)))) {
            assertThatThrownBy(() -> new PrometheusApi(prometheus.url()).query("sum(rate(x[5m])"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bad_data");
        }
    }

    @Test
    void aRulesFileItCannotLoadStopsTheStartAndPointsAtTheLog(@TempDir Path directory) throws IOException {
        Path broken = Files.writeString(
                directory.resolve("broken.yaml"),
                "groups:\n  - name: broken\n    rules:\n      - alert: Typo\n        expr: sum(rate(x[5m])\n");
        PrometheusSettings settings = new PrometheusSettings(
                java.util.Optional.of(broken), Duration.ofSeconds(2), java.util.Optional.empty());

        assertThatThrownBy(() -> PrometheusServer.start(directory.resolve("prometheus"), settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("prometheus.log");
    }

    private static java.util.List<PrometheusApi.Alert> serviceDown(PrometheusApi api) {
        return api.alerts().stream()
                .filter(alert -> alert.name().equals("RainmakerServiceDown"))
                .toList();
    }

    private static HttpServer metricsEndpoint(String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/q/metrics", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server;
    }
}
