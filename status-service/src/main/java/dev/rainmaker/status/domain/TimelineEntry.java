package dev.rainmaker.status.domain;

import java.time.Instant;

/**
 * One thing that happened to a customer, where it was read (topic, partition, offset) and when ({@code at}: the
 * record's timestamp). {@code summary} is one line for a person; the other fields are for filters and links.
 */
public record TimelineEntry(
        String customerId,
        Instant at,
        EntryKind kind,
        String type,
        String topic,
        int partition,
        long offset,
        Stage stage,
        Integer attempts,
        String reason,
        String failure,
        String summary) {

    /** Where the entry was read: the same record read twice is the same entry. */
    public String position() {
        return topic + "/" + partition + "/" + offset;
    }
}
