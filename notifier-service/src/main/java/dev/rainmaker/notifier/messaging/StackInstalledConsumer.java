package dev.rainmaker.notifier.messaging;

import java.util.concurrent.CompletionStage;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.InvalidEventException;
import dev.rainmaker.events.ProvisioningStage;
import dev.rainmaker.events.StackInstalled;
import dev.rainmaker.notifier.messaging.FailureReports.FailedCustomer;
import dev.rainmaker.notifier.service.ReadyNotifier;
import io.smallrye.common.annotation.RunOnVirtualThread;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Reads {@code StackInstalled} events; the customer is told and {@code CustomerReady} published before the ack. */
@ApplicationScoped
public class StackInstalledConsumer {

    static final String CHANNEL = "stacks-installed-in";
    private static final ProvisioningStage STAGE = ProvisioningStage.EMAILING_CUSTOMER;

    private final ReadyNotifier notifier;
    private final EventPublisher publisher;
    private final FailureReports failures;

    StackInstalledConsumer(ReadyNotifier notifier, EventPublisher publisher, FailureReports failures) {
        this.notifier = notifier;
        this.publisher = publisher;
        this.failures = failures;
    }

    @Incoming(CHANNEL)
    @RunOnVirtualThread
    public CompletionStage<Void> onStackInstalled(Message<String> message) {
        StackInstalled stack;
        try {
            stack = EventJson.read(message.getPayload(), StackInstalled.class);
        } catch (InvalidEventException e) {
            return failures.unreadable(message, STAGE, e);
        }
        try {
            publisher.publish(notifier.notifyReady(stack));
            return message.ack();
        } catch (RuntimeException e) {
            var signup = stack.signup();
            var droplet = stack.droplet();
            return failures.failed(
                    message,
                    STAGE,
                    new FailedCustomer(
                            signup == null ? null : signup.customerId(), signup, droplet == null ? null : droplet.id()),
                    e);
        }
    }
}
