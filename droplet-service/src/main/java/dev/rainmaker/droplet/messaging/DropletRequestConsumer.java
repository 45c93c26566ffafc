package dev.rainmaker.droplet.messaging;

import java.util.concurrent.CompletionStage;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.droplet.messaging.FailureReports.FailedCustomer;
import dev.rainmaker.droplet.service.provisioning.DropletProvisioner;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.DropletRequested;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.InvalidEventException;
import dev.rainmaker.events.ProvisioningStage;
import io.smallrye.common.annotation.RunOnVirtualThread;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * {@code rainmaker.droplet-requested} in: the customer's one droplet, once active, becomes a {@code DropletActive}; a
 * request that fails for good is dead-lettered and reported as failed.
 */
@ApplicationScoped
public class DropletRequestConsumer {

    private static final Logger LOG = Logger.getLogger(DropletRequestConsumer.class);
    private static final ProvisioningStage STAGE = ProvisioningStage.CREATING_DROPLET;

    private final DropletProvisioner provisioner;
    private final EventPublisher publisher;
    private final FailureReports failures;

    DropletRequestConsumer(DropletProvisioner provisioner, EventPublisher publisher, FailureReports failures) {
        this.provisioner = provisioner;
        this.publisher = publisher;
        this.failures = failures;
    }

    @Incoming(Channels.DROPLET_REQUESTS_IN)
    @RunOnVirtualThread
    public CompletionStage<Void> consume(Message<String> message) {
        DropletRequested request;
        try {
            request = EventJson.read(message.getPayload(), DropletRequested.class);
        } catch (InvalidEventException e) {
            return failures.unreadable(message, STAGE, e);
        }
        try {
            Droplet droplet = provisioner.provision(request);
            publisher.publish(new DropletActive(request.signup(), droplet));
            provisioner.reported(droplet);
            LOG.infof("Customer %s: droplet %d active at %s", request.customerId(), droplet.id(), droplet.publicIpv4());
            return message.ack();
        } catch (RuntimeException e) {
            var signup = request.signup();
            return failures.failed(
                    message, STAGE, new FailedCustomer(signup == null ? null : signup.customerId(), signup, null), e);
        }
    }
}
