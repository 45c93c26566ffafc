package dev.rainmaker.droplet.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.droplet.service.SignupService;
import dev.rainmaker.events.DropletRequested;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.SignupReceived;
import io.smallrye.common.annotation.RunOnVirtualThread;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** {@code rainmaker.signup-received} in: a valid sign-up becomes a {@code DropletRequested}. */
@ApplicationScoped
public class SignupConsumer {

    private static final Logger LOG = Logger.getLogger(SignupConsumer.class);

    private final SignupService signups;
    private final EventPublisher publisher;

    SignupConsumer(SignupService signups, EventPublisher publisher) {
        this.signups = signups;
        this.publisher = publisher;
    }

    @Incoming(Channels.SIGNUPS_IN)
    @RunOnVirtualThread
    public void consume(String value) {
        SignupReceived signup = EventJson.read(value, SignupReceived.class);
        DropletRequested request = signups.requestDroplet(signup);
        publisher.publish(request);
        LOG.infof("Customer %s: droplet %s requested", signup.customerId(), request.droplet());
    }
}
