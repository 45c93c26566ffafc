package dev.rainmaker.notifier.messaging;

import java.net.URI;
import java.time.ZonedDateTime;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.RainmakerEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes an event keyed by customer id with CloudEvents attributes, and returns once the broker has it. */
@ApplicationScoped
public class EventPublisher {

    static final String CHANNEL = "customers-ready-out";
    private static final URI SOURCE = URI.create("rainmaker/notifier-service");

    private final MutinyEmitter<String> emitter;

    EventPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public void publish(RainmakerEvent event) {
        Message<String> message = Message.of(EventJson.write(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(event.customerId())
                        .build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(UUID.randomUUID().toString())
                        .withType(EventType.of(event).cloudEventType())
                        .withSource(SOURCE)
                        .withSubject(event.customerId())
                        .withTimestamp(ZonedDateTime.now())
                        .build());
        emitter.sendMessageAndAwait(message);
    }
}
