package dev.rainmaker.stack.messaging;

import java.util.concurrent.CompletionStage;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.HostHardened;
import dev.rainmaker.events.ProvisioningStage;
import dev.rainmaker.messaging.StageHandler;
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

    private final StackInstaller installer;
    private final StackInstalledPublisher publisher;
    private final StageHandler stage;

    public HostHardenedConsumer(StackInstaller installer, StackInstalledPublisher publisher, StageHandler stage) {
        this.installer = installer;
        this.publisher = publisher;
        this.stage = stage;
    }

    @Incoming(CHANNEL)
    @RunOnVirtualThread
    public CompletionStage<Void> consume(Message<String> message) {
        return stage.handle(
                message,
                ProvisioningStage.INSTALLING_STACK,
                HostHardened.class,
                event -> publisher.publish(installer.install(event)));
    }
}
