package dev.rainmaker.bootstrap.health;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.bootstrap.client.ProvisioningIdentity;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the provisioning key loads: without it no host can be hardened. Says which file, never its content. */
@Readiness
@ApplicationScoped
public class ProvisioningKeyReadiness implements HealthCheck {

    private final ProvisioningIdentity identity;

    public ProvisioningKeyReadiness(ProvisioningIdentity identity) {
        this.identity = identity;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            identity.keyPair();
            return HealthCheckResponse.named("provisioning-key")
                    .up()
                    .withData("file", identity.file().toString())
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("provisioning-key")
                    .down()
                    .withData("error", e.getMessage())
                    .build();
        }
    }
}
