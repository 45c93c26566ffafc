package dev.rainmaker.droplet.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.DropletRequested;
import dev.rainmaker.events.DropletTornDown;
import dev.rainmaker.messaging.EventMessages;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes the service's events keyed by customer id, with CloudEvents headers, and returns only once the broker has
 * acknowledged them (so the incoming record is acknowledged after its successor exists).
 */
@ApplicationScoped
public class EventPublisher {

    private final MutinyEmitter<String> dropletRequests;
    private final MutinyEmitter<String> dropletsActive;
    private final MutinyEmitter<String> dropletsTornDown;
    private final EventMessages messages;

    EventPublisher(
            @Channel(Channels.DROPLET_REQUESTS_OUT) MutinyEmitter<String> dropletRequests,
            @Channel(Channels.DROPLETS_ACTIVE_OUT) MutinyEmitter<String> dropletsActive,
            @Channel(Channels.DROPLETS_TORN_DOWN_OUT) MutinyEmitter<String> dropletsTornDown,
            EventMessages messages) {
        this.dropletRequests = dropletRequests;
        this.dropletsActive = dropletsActive;
        this.dropletsTornDown = dropletsTornDown;
        this.messages = messages;
    }

    public void publish(DropletRequested event) {
        dropletRequests.sendMessageAndAwait(messages.of(event));
    }

    public void publish(DropletActive event) {
        dropletsActive.sendMessageAndAwait(messages.of(event));
    }

    public void publish(DropletTornDown event) {
        dropletsTornDown.sendMessageAndAwait(messages.of(event));
    }
}
