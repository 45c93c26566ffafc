package dev.rainmaker.stack.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import dev.rainmaker.localcloud.kafka.TopicClient;
import dev.rainmaker.localcloud.kafka.TopicClient.TopicRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients for tests: publish one record, read back the records that match. */
final class KafkaTopics {

    private final String bootstrapServers;

    KafkaTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    void publish(String topic, String key, String value) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** Reads the topic from the start until {@code count} records match, or fails after {@code timeout}. */
    List<ConsumerRecord<String, String>> await(
            String topic, Predicate<ConsumerRecord<String, String>> match, int count, Duration timeout) {
        List<ConsumerRecord<String, String>> matched = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (matched.size() < count && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (match.test(r)) {
                        matched.add(r);
                    }
                });
            }
        }
        if (matched.size() < count) {
            throw new AssertionError("expected " + count + " matching records on " + topic + " within " + timeout
                    + ", got " + matched.size());
        }
        return matched;
    }

    /** The records with {@code key} on the topic now: each partition read to its end, without waiting for more. */
    List<TopicRecord> onTopicNow(String topic, String key) {
        try (TopicClient topics = new TopicClient(bootstrapServers)) {
            return topics.readAll(topic).stream()
                    .filter(record -> key.equals(record.key()))
                    .toList();
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
