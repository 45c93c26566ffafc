package dev.rainmaker.status.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A record as read from a topic, free of Kafka's types: where it was (topic, partition, offset), when it was written,
 * its key and value, and its headers as text.
 */
public record ObservedRecord(
        String topic, int partition, long offset, Instant at, String key, String value, Map<String, String> headers) {

    public ObservedRecord {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public String header(String name) {
        return headers.get(name);
    }
}
