package dev.rainmaker.droplet.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.droplet.service.DropletProvisioner;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.DropletRequested;
import dev.rainmaker.events.EventJson;
import io.smallrye.common.annotation.RunOnVirtualThread;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** {@code rainmaker.droplet-requested} in: the customer's one droplet, once active, becomes a {@code DropletActive}. */
@ApplicationScoped
public class DropletRequestConsumer {

    private static final Logger LOG = Logger.getLogger(DropletRequestConsumer.class);

    private final DropletProvisioner provisioner;
    private final EventPublisher publisher;

    DropletRequestConsumer(DropletProvisioner provisioner, EventPublisher publisher) {
        this.provisioner = provisioner;
        this.publisher = publisher;
    }

    @Incoming(Channels.DROPLET_REQUESTS_IN)
    @RunOnVirtualThread
    public void consume(String value) {
        DropletRequested request = EventJson.read(value, DropletRequested.class);
        Droplet droplet = provisioner.provision(request);
        publisher.publish(new DropletActive(request.signup(), droplet));
        provisioner.reported(droplet);
        LOG.infof("Customer %s: droplet %d active at %s", request.customerId(), droplet.id(), droplet.publicIpv4());
    }
}
