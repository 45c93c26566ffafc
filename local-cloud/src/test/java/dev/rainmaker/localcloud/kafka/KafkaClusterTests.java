package dev.rainmaker.localcloud.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClusterTests {

    private static final String TOPIC = "cluster-test";

    @Test
    void aClusterThatLosesABrokerKeepsEveryAcknowledgedRecordTakesWritesAndTakesTheBrokerBack(@TempDir Path directory)
            throws Exception {
        try (KafkaCluster cluster = KafkaCluster.startFresh(3, 0, directory);
                TopicClient kafka = new TopicClient(cluster.bootstrapServers());
                Admin admin =
                        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            kafka.createTopics(List.of(TOPIC), KafkaBroker.DEFAULT_PARTITIONS);
            TopicDescription topic =
                    admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
            assertThat(topic.partitions())
                    .hasSize(KafkaBroker.DEFAULT_PARTITIONS)
                    .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3));
            assertThat(admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, TOPIC)))
                            .all()
                            .get()
                            .values()
                            .iterator()
                            .next()
                            .get("min.insync.replicas")
                            .value())
                    .isEqualTo("2");
            int leaderOfSome = topic.partitions().stream()
                    .map(TopicPartitionInfo::leader)
                    .findFirst()
                    .orElseThrow()
                    .id();

            publish(kafka, 0, 50);
            cluster.kill(leaderOfSome);
            publish(kafka, 50, 100);
            assertThat(cluster.underReplicated()).isNotEmpty();

            cluster.restart(leaderOfSome);
            cluster.awaitFullyReplicated(Duration.ofSeconds(60));
            assertThat(kafka.readAll(TOPIC))
                    .extracting(TopicClient.TopicRecord::value)
                    .containsExactlyInAnyOrderElementsOf(
                            IntStream.range(0, 100).mapToObj(String::valueOf).toList());
        }
    }

    private static void publish(TopicClient kafka, int from, int to) {
        IntStream.range(from, to).forEach(i -> kafka.publish(TOPIC, "customer-" + i, String.valueOf(i)));
    }
}
