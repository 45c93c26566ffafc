package dev.rainmaker.droplet.health;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.droplet.client.DigitalOceanApi;
import dev.rainmaker.droplet.client.DigitalOceanException;
import dev.rainmaker.droplet.config.DropletConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when DigitalOcean answers {@code GET /v2/account} and accepts the configured token. */
@Readiness
@ApplicationScoped
public class DigitalOceanReadinessCheck implements HealthCheck {

    static final String NAME = "digitalocean";

    private final DigitalOceanApi digitalOcean;
    private final DropletConfig config;

    DigitalOceanReadinessCheck(DigitalOceanApi digitalOcean, DropletConfig config) {
        this.digitalOcean = digitalOcean;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(NAME).withData("api-url", config.apiUrl());
        if (config.token().isEmpty()) {
            return response.down()
                    .withData("reason", "no API token configured (rainmaker.droplet.token / DIGITALOCEAN_TOKEN)")
                    .build();
        }
        try {
            digitalOcean.checkAccount();
            return response.up().build();
        } catch (DigitalOceanException e) {
            return response.down().withData("reason", e.getMessage()).build();
        }
    }
}
