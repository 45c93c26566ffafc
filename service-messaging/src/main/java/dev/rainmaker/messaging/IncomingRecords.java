package dev.rainmaker.messaging;

import java.time.Instant;
import java.util.Optional;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Where an incoming message came from, as its Kafka metadata says (absent for a message not read from Kafka). */
final class IncomingRecords {

    static final String UNKNOWN_TOPIC = "unknown";

    private IncomingRecords() {}

    static String topicOf(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getTopic)
                .orElse(UNKNOWN_TOPIC);
    }

    /** Where the record was read: by which channel, from which topic, partition and offset (empty: not from Kafka). */
    static Optional<RecordsInHand.Position> positionOf(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(record -> new RecordsInHand.Position(
                        record.getChannel(), record.getTopic(), record.getPartition(), record.getOffset()));
    }

    /** The record's timestamp: when it was published (null when unknown). */
    static Instant publishedAt(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getTimestamp)
                .orElse(null);
    }
}
