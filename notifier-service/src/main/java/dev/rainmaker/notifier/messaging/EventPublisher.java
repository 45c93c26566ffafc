package dev.rainmaker.notifier.messaging;

import java.net.URI;
import java.time.ZonedDateTime;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.RainmakerEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes an event keyed by customer id with CloudEvents attributes, in one Kafka transaction with the offset of the
 * record it answers: the event is readable (read_committed) exactly when that record counts as consumed.
 */
@ApplicationScoped
public class EventPublisher {

    static final String CHANNEL = "customers-ready-out";
    private static final URI SOURCE = URI.create("rainmaker/notifier-service");

    private final KafkaTransactions<String> transactions;

    EventPublisher(@Channel(CHANNEL) KafkaTransactions<String> transactions) {
        this.transactions = transactions;
    }

    /** Fails when the transaction was aborted; the consumer is then back at its last committed offset. */
    public Uni<Void> publishConsuming(Message<?> consumed, RainmakerEvent event) {
        return transactions.withTransaction(consumed, emitter -> {
            emitter.send(message(event));
            return Uni.createFrom().voidItem();
        });
    }

    /** Commits the consumed record's offset alone, in a transaction of its own. */
    public Uni<Void> skipConsumed(Message<?> consumed) {
        return transactions.withTransaction(
                consumed, emitter -> Uni.createFrom().voidItem());
    }

    private static Message<String> message(RainmakerEvent event) {
        return Message.of(EventJson.write(event))
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
    }
}
