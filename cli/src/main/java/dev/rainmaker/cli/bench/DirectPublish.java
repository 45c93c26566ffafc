package dev.rainmaker.cli.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.localcloud.kafka.TopicClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What api-service's figures compare with: the same sign-ups published straight to Kafka as a SaaS app's producer
 * would (acks=all, each record timed from send to acknowledgement), to a topic of their own that nothing reads, so
 * that no customer is provisioned twice.
 */
final class DirectPublish {

    static final String TOPIC = "rainmaker.bench-direct";

    /** How many, how long until the last was acknowledged, each acknowledgement's latency in ms. */
    record Figures(int published, Duration took, Percentiles latencyMillis) {

        String describe() {
            return String.format(
                    "%d acknowledged in %.2f s: %.0f records/s; ack latency p50/p95/p99 %.1f / %.1f / %.1f ms",
                    published,
                    took.toMillis() / 1000.0,
                    published / (took.toNanos() / 1e9),
                    latencyMillis.p50(),
                    latencyMillis.p95(),
                    latencyMillis.p99());
        }
    }

    private DirectPublish() {}

    /**
     * Until every partition of the new topic has a leader and took one record: a burst sent to partitions still being
     * elected comes back NOT_LEADER, and the idempotent producer's retries of it can loop on OUT_OF_ORDER_SEQUENCE.
     */
    private static void awaitLeaders(KafkaProducer<String, String> producer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (producer.partitionsFor(TOPIC).stream().anyMatch(partition -> partition.leader() == null)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(TOPIC + " has partitions without a leader after 60 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        for (PartitionInfo partition : producer.partitionsFor(TOPIC)) {
            try {
                producer.send(new ProducerRecord<>(TOPIC, partition.partition(), "warm-up", "{}"))
                        .get(60, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("could not publish to " + TOPIC + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while warming up " + TOPIC, e);
            }
        }
    }

    static Figures measure(String bootstrap, List<SignupReceived> signups) {
        try (TopicClient topics = new TopicClient(bootstrap)) {
            topics.createTopics(List.of(TOPIC), BenchSettings.PARTITIONS);
        }
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class))) {
            awaitLeaders(producer);
            long start = System.nanoTime();
            for (SignupReceived signup : signups) {
                long sent = System.nanoTime();
                producer.send(
                        new ProducerRecord<>(TOPIC, signup.customerId(), EventJson.write(signup)),
                        (metadata, failure) -> latencies.add((System.nanoTime() - sent) / 1e6));
            }
            producer.flush();
            return new Figures(signups.size(), Duration.ofNanos(System.nanoTime() - start), Percentiles.of(latencies));
        }
    }
}
