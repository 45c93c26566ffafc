package dev.rainmaker.bootstrap.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.HostHardened;
import dev.rainmaker.messaging.EventMessages;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes HostHardened keyed by customer id, with CloudEvents headers, and waits for the broker's ack. */
@ApplicationScoped
public class HostHardenedPublisher {

    public static final String CHANNEL = "hosts-hardened-out";

    private final MutinyEmitter<String> emitter;
    private final EventMessages messages;

    public HostHardenedPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter, EventMessages messages) {
        this.emitter = emitter;
        this.messages = messages;
    }

    public void publish(HostHardened event) {
        emitter.sendMessageAndAwait(messages.of(event));
    }
}
