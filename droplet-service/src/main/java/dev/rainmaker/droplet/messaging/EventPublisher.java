package dev.rainmaker.droplet.messaging;

import java.net.URI;
import java.time.ZonedDateTime;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.DropletRequested;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.RainmakerEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Publishes the service's events keyed by customer id, with CloudEvents headers, and returns only once the broker has
 * acknowledged them (so the incoming record is acknowledged after its successor exists).
 */
@ApplicationScoped
public class EventPublisher {

    static final URI SOURCE = URI.create("rainmaker/droplet-service");

    private final MutinyEmitter<String> dropletRequests;
    private final MutinyEmitter<String> dropletsActive;

    EventPublisher(
            @Channel(Channels.DROPLET_REQUESTS_OUT) MutinyEmitter<String> dropletRequests,
            @Channel(Channels.DROPLETS_ACTIVE_OUT) MutinyEmitter<String> dropletsActive) {
        this.dropletRequests = dropletRequests;
        this.dropletsActive = dropletsActive;
    }

    public void publish(DropletRequested event) {
        dropletRequests.sendMessageAndAwait(message(event));
    }

    public void publish(DropletActive event) {
        dropletsActive.sendMessageAndAwait(message(event));
    }

    private static Message<String> message(RainmakerEvent event) {
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.customerId())
                .build();
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(UUID.randomUUID().toString())
                .withType(EventType.of(event).cloudEventType())
                .withSource(SOURCE)
                .withSubject(event.customerId())
                .withTimestamp(ZonedDateTime.now())
                .build();
        return Message.of(EventJson.write(event), Metadata.of(kafka, cloudEvent));
    }
}
