package dev.rainmaker.bootstrap.messaging;

import java.net.URI;
import java.time.ZonedDateTime;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.HostHardened;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes HostHardened keyed by customer id, with CloudEvents headers, and waits for the broker's ack. */
@ApplicationScoped
public class HostHardenedPublisher {

    public static final String CHANNEL = "hosts-hardened-out";
    static final URI SOURCE = URI.create("rainmaker/bootstrap-service");

    private final MutinyEmitter<String> emitter;

    public HostHardenedPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public void publish(HostHardened event) {
        String customerId = event.customerId();
        Message<String> message = Message.of(EventJson.write(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(customerId)
                        .build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(UUID.randomUUID().toString())
                        .withType(EventType.HOST_HARDENED.cloudEventType())
                        .withSource(SOURCE)
                        .withSubject(customerId)
                        .withTimestamp(ZonedDateTime.now())
                        .build());
        emitter.sendMessageAndAwait(message);
    }
}
