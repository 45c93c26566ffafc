package dev.rainmaker.bootstrap.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.bootstrap.service.HardeningService;
import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.EventJson;
import io.smallrye.common.annotation.RunOnVirtualThread;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Each active droplet is hardened, then announced with its final host key; a failure nacks the record into the
 * dead-letter topic.
 */
@ApplicationScoped
public class DropletActiveConsumer {

    public static final String CHANNEL = "droplets-active-in";

    private final HardeningService hardening;
    private final HostHardenedPublisher publisher;

    public DropletActiveConsumer(HardeningService hardening, HostHardenedPublisher publisher) {
        this.hardening = hardening;
        this.publisher = publisher;
    }

    @Incoming(CHANNEL)
    @RunOnVirtualThread
    public void onDropletActive(String value) {
        DropletActive event = EventJson.read(value, DropletActive.class);
        publisher.publish(hardening.harden(event));
    }
}
