package dev.rainmaker.stack.messaging;

import java.net.URI;
import java.time.ZonedDateTime;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.StackInstalled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Emits StackInstalled keyed by customer id, with CloudEvents headers, and waits for the broker's acknowledgement. */
@ApplicationScoped
public class StackInstalledPublisher {

    static final String CHANNEL = "stacks-installed-out";
    static final URI SOURCE = URI.create("rainmaker/stack-service");

    private final MutinyEmitter<String> emitter;

    public StackInstalledPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public void publish(StackInstalled event) {
        var kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.customerId())
                .build();
        var cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(UUID.randomUUID().toString())
                .withType(EventType.STACK_INSTALLED.cloudEventType())
                .withSource(SOURCE)
                .withSubject(event.customerId())
                .withTimestamp(ZonedDateTime.now())
                .build();
        emitter.sendMessageAndAwait(
                Message.of(EventJson.write(event)).addMetadata(kafka).addMetadata(cloudEvent));
    }
}
