package dev.rainmaker.droplet.client;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DigitalOceanCallsTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DigitalOceanCalls calls = new DigitalOceanCalls(meters);

    @Test
    void endpointsNameNoDropletTagOrFirewallSoTheirLabelsStayFew() {
        assertThat(DigitalOceanCalls.endpoint("/v2/droplets?tag_name=rainmaker&per_page=200&page=3"))
                .isEqualTo("/v2/droplets");
        assertThat(DigitalOceanCalls.endpoint("/v2/droplets/4012")).isEqualTo("/v2/droplets/{id}");
        assertThat(DigitalOceanCalls.endpoint("/v2/tags/rainmaker-in-flight/resources"))
                .isEqualTo("/v2/tags/{name}/resources");
        assertThat(DigitalOceanCalls.endpoint("/v2/firewalls/fb6045f1-cf1d")).isEqualTo("/v2/firewalls/{id}");
        assertThat(DigitalOceanCalls.endpoint("/v2/account")).isEqualTo("/v2/account");
    }

    @Test
    void callsAreCountedByMethodEndpointStatusAndOutcome() {
        calls.count("DELETE", "/v2/droplets/4012", 204);
        calls.count("DELETE", "/v2/droplets/4013", 204);
        calls.count("POST", "/v2/droplets", 429);
        calls.count("GET", "/v2/droplets?page=1", 503);
        calls.unanswered("GET", "/v2/account");

        assertThat(count("DELETE", "/v2/droplets/{id}", "204", "success")).isEqualTo(2);
        assertThat(count("POST", "/v2/droplets", "429", "rate-limited")).isEqualTo(1);
        assertThat(count("GET", "/v2/droplets", "503", "server-error")).isEqualTo(1);
        assertThat(count("GET", "/v2/account", "none", "no-answer")).isEqualTo(1);
        assertThat(calls.calls()).isEqualTo(5);
    }

    private double count(String method, String endpoint, String status, String outcome) {
        return meters.get(DigitalOceanCalls.METRIC)
                .tags("method", method, "endpoint", endpoint, "status", status, "outcome", outcome)
                .counter()
                .count();
    }
}
