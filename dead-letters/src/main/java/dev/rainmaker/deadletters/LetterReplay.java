package dev.rainmaker.deadletters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;

/**
 * One dead letter sent back to its original topic, never twice, even when the CLI and several status-service
 * instances replay it at the same moment.
 *
 * <p>Every replay of a dead letter uses the same {@code transactional.id}, derived from its position. Starting a
 * producer with it ({@code initTransactions()}) fences every other producer of that id: a replay still open elsewhere
 * is aborted and can no longer commit. Only then is the replay log read ({@code read_committed}, to its end): a replay
 * committed before the fence is seen there; one not committed by then never will be. If the log has no entry, the
 * record (to its original topic, with {@value DeadLetters#REPLAYED_FROM}) and the log entry are written in one
 * transaction, so both or neither count. A replayer fenced in turn by a later one waits for the later one's entry;
 * if that one died before committing, it tries again. Consumers of the original topic must read
 * {@code read_committed} (every Rainmaker service does) so that the copy of an aborted replay is not processed.
 */
final class LetterReplay {

    private static final int ATTEMPTS = 3;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaClients kafka;
    private final ReplayLog log;

    LetterReplay(KafkaClients kafka, ReplayLog log) {
        this.kafka = kafka;
        this.log = log;
    }

    Replay.Outcome replay(DeadLetter letter) {
        Position position = letter.position();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return replayFenced(letter);
            } catch (KafkaException e) {
                if (!fenced(e)) {
                    throw new IllegalStateException("could not replay " + position + ": " + e.getMessage(), e);
                }
                // A later replayer of the same dead letter took over: its commit shows in the log, unless it died.
                if (log.awaitEntry(position, KafkaClients.TRANSACTION_TIMEOUT)) {
                    return Replay.Outcome.ALREADY_REPLAYED;
                }
            }
        }
        throw new IllegalStateException("could not replay " + position + ": other replays of it kept fencing this one"
                + " and none committed; try again");
    }

    private Replay.Outcome replayFenced(DeadLetter letter) {
        Position position = letter.position();
        KafkaProducer<String, String> producer = kafka.transactionalProducer(position.transactionalId());
        try {
            producer.initTransactions();
            if (log.contains(position)) {
                return Replay.Outcome.ALREADY_REPLAYED;
            }
            producer.beginTransaction();
            var copy = new ProducerRecord<>(letter.originalTopic(), letter.customerId(), letter.value());
            copy.headers().add(DeadLetters.REPLAYED_FROM, position.toString().getBytes(StandardCharsets.UTF_8));
            producer.send(copy);
            producer.send(new ProducerRecord<>(DeadLetters.REPLAY_LOG, position.toString(), letter.customerId()));
            producer.commitTransaction();
            return Replay.Outcome.REPLAYED;
        } finally {
            producer.close(CLOSE_TIMEOUT);
        }
    }

    /**
     * Fenced, directly or as the cause of the error state a failed send left the producer in. A transaction the
     * coordinator aborted because a later replayer started with the same id can also end in "invalid state" for the
     * earlier one (seen at its commit under load): that too is a later replayer taking over.
     */
    private static boolean fenced(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProducerFencedException
                    || cause instanceof InvalidProducerEpochException
                    || cause instanceof InvalidTxnStateException) {
                return true;
            }
        }
        return false;
    }
}
