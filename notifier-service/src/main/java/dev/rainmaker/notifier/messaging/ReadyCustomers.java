package dev.rainmaker.notifier.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which customers already have a committed {@code CustomerReady}, read from that topic itself (read_committed).
 * Stages before the notifier deliver at least once, so one customer's {@code StackInstalled} can arrive several times;
 * all of them share the customer's key, hence one partition and one consumer at a time, and that consumer's own
 * {@code CustomerReady} commits before it reads the next record. Catching up on the customer's partition of the
 * ready topic before each record therefore tells whether the customer was told already.
 */
@ApplicationScoped
public class ReadyCustomers {

    private static final Duration VISIBILITY_WAIT = Duration.ofSeconds(5);

    private final String topic;
    private final KafkaConsumer<String, String> reader;
    private final Map<Integer, Long> positions = new HashMap<>();
    private final Set<String> ready = new HashSet<>();
    private final Set<String> committedHere = new HashSet<>();

    /**
     * {@code kafka} is every {@code kafka.*} setting of the service (Quarkus' default broker configuration): the
     * reader connects as the service's channels do, with their security settings where the cluster requires them.
     */
    ReadyCustomers(
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "mp.messaging.outgoing.customers-ready-out.topic") String topic) {
        this.topic = topic;
        Map<String, Object> settings = new HashMap<>(kafka);
        // Assigned its partitions, never in a group: the service-wide default group id must not make it join one.
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "notifier-ready-customers-" + UUID.randomUUID());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        this.reader = new KafkaConsumer<>(settings);
    }

    /** Blocking: reads what was committed to the customer's partition since the last call. */
    public synchronized boolean isReady(String customerId) {
        int partitions = reader.partitionsFor(topic).size();
        if (partitions == 0) {
            return false;
        }
        // The producer's default partitioner for a keyed record.
        int partition = Utils.toPositive(Utils.murmur2(customerId.getBytes(StandardCharsets.UTF_8))) % partitions;
        TopicPartition readyPartition = new TopicPartition(topic, partition);
        catchUp(readyPartition);
        // A committed transaction's records become readable only once the coordinator wrote its markers, a moment
        // after the commit returned: for a customer this instance committed, wait for them (briefly).
        long deadline = System.nanoTime() + VISIBILITY_WAIT.toNanos();
        while (!ready.contains(customerId) && committedHere.contains(customerId) && System.nanoTime() < deadline) {
            sleep();
            catchUp(readyPartition);
        }
        return ready.contains(customerId);
    }

    /** This instance committed the customer's {@code CustomerReady}. */
    public synchronized void committed(String customerId) {
        committedHere.add(customerId);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the ready customers", e);
        }
    }

    private void catchUp(TopicPartition partition) {
        reader.assign(List.of(partition));
        reader.seek(partition, positions.getOrDefault(partition.partition(), 0L));
        long stable = reader.endOffsets(List.of(partition)).get(partition);
        while (reader.position(partition) < stable) {
            for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
                ready.add(record.key());
            }
        }
        positions.put(partition.partition(), reader.position(partition));
    }

    @PreDestroy
    synchronized void close() {
        reader.close();
    }
}
