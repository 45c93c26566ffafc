package dev.rainmaker.localcloud.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka producer and reader for tests, the demo and ops tools: publishes string records and reads a whole topic
 * from the beginning, as any client in any language would.
 */
public final class TopicClient implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, String> producer;

    public TopicClient(String bootstrapServers) {
        this(bootstrapServers, Map.of());
    }

    /** With producer settings of its own, e.g. compression and a larger {@code max.request.size}. */
    public TopicClient(String bootstrapServers, Map<String, Object> producerSettings) {
        this.bootstrapServers = bootstrapServers;
        Map<String, Object> settings = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
        settings.putAll(producerSettings);
        this.producer = new KafkaProducer<>(settings);
    }

    /** Creates the topics that do not exist yet, each with {@code partitions} partitions and the broker's replicas. */
    public void createTopics(List<String> topics, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var existing = admin.listTopics().names().get();
            var missing = topics.stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, Optional.of(partitions), Optional.empty()))
                    .toList();
            admin.createTopics(missing).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "could not create topics: " + e.getCause().getMessage(), e);
        }
    }

    /** Publishes and waits until the broker has the record. */
    public void publish(String topic, String key, String value) {
        publish(topic, key, value, Map.of());
    }

    /** Publishes with headers and waits until the broker has the record. */
    public void publish(String topic, String key, String value, Map<String, String> headers) {
        var record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "could not publish to " + topic + ": " + e.getCause().getMessage(), e);
        }
    }

    /** Every record the topic holds now, in partition then offset order; empty when the topic does not exist. */
    public List<TopicRecord> readAll(String topic) {
        return read(topic, "read_uncommitted");
    }

    /**
     * Every record of committed transactions (and every non-transactional one) up to the last stable offset, as a
     * {@code read_committed} consumer sees them: records of aborted transactions are left out.
     */
    public List<TopicRecord> readCommitted(String topic) {
        return read(topic, "read_committed");
    }

    private List<TopicRecord> read(String topic, String isolationLevel) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                isolationLevel,
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            List<TopicPartition> partitions = consumer.listTopics().getOrDefault(topic, List.of()).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<TopicRecord> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(TopicRecord.of(record));
                }
            }
            return records;
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    /** A record as read back: key, value, headers as strings, and when the broker took it. */
    public record TopicRecord(
            String topic,
            int partition,
            long offset,
            String key,
            String value,
            Map<String, String> headers,
            long timestamp) {

        static TopicRecord of(ConsumerRecord<String, String> record) {
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            for (Header header : record.headers()) {
                headers.put(
                        header.key(),
                        header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            return new TopicRecord(
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.key(),
                    record.value(),
                    Map.copyOf(headers),
                    record.timestamp());
        }

        public String header(String name) {
            return headers.get(name);
        }
    }
}
