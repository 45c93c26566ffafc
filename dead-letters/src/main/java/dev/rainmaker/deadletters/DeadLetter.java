package dev.rainmaker.deadletters;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A record that a stage could not process, as it sits in a dead-letter topic, with why. */
public record DeadLetter(
        Position position, String customerId, String value, Map<String, String> headers, Instant deadAt) {

    static final String SUFFIX = ".dlq";

    /** SmallRye's header: the exception message of the failure. */
    public static final String REASON = "dead-letter-reason";
    /** Rainmaker's headers (service-messaging's {@code FailureReports}). */
    public static final String STAGE = "rainmaker-stage";

    public static final String RAINMAKER_REASON = "rainmaker-reason";
    public static final String ATTEMPTS = "rainmaker-attempts";
    public static final String FAILURE = "rainmaker-failure";

    static DeadLetter of(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(
                    header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return new DeadLetter(
                new Position(record.topic(), record.partition(), record.offset()),
                record.key(),
                record.value(),
                Collections.unmodifiableMap(headers),
                Instant.ofEpochMilli(record.timestamp()));
    }

    public String deadLetterTopic() {
        return position.topic();
    }

    /** The topic the record was read from before it failed, where a replay sends it again. */
    public String originalTopic() {
        String topic = position.topic();
        return topic.endsWith(SUFFIX) ? topic.substring(0, topic.length() - SUFFIX.length()) : topic;
    }

    public String reason() {
        String reason = headers.get(REASON);
        if (reason == null) {
            reason = headers.get(RAINMAKER_REASON);
        }
        return reason == null ? "(no reason recorded)" : reason;
    }

    /** The stage that gave up, in words (e.g. "hardening the host"); null on a record older than that header. */
    public String stage() {
        return headers.get(STAGE);
    }

    /** Tries made in place before giving up; null when not recorded. */
    public Integer attempts() {
        String attempts = headers.get(ATTEMPTS);
        try {
            return attempts == null ? null : Integer.valueOf(attempts.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code permanent} or {@code budget-spent}; a dead letter older than that header counts as permanent. */
    public String failure() {
        return headers.getOrDefault(FAILURE, "permanent");
    }
}
