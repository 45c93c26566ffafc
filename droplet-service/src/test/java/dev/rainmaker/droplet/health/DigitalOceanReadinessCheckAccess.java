package dev.rainmaker.droplet.health;

import dev.rainmaker.droplet.client.TokenStatus;
import dev.rainmaker.droplet.config.DropletConfig;
import dev.rainmaker.droplet.service.DigitalOceanApi;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Runs the readiness check outside CDI, for plain unit tests. */
public final class DigitalOceanReadinessCheckAccess {

    private DigitalOceanReadinessCheckAccess() {}

    public static HealthCheckResponse check(DigitalOceanApi digitalOcean, DropletConfig config, TokenStatus status) {
        return new DigitalOceanReadinessCheck(digitalOcean, config, status).call();
    }
}
