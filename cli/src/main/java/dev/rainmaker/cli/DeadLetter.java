package dev.rainmaker.cli;

import java.time.Instant;
import java.util.Map;

import dev.rainmaker.localcloud.kafka.TopicClient.TopicRecord;

/** A record that a stage could not process, as it sits in a dead-letter topic, with why. */
public record DeadLetter(
        String deadLetterTopic,
        int partition,
        long offset,
        String customerId,
        String value,
        Map<String, String> headers,
        Instant deadAt) {

    static final String SUFFIX = ".dlq";

    static DeadLetter of(TopicRecord record) {
        return new DeadLetter(
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                record.value(),
                record.headers(),
                Instant.ofEpochMilli(record.timestamp()));
    }

    /** The topic the record was read from before it failed, where a replay sends it again. */
    public String originalTopic() {
        return deadLetterTopic.substring(0, deadLetterTopic.length() - SUFFIX.length());
    }

    public String reason() {
        return headers.getOrDefault("dead-letter-reason", "(no reason recorded)");
    }

    /** Names this dead letter uniquely: where it sits in its topic. */
    public String position() {
        return deadLetterTopic + "/" + partition + "/" + offset;
    }
}
