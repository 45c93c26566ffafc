package dev.rainmaker.localcloud.kafka;

/** The Kafka a local cloud runs: one broker inside this JVM, or a cluster of brokers in processes of their own. */
public sealed interface LocalKafka extends AutoCloseable permits KafkaBroker, KafkaCluster {

    /** Where clients connect: every broker's address, comma-separated. */
    String bootstrapServers();

    @Override
    void close();
}
