package dev.rainmaker.droplet.messaging;

import java.util.concurrent.CompletionStage;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.droplet.service.provisioning.DropletProvisioner;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.DropletRequested;
import dev.rainmaker.events.ProvisioningStage;
import dev.rainmaker.messaging.StageHandler;
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

    private final DropletProvisioner provisioner;
    private final EventPublisher publisher;
    private final StageHandler stage;

    DropletRequestConsumer(DropletProvisioner provisioner, EventPublisher publisher, StageHandler stage) {
        this.provisioner = provisioner;
        this.publisher = publisher;
        this.stage = stage;
    }

    @Incoming(Channels.DROPLET_REQUESTS_IN)
    @RunOnVirtualThread
    public CompletionStage<Void> consume(Message<String> message) {
        return stage.handle(message, ProvisioningStage.CREATING_DROPLET, DropletRequested.class, this::provision);
    }

    private void provision(DropletRequested request) {
        Droplet droplet = provisioner.provision(request);
        publisher.publish(new DropletActive(request.signup(), droplet));
        provisioner.reported(droplet);
        LOG.infof("Customer %s: droplet %d active at %s", request.customerId(), droplet.id(), droplet.publicIpv4());
    }
}
