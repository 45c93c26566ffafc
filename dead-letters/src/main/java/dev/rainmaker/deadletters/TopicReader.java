package dev.rainmaker.deadletters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads topics whole, or one record by its position, as a {@code read_committed} consumer sees them (a record of an
 * aborted transaction is not there).
 */
final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaClients kafka;

    TopicReader(KafkaClients kafka) {
        this.kafka = kafka;
    }

    /** Every record the topics hold now, up to their end offsets when asked; topics that do not exist are empty. */
    List<ConsumerRecord<String, String>> readAll(Collection<String> topics) {
        try (KafkaConsumer<String, String> consumer = kafka.consumer("read_committed")) {
            List<TopicPartition> partitions = partitionsOf(consumer, topics);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            if (partitions.isEmpty()) {
                return records;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                consumer.poll(POLL).forEach(records::add);
            }
            return records;
        }
    }

    /** The record at the position, if the topic holds one there (not deleted, not aborted, not a marker). */
    Optional<ConsumerRecord<String, String>> readAt(Position position) {
        try (KafkaConsumer<String, String> consumer = kafka.consumer("read_committed")) {
            TopicPartition partition = new TopicPartition(position.topic(), position.partition());
            if (!partitionsOf(consumer, List.of(position.topic())).contains(partition)) {
                return Optional.empty();
            }
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long beginning = consumer.beginningOffsets(List.of(partition)).get(partition);
            if (position.offset() < beginning || position.offset() >= end) {
                return Optional.empty();
            }
            consumer.seek(partition, position.offset());
            while (consumer.position(partition) <= position.offset()) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (record.offset() == position.offset()) {
                        return Optional.of(record);
                    }
                    if (record.offset() > position.offset()) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }
    }

    static List<TopicPartition> partitionsOf(KafkaConsumer<String, String> consumer, Collection<String> topics) {
        Map<String, List<org.apache.kafka.common.PartitionInfo>> existing = consumer.listTopics();
        return topics.stream()
                .flatMap(topic -> existing.getOrDefault(topic, List.of()).stream())
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
    }
}
