package dev.rainmaker.droplet.messaging;

import java.util.concurrent.CompletionStage;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.droplet.messaging.FailureReports.FailedCustomer;
import dev.rainmaker.droplet.service.signup.SignupService;
import dev.rainmaker.events.DropletRequested;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.InvalidEventException;
import dev.rainmaker.events.ProvisioningStage;
import dev.rainmaker.events.SignupReceived;
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
    private static final ProvisioningStage STAGE = ProvisioningStage.VALIDATING_SIGNUP;

    private final SignupService signups;
    private final EventPublisher publisher;
    private final FailureReports failures;

    SignupConsumer(SignupService signups, EventPublisher publisher, FailureReports failures) {
        this.signups = signups;
        this.publisher = publisher;
        this.failures = failures;
    }

    @Incoming(Channels.SIGNUPS_IN)
    @RunOnVirtualThread
    public CompletionStage<Void> consume(Message<String> message) {
        SignupReceived signup;
        try {
            signup = EventJson.read(message.getPayload(), SignupReceived.class);
        } catch (InvalidEventException e) {
            return failures.unreadable(message, STAGE, e);
        }
        try {
            DropletRequested request = signups.requestDroplet(signup);
            publisher.publish(request);
            LOG.infof("Customer %s: droplet %s requested", signup.customerId(), request.droplet());
            return message.ack();
        } catch (RuntimeException e) {
            return failures.failed(message, STAGE, new FailedCustomer(signup.customerId(), null, null), e);
        }
    }
}
