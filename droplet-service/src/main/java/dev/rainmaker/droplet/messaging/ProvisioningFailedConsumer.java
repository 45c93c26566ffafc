package dev.rainmaker.droplet.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.droplet.service.teardown.DropletCompensation;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.ProvisioningFailed;
import dev.rainmaker.messaging.StageMetrics;
import io.smallrye.common.annotation.RunOnVirtualThread;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code rainmaker.provisioning-failed} in: the failed customer's droplet is torn down. A failure here (DigitalOcean
 * refusing the delete) goes to the dead-letter topic only, never to another {@code ProvisioningFailed}.
 */
@ApplicationScoped
public class ProvisioningFailedConsumer {

    /** The {@code stage} label of this consumer's dead letters: not a provisioning stage, the teardown. */
    static final String STAGE_LABEL = "tearing-down";

    private final DropletCompensation compensation;
    private final StageMetrics metrics;

    ProvisioningFailedConsumer(DropletCompensation compensation, StageMetrics metrics) {
        this.compensation = compensation;
        this.metrics = metrics;
    }

    @Incoming(Channels.PROVISIONING_FAILED_IN)
    @RunOnVirtualThread
    public void consume(String value) {
        try {
            compensation.afterFailure(EventJson.read(value, ProvisioningFailed.class));
        } catch (RuntimeException e) {
            metrics.deadLettered(STAGE_LABEL, EventType.PROVISIONING_FAILED.topic());
            throw e;
        }
    }
}
