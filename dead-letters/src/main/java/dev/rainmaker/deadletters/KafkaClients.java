package dev.rainmaker.deadletters;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka clients this library opens, from the caller's connection settings ({@code bootstrap.servers} and, where a
 * cluster needs them, security settings), which apply to every client.
 */
final class KafkaClients {

    /** How long a replay's transaction may stay open before the broker aborts it (a replayer that died). */
    static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> connection;

    KafkaClients(Map<String, ?> connection) {
        if (connection.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG) == null) {
            throw new IllegalArgumentException("the Kafka settings need bootstrap.servers");
        }
        this.connection = Map.copyOf(connection);
    }

    String bootstrapServers() {
        return String.valueOf(connection.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    /** A consumer without group: it is assigned partitions and never commits. */
    KafkaConsumer<String, String> consumer(String isolationLevel) {
        Map<String, Object> settings = new HashMap<>(connection);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(settings);
    }

    /** A transactional producer (so idempotent, acks=all) under the given transactional id. */
    KafkaProducer<String, String> transactionalProducer(String transactionalId) {
        Map<String, Object> settings = new HashMap<>(connection);
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) TRANSACTION_TIMEOUT.toMillis());
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaProducer<>(settings);
    }

    Admin admin() {
        return Admin.create(connection);
    }
}
