package dev.rainmaker.deadletters;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * {@value DeadLetters#REPLAY_LOG}: one record per replayed dead letter, key = its position, value = the customer id.
 * Read with {@code read_committed}, so a replay whose transaction was aborted does not count, and always up to the
 * log's high watermark as it was when asked: a replay of another dead letter still open in front of an entry delays
 * the answer (at most the transaction timeout) instead of hiding the entry.
 */
final class ReplayLog implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration PATIENCE = KafkaClients.TRANSACTION_TIMEOUT.multipliedBy(3);

    private final Admin admin;
    private final KafkaConsumer<String, String> consumer;
    private final Set<String> replayed = new HashSet<>();
    private List<TopicPartition> partitions = List.of();

    ReplayLog(KafkaClients kafka) {
        this.admin = kafka.admin();
        this.consumer = kafka.consumer("read_committed");
    }

    /** Positions replayed as of now (every entry committed before this call). */
    Set<String> replayed() {
        catchUp();
        return Set.copyOf(replayed);
    }

    boolean contains(Position position) {
        catchUp();
        return replayed.contains(position.toString());
    }

    /** Waits up to {@code patience} for the position to appear in the log. */
    boolean awaitEntry(Position position, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (!contains(position)) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            sleep(POLL);
        }
        return true;
    }

    /**
     * Creates the log when it is missing, before a first replay: the broker's default partitions and replicas,
     * compacted, since an entry must outlive the dead letter it stands for (a deleted entry would allow a second
     * replay).
     */
    void createIfMissing() {
        try {
            if (!admin.listTopics().names().get().contains(DeadLetters.REPLAY_LOG)) {
                NewTopic log = new NewTopic(DeadLetters.REPLAY_LOG, Optional.empty(), Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                admin.createTopics(List.of(log)).all().get();
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create " + DeadLetters.REPLAY_LOG + ": " + e.getCause(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + DeadLetters.REPLAY_LOG, e);
        }
    }

    private void catchUp() {
        assignNewPartitions();
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> highWatermarks = highWatermarks();
        Instant deadline = Instant.now().plus(PATIENCE);
        while (partitions.stream()
                .anyMatch(partition -> consumer.position(partition) < highWatermarks.get(partition))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(DeadLetters.REPLAY_LOG + " stays behind an open transaction for over "
                        + PATIENCE.toSeconds() + " s; try again");
            }
            consumer.poll(POLL).forEach(entry -> replayed.add(entry.key()));
        }
    }

    private void assignNewPartitions() {
        List<TopicPartition> now = TopicReader.partitionsOf(consumer, List.of(DeadLetters.REPLAY_LOG));
        if (now.size() != partitions.size()) {
            Set<TopicPartition> added = now.stream()
                    .filter(partition -> !partitions.contains(partition))
                    .collect(Collectors.toSet());
            consumer.assign(now);
            consumer.seekToBeginning(added);
            partitions = now;
        }
    }

    /** The read_uncommitted end offsets: a read_committed consumer's own end offsets stop at an open transaction. */
    private Map<TopicPartition, Long> highWatermarks() {
        try {
            var latest = partitions.stream()
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            return admin
                    .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                    .all()
                    .get()
                    .entrySet()
                    .stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, entry -> entry.getValue().offset()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read " + DeadLetters.REPLAY_LOG + "'s end: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + DeadLetters.REPLAY_LOG, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + DeadLetters.REPLAY_LOG, e);
        }
    }

    @Override
    public void close() {
        consumer.close();
        admin.close();
    }
}
