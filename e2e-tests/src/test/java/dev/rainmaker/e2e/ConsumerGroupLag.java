package dev.rainmaker.e2e;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What each consumer group has yet to read: per group, the records between its committed offsets and the ends of the
 * partitions it committed on. A group whose lag stays above zero once the pipeline is idle is stuck.
 */
final class ConsumerGroupLag {

    private ConsumerGroupLag() {}

    /** Lag per group, for every group that has committed an offset. */
    static Map<String, Long> of(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<String, Long> lag = new TreeMap<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata()
                        .get()
                        .entrySet()
                        .stream()
                        .filter(entry -> entry.getValue() != null)
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                if (committed.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, Long> ends = admin
                        .listOffsets(committed.keySet().stream()
                                .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest())))
                        .all()
                        .get()
                        .entrySet()
                        .stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey, entry -> entry.getValue().offset()));
                lag.put(
                        group.groupId(),
                        committed.entrySet().stream()
                                .mapToLong(entry -> Math.max(
                                        0,
                                        ends.get(entry.getKey())
                                                - entry.getValue().offset()))
                                .sum());
            }
            return lag;
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the consumer groups' offsets: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the consumer groups' offsets", e);
        }
    }
}
