package dev.rainmaker.droplet.health;

import java.time.Duration;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.droplet.client.TokenStatus;
import dev.rainmaker.droplet.config.DropletConfig;
import dev.rainmaker.droplet.service.DigitalOceanApi;
import dev.rainmaker.droplet.service.DigitalOceanException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when DigitalOcean accepts the configured token. DOWN as soon as any call was refused with 401/403 (every
 * sign-up would fail), until a call succeeds again. A call that succeeded within the last minute answers the probe, so
 * probes do not eat into the rate limit; otherwise the probe asks {@code GET /v2/account}.
 */
@Readiness
@ApplicationScoped
public class DigitalOceanReadinessCheck implements HealthCheck {

    static final String NAME = "digitalocean";
    private static final Duration RECENT = Duration.ofMinutes(1);

    private final DigitalOceanApi digitalOcean;
    private final DropletConfig config;
    private final TokenStatus tokenStatus;

    DigitalOceanReadinessCheck(DigitalOceanApi digitalOcean, DropletConfig config, TokenStatus tokenStatus) {
        this.digitalOcean = digitalOcean;
        this.config = config;
        this.tokenStatus = tokenStatus;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(NAME).withData("api-url", config.apiUrl());
        if (config.token().isEmpty()) {
            return response.down()
                    .withData("reason", "no API token configured (rainmaker.droplet.token / DIGITALOCEAN_TOKEN)")
                    .build();
        }
        if (tokenStatus.refusal().isPresent()) {
            return response.down()
                    .withData("reason", tokenStatus.refusal().get())
                    .build();
        }
        if (tokenStatus.acceptedWithin(RECENT)) {
            return response.up().build();
        }
        try {
            digitalOcean.checkAccount();
            return response.up().build();
        } catch (DigitalOceanException e) {
            return response.down().withData("reason", e.getMessage()).build();
        }
    }
}
