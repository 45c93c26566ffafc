package dev.rainmaker.status.messaging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.localcloud.kafka.KafkaBroker;
import dev.rainmaker.localcloud.kafka.TopicClient;
import dev.rainmaker.messaging.TopicsConfig;
import dev.rainmaker.status.domain.Peer;
import dev.rainmaker.status.domain.TimelineEntry;
import dev.rainmaker.status.service.LiveTimeline;
import dev.rainmaker.status.service.ViewLag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the view on one broker, in plain Java (two Quarkus applications do not fit in one JVM): they split
 * the partitions, agree on which of them holds each customer (the routing the API forwards by), each one's live feed
 * shows every customer's entry once (its own as it folds them, the other's through the timeline topic), and a third
 * instance with an empty state directory rebuilds every customer from the changelog alone.
 */
class TwoInstancesTests {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String APPLICATION_ID = "status-two-instances";
    private static final List<String> CUSTOMERS =
            IntStream.range(0, 24).mapToObj(i -> "two-" + i).toList();

    static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.startEphemeral();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void twoInstancesSplitTheCustomersAgreeOnTheirOwnersAndAThirdRestoresThemFromTheChangelog() throws Exception {
        LiveTimeline liveOne = new LiveTimeline();
        LiveTimeline liveTwo = new LiveTimeline();
        Queue<String> seenByOne = listen(liveOne);
        Queue<String> seenByTwo = listen(liveTwo);
        TimelineFeed feedOne = new TimelineFeed(kafka(), liveOne);
        TimelineFeed feedTwo = new TimelineFeed(kafka(), liveTwo);
        try (KafkaStreams first = start(topology(liveOne), 1);
                KafkaStreams second = start(topology(liveTwo), 2)) {
            feedOne.start(null);
            feedTwo.start(null);
            await().atMost(WAIT)
                    .until(() -> first.state() == KafkaStreams.State.RUNNING
                            && second.state() == KafkaStreams.State.RUNNING
                            && first.streamsMetadataForStore(StatusTopology.STORE)
                                            .size()
                                    == 2
                            && feedOne.reading()
                            && feedTwo.reading());
            try (TopicClient kafka = new TopicClient(broker.bootstrapServers())) {
                CUSTOMERS.forEach(customer ->
                        kafka.publish(EventType.SIGNUP_RECEIVED.topic(), customer, EventJson.write(signup(customer))));
            }
            CustomerStore one = store(first, 1);
            CustomerStore two = store(second, 2);

            await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
                for (String customer : CUSTOMERS) {
                    Peer ownerSeenByOne = one.ownerOf(customer);
                    Peer ownerSeenByTwo = two.ownerOf(customer);
                    assertThat(List.of(ownerSeenByOne.host(), ownerSeenByOne.port()))
                            .isEqualTo(List.of(ownerSeenByTwo.host(), ownerSeenByTwo.port()));
                    assertThat(ownerSeenByOne.self()).isNotEqualTo(ownerSeenByTwo.self());
                    CustomerStore owner = ownerSeenByOne.self() ? one : two;
                    CustomerStore other = ownerSeenByOne.self() ? two : one;
                    assertThat(owner.find(customer)).as(customer).isPresent();
                    assertThat(other.find(customer)).as(customer).isEmpty();
                }
            });
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(seenByOne).containsExactlyInAnyOrderElementsOf(CUSTOMERS);
                assertThat(seenByTwo).containsExactlyInAnyOrderElementsOf(CUSTOMERS);
            });
            assertThat(one.instances()).extracting(Peer::port).containsExactlyInAnyOrder(1, 2);
            assertThat(CUSTOMERS)
                    .anyMatch(customer -> one.ownerOf(customer).self())
                    .anyMatch(customer -> two.ownerOf(customer).self());
        } finally {
            feedOne.stop(null);
            feedTwo.stop(null);
        }
        removeClosedInstancesFromTheGroup();

        try (KafkaStreams restored = start(topology(new LiveTimeline()), 3)) {
            CustomerStore three = store(restored, 3);
            await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
                for (String customer : CUSTOMERS) {
                    assertThat(three.find(customer)).as(customer).isPresent();
                    assertThat(three.ownerOf(customer).self()).isTrue();
                }
            });
        }
    }

    /**
     * A closed Kafka Streams instance stays in its group until its session times out (10 s), even closed with
     * {@code leaveGroup(true)} (Kafka Streams 4.1, members without a group.instance.id): removed at once, the third
     * instance is given every partition without waiting for that.
     */
    private static void removeClosedInstancesFromTheGroup() throws Exception {
        try (Admin admin = Admin.create(kafka())) {
            admin.removeMembersFromConsumerGroup(APPLICATION_ID, new RemoveMembersFromConsumerGroupOptions())
                    .all()
                    .get();
        }
    }

    private static Topology topology(LiveTimeline live) {
        return new StatusTopology(new StatusTopics(topics(), kafka()), live, new ViewLag(new SimpleMeterRegistry()))
                .topology();
    }

    /** The customers of the entries the feed shows, one element per entry. */
    private static Queue<String> listen(LiveTimeline live) {
        Deserializer<TimelineEntry> entries = new JsonSerde<>(TimelineEntry.class).deserializer();
        Queue<String> customers = new ConcurrentLinkedQueue<>();
        live.listen(entry -> customers.add(entries.deserialize(StatusTopology.TIMELINE_TOPIC, entry.getBytes(UTF_8))
                .customerId()));
        return customers;
    }

    private static KafkaStreams start(Topology topology, int instance) throws Exception {
        KafkaStreams streams = new KafkaStreams(topology, config(instance));
        streams.start();
        return streams;
    }

    private static CustomerStore store(KafkaStreams streams, int instance) throws Exception {
        return new CustomerStore(streams, config(instance));
    }

    private static StreamsConfig config(int instance) throws Exception {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:" + instance);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir(instance).toString());
        properties.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        properties.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        properties.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 10_000);
        return new StreamsConfig(properties);
    }

    private static Path stateDir(int instance) throws Exception {
        return Files.createDirectories(
                Path.of("target/two-instances/" + ProcessHandle.current().pid() + "-" + instance));
    }

    private static Map<String, Object> kafka() {
        return Map.of("bootstrap.servers", broker.bootstrapServers());
    }

    private static TopicsConfig topics() {
        return new TopicsConfig() {
            @Override
            public boolean create() {
                return true;
            }

            @Override
            public int partitions() {
                return 6;
            }

            @Override
            public Optional<Short> replicationFactor() {
                return Optional.empty();
            }
        };
    }

    private static SignupReceived signup(String customer) {
        return new SignupReceived(
                customer,
                customer + "@acme.example",
                "Ada",
                "starter",
                "UTC",
                List.of(new AdminUser(
                        "ada", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH1e2kqVq1x0bM0tV7sW1c3s2k9xR0gYpUoXh8a2b3cd")));
    }
}
