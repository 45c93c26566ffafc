package dev.rainmaker.droplet.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.droplet.service.teardown.DropletCompensation;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.ProvisioningFailed;
import io.smallrye.common.annotation.RunOnVirtualThread;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code rainmaker.provisioning-failed} in: the failed customer's droplet is torn down. A failure here (DigitalOcean
 * refusing the delete) goes to the dead-letter topic only, never to another {@code ProvisioningFailed}.
 */
@ApplicationScoped
public class ProvisioningFailedConsumer {

    private final DropletCompensation compensation;

    ProvisioningFailedConsumer(DropletCompensation compensation) {
        this.compensation = compensation;
    }

    @Incoming(Channels.PROVISIONING_FAILED_IN)
    @RunOnVirtualThread
    public void consume(String value) {
        compensation.afterFailure(EventJson.read(value, ProvisioningFailed.class));
    }
}
