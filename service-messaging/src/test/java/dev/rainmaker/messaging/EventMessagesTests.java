package dev.rainmaker.messaging;

import java.net.URI;
import java.time.ZonedDateTime;
import java.util.UUID;

import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.testing.TestEvents;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EventMessagesTests {

    private final EventMessages messages = new EventMessages("droplet-service");

    @Test
    void anEventIsItsJsonKeyedByTheCustomerId() {
        DropletActive event = TestEvents.active("acme-42", 42L);

        Message<String> message = messages.of(event);

        assertThat(message.getPayload()).isEqualTo(EventJson.write(event));
        assertThat(message.getMetadata(OutgoingKafkaRecordMetadata.class))
                .hasValueSatisfying(kafka -> assertThat(kafka.getKey()).isEqualTo("acme-42"));
    }

    @Test
    void itsCloudEventsAttributesNameTheTypeTheApplicationTheCustomerAndNow() {
        Message<String> message = messages.of(TestEvents.active("acme-42", 42L));

        @SuppressWarnings("unchecked")
        OutgoingCloudEventMetadata<String> cloudEvent =
                message.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow();
        assertThat(cloudEvent.getType()).isEqualTo(EventType.DROPLET_ACTIVE.cloudEventType());
        assertThat(cloudEvent.getSource()).isEqualTo(URI.create("rainmaker/droplet-service"));
        assertThat(cloudEvent.getSubject()).contains("acme-42");
        assertThat(UUID.fromString(cloudEvent.getId())).isNotNull();
        assertThat(cloudEvent.getTimeStamp())
                .hasValueSatisfying(time ->
                        assertThat(time).isCloseTo(ZonedDateTime.now(), within(java.time.Duration.ofSeconds(5))));
    }

    @Test
    void everyMessageHasAnIdOfItsOwn() {
        var event = TestEvents.active("acme-42", 42L);

        assertThat(id(messages.of(event))).isNotEqualTo(id(messages.of(event)));
    }

    private static String id(Message<String> message) {
        return message.getMetadata(OutgoingCloudEventMetadata.class)
                .orElseThrow()
                .getId();
    }
}
