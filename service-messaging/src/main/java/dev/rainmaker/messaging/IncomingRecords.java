package dev.rainmaker.messaging;

import java.time.Instant;

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

    /** The record's timestamp: when it was published (null when unknown). */
    static Instant publishedAt(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getTimestamp)
                .orElse(null);
    }
}
