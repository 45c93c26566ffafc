package dev.rainmaker.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * What a service does on Kafka, done as its Kafka user: everything is taken from its application.properties and
 * {@link CodeKafkaClients}, never from its ACLs, so a missing ACL makes a step fail with the broker's refusal. Each
 * step writes or reads one record per topic, which is all an authorization check needs.
 */
final class ServiceOnKafka {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Map<String, Object> settings;
    private final ServiceConfig config;
    private final CodeKafkaClients code;

    ServiceOnKafka(Map<String, Object> settings, String service) {
        this.settings = settings;
        this.config = ServiceConfig.of(service);
        this.code = CodeKafkaClients.of(service);
    }

    /** Idempotent producers (the clients' default, acks=all) write one record to each topic the service writes. */
    void writesEveryTopicItWrites() throws Exception {
        Set<String> topics = new TreeSet<>(config.writtenTopics());
        topics.addAll(code.writes());
        try (KafkaProducer<String, String> producer = producer(Map.of())) {
            for (String topic : topics) {
                producer.send(new ProducerRecord<>(topic, "acme-42", "{}")).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    /** Each channel's consumer joins its group, reads its topic and commits; each group prefix is used alike. */
    void readsEveryTopicInItsConsumerGroups() {
        Map<String, String> topicsByGroup = new HashMap<>(config.topicsByGroup());
        code.groupPrefixes()
                .forEach(prefix -> code.reads().forEach(topic -> topicsByGroup.put(prefix + "acme", topic)));
        topicsByGroup.forEach((group, topic) -> {
            try (KafkaConsumer<String, String> consumer = consumer(Map.of(ConsumerConfig.GROUP_ID_CONFIG, group))) {
                consumer.subscribe(List.of(topic));
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(100));
                }
                if (consumer.assignment().isEmpty()) {
                    throw new IllegalStateException(group + " was given no partition of " + topic);
                }
                consumer.commitSync();
            }
        });
    }

    /** The clients the code opens without a group read their topics from the start (assigned, never committing). */
    void readsEveryTopicItReadsWithoutAGroup() {
        try (KafkaConsumer<String, String> consumer = consumer(Map.of())) {
            for (String topic : code.reads()) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(info -> new TopicPartition(topic, info.partition()))
                        .toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                partitions.forEach(consumer::position);
                consumer.poll(Duration.ofMillis(100));
            }
        }
    }

    /**
     * Each transactional id the service uses writes to a topic it writes in a transaction, committing a consumer
     * group's offset in it where the service has one (notifier-service commits its input that way).
     */
    void writesInTransactions() {
        Set<String> prefixes = new TreeSet<>(config.transactionalIdPrefixes());
        prefixes.addAll(code.transactionalIdPrefixes());
        Set<String> topics = new TreeSet<>(config.writtenTopics());
        topics.addAll(code.writes());
        for (String prefix : prefixes) {
            try (KafkaProducer<String, String> producer =
                    producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, prefix + "1"))) {
                producer.initTransactions();
                producer.beginTransaction();
                topics.forEach(topic -> producer.send(new ProducerRecord<>(topic, "acme-42", "{}")));
                for (Map.Entry<String, String> group : config.topicsByGroup().entrySet()) {
                    producer.sendOffsetsToTransaction(
                            Map.of(new TopicPartition(group.getValue(), 0), new OffsetAndMetadata(0)),
                            new ConsumerGroupMetadata(group.getKey()));
                }
                producer.commitTransaction();
            }
        }
    }

    /**
     * Kafka Streams under the service's application id, shaped as status-service's topology: every topic it reads,
     * re-keyed through a repartition topic into a persistent store (its changelog), out to a topic it writes. It must
     * create both internal topics and reach RUNNING, then carry one record through.
     */
    void runsKafkaStreams(Map<String, Object> adminSettings, Path stateDir) throws Exception {
        String applicationId = config.kafkaStreamsApplicationId().orElseThrow();
        String output = CodeKafkaClients.STATUS_TIMELINE;
        StreamsBuilder builder = new StreamsBuilder();
        List<String> sources = new ArrayList<>(code.reads());
        sources.remove(output);
        builder.stream(sources, Consumed.with(Serdes.String(), Serdes.String()))
                .selectKey((key, value) -> value)
                .repartition(Repartitioned.<String, String>with(Serdes.String(), Serdes.String())
                        .withName("by-customer"))
                .groupByKey()
                .count(Materialized.as("customers"))
                .toStream()
                .mapValues(String::valueOf)
                .to(output, Produced.with(Serdes.String(), Serdes.String()));
        Map<String, Object> streams = new HashMap<>(settings);
        streams.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        streams.put(
                StreamsConfig.STATE_DIR_CONFIG,
                Files.createDirectories(stateDir).toString());
        streams.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        streams.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        streams.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // The second start must not wait out the first one's session (45 s by default) before it gets the partitions.
        streams.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
        // The second start finds the internal topics there and validates them, as a restarted pod does.
        for (int start = 1; start <= 2; start++) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            String customer = "streams-check-" + UUID.randomUUID();
            try (KafkaStreams app = new KafkaStreams(builder.build(), new StreamsConfig(streams))) {
                app.setUncaughtExceptionHandler(exception -> {
                    failure.set(exception);
                    return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
                });
                app.start();
                try (KafkaProducer<String, String> admin =
                        new KafkaProducer<>(adminSettings, new StringSerializer(), new StringSerializer())) {
                    admin.send(new ProducerRecord<>(sources.getFirst(), customer, customer))
                            .get();
                }
                awaitRecordOf(customer, adminSettings, output, failure);
            }
        }
    }

    /** Waits for the record the topology makes of {@code customer}'s: the service wrote others to the topic before. */
    private static void awaitRecordOf(
            String customer, Map<String, Object> adminSettings, String topic, AtomicReference<Throwable> failure)
            throws TimeoutException {
        Map<String, Object> reader = new HashMap<>(adminSettings);
        reader.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        reader.put(ConsumerConfig.GROUP_ID_CONFIG, "deploy-checks-" + topic);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(reader, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + PATIENCE.multipliedBy(2).toNanos();
            while (System.nanoTime() < deadline) {
                if (failure.get() != null) {
                    throw new KafkaException(
                            "Kafka Streams stopped: " + failure.get().getMessage(), failure.get());
                }
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (customer.equals(record.key())) {
                        return;
                    }
                }
            }
        }
        throw new TimeoutException(
                "nothing reached " + topic + " through Kafka Streams within " + PATIENCE.multipliedBy(2));
    }

    private KafkaProducer<String, String> producer(Map<String, Object> extra) {
        Map<String, Object> producer = new HashMap<>(settings);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) PATIENCE.toMillis());
        producer.putAll(extra);
        return new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer());
    }

    private KafkaConsumer<String, String> consumer(Map<String, Object> extra) {
        Map<String, Object> consumer = new HashMap<>(settings);
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis());
        consumer.putAll(extra);
        return new KafkaConsumer<>(consumer, new StringDeserializer(), new StringDeserializer());
    }
}
