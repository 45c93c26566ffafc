package dev.rainmaker.status.service;

import java.util.Optional;

import dev.rainmaker.deadletters.DeadLetters;
import dev.rainmaker.events.DropletTornDown;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.InvalidEventException;
import dev.rainmaker.events.ProvisioningFailed;
import dev.rainmaker.events.RainmakerEvent;
import dev.rainmaker.messaging.DeadLetterHeaders;
import dev.rainmaker.status.domain.EntryKind;
import dev.rainmaker.status.domain.ObservedRecord;
import dev.rainmaker.status.domain.Stage;
import dev.rainmaker.status.domain.TimelineEntry;

/**
 * Reads a record of an event topic, a dead-letter topic or the replay log as a timeline entry of its customer. Records
 * without a customer (no key) are of no customer's timeline and are left out.
 */
public final class Observations {

    /** The log of replayed dead letters: key = the dead letter's position, value = its customer id. */
    public static final String REPLAY_LOG = DeadLetters.REPLAY_LOG;

    static final String DEAD_LETTER_REASON = "dead-letter-reason";
    private static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Observations() {}

    public static Optional<Observation> read(ObservedRecord record) {
        String customer = customerOf(record);
        if (customer == null || customer.isBlank()) {
            return Optional.empty();
        }
        if (REPLAY_LOG.equals(record.topic())) {
            return Optional.of(replay(customer, record));
        }
        EventType type = PipelineStages.typeOfTopic(record.topic());
        if (type == null) {
            return Optional.empty();
        }
        if (record.topic().equals(type.deadLetterTopic())) {
            return Optional.of(deadLetter(customer, type, record));
        }
        return Optional.of(event(customer, type, record));
    }

    /** The customer a record is about: the key, except on the replay log, whose value it is. */
    public static String customerOf(ObservedRecord record) {
        return REPLAY_LOG.equals(record.topic()) ? record.value() : record.key();
    }

    private static Observation event(String customer, EventType type, ObservedRecord record) {
        RainmakerEvent event;
        try {
            event = EventJson.read(record.value(), type.recordType());
        } catch (InvalidEventException e) {
            return new Observation(
                    entry(
                            customer,
                            record,
                            EntryKind.EVENT,
                            type,
                            PipelineStages.readerOf(type),
                            null,
                            e.getMessage(),
                            null,
                            "unreadable " + type.recordType().getSimpleName() + ": " + e.getMessage()),
                    null);
        }
        TimelineEntry entry = switch (event) {
            case ProvisioningFailed failed ->
                entry(
                        customer,
                        record,
                        EntryKind.FAILED,
                        type,
                        PipelineStages.of(failed.stage()),
                        failed.attempts(),
                        failed.reason(),
                        failed.failure().words(),
                        Summaries.of(event));
            case DropletTornDown tornDown ->
                entry(
                        customer,
                        record,
                        EntryKind.COMPENSATION,
                        type,
                        null,
                        null,
                        tornDown.reason(),
                        null,
                        Summaries.of(event));
            default ->
                entry(
                        customer,
                        record,
                        EntryKind.EVENT,
                        type,
                        PipelineStages.readerOf(type),
                        null,
                        null,
                        null,
                        Summaries.of(event) + replayedFrom(record));
        };
        return new Observation(entry, event);
    }

    private static Observation deadLetter(String customer, EventType type, ObservedRecord record) {
        String reason = record.header(DeadLetterHeaders.REASON);
        if (reason == null) {
            reason = record.header(DEAD_LETTER_REASON);
        }
        Integer attempts = attempts(record.header(DeadLetterHeaders.ATTEMPTS));
        Stage stage = PipelineStages.ofWords(record.header(DeadLetterHeaders.STAGE));
        if (stage == null) {
            stage = PipelineStages.readerOf(type);
        }
        String failure = record.header(DeadLetterHeaders.FAILURE);
        return new Observation(
                entry(
                        customer,
                        record,
                        EntryKind.DEAD_LETTER,
                        type,
                        stage,
                        attempts,
                        reason,
                        failure,
                        Summaries.deadLetter(attempts, reason)),
                null);
    }

    private static Observation replay(String customer, ObservedRecord record) {
        String position = record.key();
        String deadLetterTopic = position == null ? "" : position.replaceFirst("/\\d+/\\d+$", "");
        String original = deadLetterTopic.endsWith(DEAD_LETTER_SUFFIX)
                ? deadLetterTopic.substring(0, deadLetterTopic.length() - DEAD_LETTER_SUFFIX.length())
                : deadLetterTopic;
        EventType type = PipelineStages.typeOfTopic(original);
        Stage stage = type == null ? null : PipelineStages.readerOf(type);
        return new Observation(
                new TimelineEntry(
                        customer,
                        record.at(),
                        EntryKind.REPLAY,
                        "Replay",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        stage,
                        null,
                        null,
                        null,
                        "dead letter " + position + " replayed to " + original),
                null);
    }

    private static TimelineEntry entry(
            String customer,
            ObservedRecord record,
            EntryKind kind,
            EventType type,
            Stage stage,
            Integer attempts,
            String reason,
            String failure,
            String summary) {
        return new TimelineEntry(
                customer,
                record.at(),
                kind,
                type.recordType().getSimpleName(),
                record.topic(),
                record.partition(),
                record.offset(),
                stage,
                attempts,
                reason,
                failure,
                summary);
    }

    /** A replayed record says where it was dead-lettered (header {@code rainmaker-replayed-from}). */
    private static String replayedFrom(ObservedRecord record) {
        String position = record.header(DeadLetters.REPLAYED_FROM);
        return position == null ? "" : " (replayed from " + position + ")";
    }

    private static Integer attempts(String header) {
        try {
            return header == null ? null : Integer.valueOf(header.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
