package dev.rainmaker.notifier.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.InvalidEventException;
import dev.rainmaker.events.ProvisioningFailed;
import dev.rainmaker.messaging.StageMetrics;
import dev.rainmaker.notifier.service.FailureDigest;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * {@code rainmaker.provisioning-failed} in: each failure joins the ops digest, and its record is acknowledged only once
 * the digest holding it was sent. Until then the throttled commit strategy keeps the partition's offset below it, so a
 * restart redelivers every failure not yet mailed (at the price of mailing some twice).
 */
@ApplicationScoped
public class ProvisioningFailedConsumer {

    static final String CHANNEL = "provisioning-failed-in";

    /** The {@code stage} label of this consumer's dead letters: not a provisioning stage, the ops digest. */
    static final String STAGE_LABEL = "ops-digest";

    private final FailureDigest digest;
    private final StageMetrics metrics;

    ProvisioningFailedConsumer(FailureDigest digest, StageMetrics metrics) {
        this.digest = digest;
        this.metrics = metrics;
    }

    @Incoming(CHANNEL)
    public CompletionStage<Void> onProvisioningFailed(Message<String> message) {
        ProvisioningFailed failure;
        try {
            failure = EventJson.read(message.getPayload(), ProvisioningFailed.class);
        } catch (InvalidEventException e) {
            metrics.deadLettered(STAGE_LABEL, message);
            return message.nack(e);
        }
        digest.add(failure, message::ack);
        return CompletableFuture.completedFuture(null);
    }
}
