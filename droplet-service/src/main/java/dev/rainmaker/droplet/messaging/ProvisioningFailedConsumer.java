package dev.rainmaker.droplet.messaging;

import java.time.Instant;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.droplet.service.teardown.DropletCompensation;
import dev.rainmaker.events.DropletTornDown;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.ProvisioningFailed;
import dev.rainmaker.messaging.StageMetrics;
import io.smallrye.common.annotation.RunOnVirtualThread;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code rainmaker.provisioning-failed} in: the failed customer's droplet is torn down, and each droplet destroyed is
 * told as a {@code DropletTornDown} (for status-service's view). A failure here (DigitalOcean refusing the delete) goes
 * to the dead-letter topic only, never to another {@code ProvisioningFailed}.
 */
@ApplicationScoped
public class ProvisioningFailedConsumer {

    /** The {@code stage} label of this consumer's dead letters: not a provisioning stage, the teardown. */
    static final String STAGE_LABEL = "tearing-down";

    private final DropletCompensation compensation;
    private final EventPublisher publisher;
    private final StageMetrics metrics;

    ProvisioningFailedConsumer(DropletCompensation compensation, EventPublisher publisher, StageMetrics metrics) {
        this.compensation = compensation;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    @Incoming(Channels.PROVISIONING_FAILED_IN)
    @RunOnVirtualThread
    public void consume(String value) {
        try {
            ProvisioningFailed failure = EventJson.read(value, ProvisioningFailed.class);
            String reason = "failed while " + failure.stage().words() + ": " + failure.reason();
            for (long droplet : compensation.afterFailure(failure)) {
                publisher.publish(new DropletTornDown(failure.customerId(), droplet, reason, Instant.now()));
            }
        } catch (RuntimeException e) {
            metrics.deadLettered(STAGE_LABEL, EventType.PROVISIONING_FAILED.topic());
            throw e;
        }
    }
}
