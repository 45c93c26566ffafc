package dev.rainmaker.stack.health;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.stack.client.ProvisioningKey;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the provisioning key loads: without it no host can be reached. */
@Readiness
@ApplicationScoped
public class ProvisioningKeyReadiness implements HealthCheck {

    private final ProvisioningKey key;

    public ProvisioningKeyReadiness(ProvisioningKey key) {
        this.key = key;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("provisioning-key")
                .withData("file", key.file().toString());
        try {
            return response.withData("keys", key.keyPairs().size()).up().build();
        } catch (IllegalStateException e) {
            return response.withData("reason", e.getMessage()).down().build();
        }
    }
}
