package dev.rainmaker.messaging;

import java.net.URI;
import java.time.ZonedDateTime;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.RainmakerEvent;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * The outgoing record of an event: its JSON as the value, the customer id as the Kafka key, and CloudEvents attributes
 * (binary mode: {@code ce_id} a random UUID, {@code ce_type} the event's, {@code ce_source} {@code rainmaker/<the
 * application's name>}, {@code ce_subject} the customer id, {@code ce_time} now).
 */
@ApplicationScoped
public class EventMessages {

    private final URI source;

    public EventMessages(@ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.source = URI.create("rainmaker/" + applicationName);
    }

    public Message<String> of(RainmakerEvent event) {
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.customerId())
                .build();
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(UUID.randomUUID().toString())
                .withType(EventType.of(event).cloudEventType())
                .withSource(source)
                .withSubject(event.customerId())
                .withTimestamp(ZonedDateTime.now())
                .build();
        return Message.of(EventJson.write(event), Metadata.of(kafka, cloudEvent));
    }
}
