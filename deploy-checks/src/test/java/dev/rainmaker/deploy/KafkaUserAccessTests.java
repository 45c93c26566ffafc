package dev.rainmaker.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The KafkaUsers of kafka-users.yaml on a real broker that authorizes as the deployed one does (SCRAM users, Kafka's
 * StandardAuthorizer, nothing allowed without an ACL): the topics of kafka-topics.yaml, a user and the ACLs Strimzi
 * would create for each KafkaUser. Each service's Kafka work ({@link ServiceOnKafka}: its channels, its consumer
 * groups, its transactions, its own clients, status-service's Kafka Streams) must go through as that user, and work
 * outside its ACLs must be refused.
 */
@ExtendWith(DeployedKafkaExtension.class)
class KafkaUserAccessTests {

    static final List<String> SERVICES = ServiceConfig.SERVICES;

    private static DeployedKafka kafka;

    @BeforeAll
    static void clusterAsDeployed(DeployedKafka deployed) {
        kafka = deployed;
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void aServiceDoesAllItsKafkaWorkAsItsUser(String service) {
        ServiceOnKafka work = new ServiceOnKafka(as(service), service);

        assertThatCode(work::writesEveryTopicItWrites).as("%s writing", service).doesNotThrowAnyException();
        assertThatCode(work::readsEveryTopicInItsConsumerGroups)
                .as("%s reading in its groups", service)
                .doesNotThrowAnyException();
        assertThatCode(work::readsEveryTopicItReadsWithoutAGroup)
                .as("%s reading without a group", service)
                .doesNotThrowAnyException();
        assertThatCode(work::writesInTransactions)
                .as("%s in transactions", service)
                .doesNotThrowAnyException();
    }

    @Test
    void statusServicesKafkaStreamsCreatesItsTopicsAndRuns(@TempDir Path stateDir) {
        ServiceOnKafka work = new ServiceOnKafka(as("status-service"), "status-service");

        assertThatCode(() -> work.runsKafkaStreams(kafka.asAdmin(), stateDir)).doesNotThrowAnyException();
    }

    @Test
    void aServiceIsRefusedWhatItsAclsDoNotAllow() {
        assertThatThrownBy(() -> send("droplet-service", "rainmaker.customer-ready", Optional.empty()))
                .as("droplet-service writing customer-ready")
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> joinGroup("bootstrap-service", "droplet-service-signups", "rainmaker.droplet-active"))
                .as("bootstrap-service in droplet-service's group")
                .isInstanceOf(GroupAuthorizationException.class);
        assertThatThrownBy(
                        () -> joinGroup("stack-service", "stack-service-hosts-hardened", "rainmaker.signup-received"))
                .as("stack-service reading sign-ups")
                .isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(
                        () -> send("notifier-service", "rainmaker.customer-ready", Optional.of("rainmaker-replay-1")))
                .as("notifier-service as status-service's transactional id")
                .isInstanceOf(TransactionalIdAuthorizationException.class);
        assertThatThrownBy(() -> createTopic("api-service", "rainmaker.anything"))
                .as("api-service creating a topic")
                .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    private static void send(String service, String topic, Optional<String> transactionalId) throws Exception {
        Map<String, Object> settings = new HashMap<>(as(service));
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        transactionalId.ifPresent(id -> settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id));
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            if (transactionalId.isPresent()) {
                producer.initTransactions();
            }
            producer.send(new ProducerRecord<>(topic, "acme-42", "{}")).get(10, TimeUnit.SECONDS);
        }
    }

    private static void joinGroup(String service, String group, String topic) {
        Map<String, Object> settings = new HashMap<>(as(service));
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            for (int poll = 0; poll < 100; poll++) {
                consumer.poll(Duration.ofMillis(100));
            }
        }
    }

    private static void createTopic(String service, String topic) throws Exception {
        try (Admin admin = Admin.create(as(service))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
        }
    }

    private static Map<String, Object> as(String service) {
        return kafka.as(service);
    }
}
