package dev.rainmaker.notifier.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.InvalidEventException;
import dev.rainmaker.events.ProvisioningFailed;
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

    private final FailureDigest digest;

    ProvisioningFailedConsumer(FailureDigest digest) {
        this.digest = digest;
    }

    @Incoming(CHANNEL)
    public CompletionStage<Void> onProvisioningFailed(Message<String> message) {
        ProvisioningFailed failure;
        try {
            failure = EventJson.read(message.getPayload(), ProvisioningFailed.class);
        } catch (InvalidEventException e) {
            return message.nack(e);
        }
        digest.add(failure, message::ack);
        return CompletableFuture.completedFuture(null);
    }
}
