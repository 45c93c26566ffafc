package dev.rainmaker.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.rainmaker.events.EventType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Which customers each service has in flight, as the event topics show it (read_committed, from the beginning): a
 * customer is in a service's stage once the event it consumes is on its input topic and until the event it produces is
 * on its output topic. Kept up to date by a thread of its own until closed.
 */
final class StageProgress implements AutoCloseable {

    /** A service's stage: the event it consumes and the one it produces once done with a customer. */
    record Stage(EventType input, EventType output) {}

    static final Map<String, Stage> STAGES = Map.of(
            "droplet-service", new Stage(EventType.SIGNUP_RECEIVED, EventType.DROPLET_ACTIVE),
            "bootstrap-service", new Stage(EventType.DROPLET_ACTIVE, EventType.HOST_HARDENED),
            "stack-service", new Stage(EventType.HOST_HARDENED, EventType.STACK_INSTALLED),
            "notifier-service", new Stage(EventType.STACK_INSTALLED, EventType.CUSTOMER_READY));

    private final Set<String> customers;
    private final Map<String, Set<String>> customersOnTopic = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    StageProgress(String bootstrapServers, Set<String> customers) {
        this.customers = Set.copyOf(customers);
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
        List<TopicPartition> partitions = STAGES.values().stream()
                .flatMap(stage -> java.util.stream.Stream.of(stage.input(), stage.output()))
                .map(EventType::topic)
                .distinct()
                .flatMap(topic ->
                        consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = Thread.ofPlatform().name("stage-progress").daemon().start(this::follow);
    }

    /** How many customers the service has in flight now. */
    int inFlight(String service) {
        Stage stage = STAGES.get(service);
        Set<String> in = customersOnTopic.getOrDefault(stage.input().topic(), Set.of());
        Set<String> out = customersOnTopic.getOrDefault(stage.output().topic(), Set.of());
        return (int) in.stream().filter(customer -> !out.contains(customer)).count();
    }

    private void follow() {
        while (running) {
            try {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (customers.contains(record.key())) {
                        customersOnTopic
                                .computeIfAbsent(record.topic(), topic -> ConcurrentHashMap.newKeySet())
                                .add(record.key());
                    }
                }
            } catch (org.apache.kafka.common.errors.WakeupException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
    }
}
