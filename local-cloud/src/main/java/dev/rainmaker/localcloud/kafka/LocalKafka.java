package dev.rainmaker.localcloud.kafka;

/** The Kafka a local cloud runs: one broker inside this JVM, or a cluster of brokers in processes of their own. */
public sealed interface LocalKafka extends AutoCloseable permits KafkaBroker, KafkaCluster {

    /** The sizes a local Kafka can have, in words. */
    String POSSIBLE_SIZES = "1 or " + KafkaCluster.REPLICAS + " or more";

    /** One broker inside this JVM, or a cluster with a broker for each of a partition's replicas, or more. */
    static boolean isPossibleSize(int brokers) {
        return brokers == 1 || brokers >= KafkaCluster.REPLICAS;
    }

    /** Where clients connect: every broker's address, comma-separated. */
    String bootstrapServers();

    @Override
    void close();
}
