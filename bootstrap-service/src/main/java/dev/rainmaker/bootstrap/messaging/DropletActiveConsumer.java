package dev.rainmaker.bootstrap.messaging;

import java.util.concurrent.CompletionStage;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.bootstrap.service.HardeningService;
import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.ProvisioningStage;
import dev.rainmaker.messaging.StageHandler;
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

    private final HardeningService hardening;
    private final HostHardenedPublisher publisher;
    private final StageHandler stage;

    public DropletActiveConsumer(HardeningService hardening, HostHardenedPublisher publisher, StageHandler stage) {
        this.hardening = hardening;
        this.publisher = publisher;
        this.stage = stage;
    }

    @Incoming(CHANNEL)
    @RunOnVirtualThread
    public CompletionStage<Void> onDropletActive(Message<String> message) {
        return stage.handle(
                message,
                ProvisioningStage.HARDENING_HOST,
                DropletActive.class,
                event -> publisher.publish(hardening.harden(event)));
    }
}
