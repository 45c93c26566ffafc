package dev.rainmaker.stack.messaging;

import java.util.concurrent.CompletionStage;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.HostHardened;
import dev.rainmaker.events.InvalidEventException;
import dev.rainmaker.events.ProvisioningStage;
import dev.rainmaker.stack.messaging.FailureReports.FailedCustomer;
import dev.rainmaker.stack.service.StackInstaller;
import io.smallrye.common.annotation.RunOnVirtualThread;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A hardened host gets its stack; the message is acknowledged once StackInstalled is on the broker. A failure
 * dead-letters it and reports the customer's provisioning as failed.
 */
@ApplicationScoped
public class HostHardenedConsumer {

    static final String CHANNEL = "hosts-hardened-in";
    private static final ProvisioningStage STAGE = ProvisioningStage.INSTALLING_STACK;

    private final StackInstaller installer;
    private final StackInstalledPublisher publisher;
    private final FailureReports failures;

    public HostHardenedConsumer(StackInstaller installer, StackInstalledPublisher publisher, FailureReports failures) {
        this.installer = installer;
        this.publisher = publisher;
        this.failures = failures;
    }

    @Incoming(CHANNEL)
    @RunOnVirtualThread
    public CompletionStage<Void> consume(Message<String> message) {
        HostHardened event;
        try {
            event = EventJson.read(message.getPayload(), HostHardened.class);
        } catch (InvalidEventException e) {
            return failures.unreadable(message, STAGE, e);
        }
        try {
            publisher.publish(installer.install(event));
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
