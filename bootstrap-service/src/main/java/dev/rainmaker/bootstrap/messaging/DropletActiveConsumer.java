package dev.rainmaker.bootstrap.messaging;

import java.util.concurrent.CompletionStage;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.bootstrap.messaging.FailureReports.FailedCustomer;
import dev.rainmaker.bootstrap.service.HardeningService;
import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.InvalidEventException;
import dev.rainmaker.events.ProvisioningStage;
import io.smallrye.common.annotation.RunOnVirtualThread;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Each active droplet is hardened, then announced with its final host key; a failure dead-letters the record and
 * reports the customer's provisioning as failed.
 */
@ApplicationScoped
public class DropletActiveConsumer {

    public static final String CHANNEL = "droplets-active-in";
    private static final ProvisioningStage STAGE = ProvisioningStage.HARDENING_HOST;

    private final HardeningService hardening;
    private final HostHardenedPublisher publisher;
    private final FailureReports failures;

    public DropletActiveConsumer(HardeningService hardening, HostHardenedPublisher publisher, FailureReports failures) {
        this.hardening = hardening;
        this.publisher = publisher;
        this.failures = failures;
    }

    @Incoming(CHANNEL)
    @RunOnVirtualThread
    public CompletionStage<Void> onDropletActive(Message<String> message) {
        DropletActive event;
        try {
            event = EventJson.read(message.getPayload(), DropletActive.class);
        } catch (InvalidEventException e) {
            return failures.unreadable(message, STAGE, e);
        }
        try {
            publisher.publish(hardening.harden(event));
            return message.ack();
        } catch (RuntimeException e) {
            var signup = event.signup();
            var droplet = event.droplet();
            return failures.failed(
                    message,
                    STAGE,
                    new FailedCustomer(
                            signup == null ? null : signup.customerId(), signup, droplet == null ? null : droplet.id()),
                    e);
        }
    }
}
