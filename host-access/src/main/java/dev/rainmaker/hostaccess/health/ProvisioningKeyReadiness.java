package dev.rainmaker.hostaccess.health;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.hostaccess.ssh.ProvisioningKeyFile;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the provisioning key loads: without it no host can be reached. Names the file, never its content. */
@Readiness
@ApplicationScoped
public class ProvisioningKeyReadiness implements HealthCheck {

    private final ProvisioningKeyFile key;

    public ProvisioningKeyReadiness(ProvisioningKeyFile key) {
        this.key = key;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("provisioning-key")
                .withData("file", key.file().toString());
        try {
            return response.withData("keys", key.keyPairs().size()).up().build();
        } catch (RuntimeException e) {
            return response.withData("reason", e.getMessage()).down().build();
        }
    }
}
