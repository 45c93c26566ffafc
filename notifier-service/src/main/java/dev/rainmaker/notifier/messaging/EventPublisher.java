package dev.rainmaker.notifier.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.RainmakerEvent;
import dev.rainmaker.messaging.EventMessages;
import io.smallrye.mutiny.Uni;
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

    private final KafkaTransactions<String> transactions;
    private final EventMessages messages;

    EventPublisher(@Channel(CHANNEL) KafkaTransactions<String> transactions, EventMessages messages) {
        this.transactions = transactions;
        this.messages = messages;
    }

    /** Fails when the transaction was aborted; the consumer is then back at its last committed offset. */
    public Uni<Void> publishConsuming(Message<?> consumed, RainmakerEvent event) {
        return transactions.withTransaction(consumed, emitter -> {
            emitter.send(messages.of(event));
            return Uni.createFrom().voidItem();
        });
    }

    /** Commits the consumed record's offset alone, in a transaction of its own. */
    public Uni<Void> skipConsumed(Message<?> consumed) {
        return transactions.withTransaction(
                consumed, emitter -> Uni.createFrom().voidItem());
    }
}
