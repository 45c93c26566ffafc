package dev.rainmaker.status.domain;

import java.time.Instant;

/** A dead letter as the API lists it: where it sits, whose it is, why it died, and whether it was replayed. */
public record DeadLetterView(
        String topic,
        int partition,
        long offset,
        String originalTopic,
        String customerId,
        Stage stage,
        String reason,
        Integer attempts,
        String failure,
        Instant deadAt,
        boolean replayed) {}
