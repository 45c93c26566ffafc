package dev.rainmaker.droplet.messaging;

import java.util.concurrent.CompletionStage;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.droplet.service.signup.SignupService;
import dev.rainmaker.events.DropletRequested;
import dev.rainmaker.events.ProvisioningStage;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.messaging.StageHandler;
import io.smallrye.common.annotation.RunOnVirtualThread;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * {@code rainmaker.signup-received} in: a valid sign-up becomes a {@code DropletRequested}; a rejected one is
 * dead-lettered and reported as failed (without the sign-up, whose validity is what failed).
 */
@ApplicationScoped
public class SignupConsumer {

    private static final Logger LOG = Logger.getLogger(SignupConsumer.class);

    private final SignupService signups;
    private final EventPublisher publisher;
    private final StageHandler stage;

    SignupConsumer(SignupService signups, EventPublisher publisher, StageHandler stage) {
        this.signups = signups;
        this.publisher = publisher;
        this.stage = stage;
    }

    @Incoming(Channels.SIGNUPS_IN)
    @RunOnVirtualThread
    public CompletionStage<Void> consume(Message<String> message) {
        return stage.handle(message, ProvisioningStage.VALIDATING_SIGNUP, SignupReceived.class, this::requestDroplet);
    }

    private void requestDroplet(SignupReceived signup) {
        DropletRequested request = signups.requestDroplet(signup);
        publisher.publish(request);
        LOG.infof("Customer %s: droplet %s requested", signup.customerId(), request.droplet());
    }
}
