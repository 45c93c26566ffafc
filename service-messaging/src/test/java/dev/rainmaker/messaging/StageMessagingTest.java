package dev.rainmaker.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jakarta.inject.Inject;

import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.FailureKind;
import dev.rainmaker.events.HostHardened;
import dev.rainmaker.events.ProvisioningFailed;
import dev.rainmaker.events.ProvisioningStage;
import dev.rainmaker.events.testing.TestEvents;
import dev.rainmaker.localcloud.kafka.KafkaTestResource;
import dev.rainmaker.localcloud.kafka.TopicClient;
import dev.rainmaker.localcloud.kafka.TopicClient.TopicRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The library in a running application against a real broker ({@link TestStage}): what a stage publishes, what it
 * dead-letters, the {@code ProvisioningFailed} it reports, and the topics made at start-up.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class StageMessagingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    MeterRegistry registry;

    @Inject
    KafkaClientService clients;

    private TopicClient kafka;

    @BeforeEach
    void connect() {
        kafka = new TopicClient(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    /**
     * What a three-broker cluster with {@code min.insync.replicas=2} needs to lose nothing when a leader dies: the
     * library's defaults (META-INF/microprofile-config.properties) ask for it, as SmallRye's own default is acks=1.
     */
    @Test
    void everyProducerWaitsForAllInSyncReplicasAndWritesARetriedSendOnce() {
        for (String channel : List.of("hosts-hardened-out", "provisioning-failed-out")) {
            Map<String, ?> configuration = clients.getProducer(channel).configuration();

            assertThat(configuration.get("acks")).as(channel + "'s acks").hasToString("all");
            assertThat(configuration.get("enable.idempotence"))
                    .as(channel + "'s enable.idempotence")
                    .hasToString("true");
        }
    }

    @Test
    void theNextEventIsPublishedKeyedByCustomerWithCloudEventsHeadersNamingTheApplicationAsSource() {
        kafka.publish(EventType.DROPLET_ACTIVE.topic(), "ok-1", EventJson.write(TestEvents.active("ok-1", 11L)));

        TopicRecord next = awaitOne(EventType.HOST_HARDENED.topic(), "ok-1");
        assertThat(EventJson.read(next.value(), HostHardened.class).steps()).containsExactly("sshd");
        assertThat(next.headers())
                .containsEntry("ce_type", EventType.HOST_HARDENED.cloudEventType())
                .containsEntry("ce_source", "rainmaker/messaging-test")
                .containsEntry("ce_subject", "ok-1")
                .containsEntry("ce_specversion", "1.0")
                .containsKeys("ce_id", "ce_time");
        assertThat(recordsFor(EventType.DROPLET_ACTIVE.deadLetterTopic(), "ok-1"))
                .isEmpty();
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(registry.get("rainmaker.stage.latency")
                                .tag("stage", "hardening")
                                .timer()
                                .count())
                        .isPositive());
    }

    @Test
    void aFailedStageIsDeadLetteredWithStageReasonAndTheAttemptsFoundAlongTheCauseChainAfterProvisioningFailed() {
        kafka.publish(EventType.DROPLET_ACTIVE.topic(), "fail-2", EventJson.write(TestEvents.active("fail-2", 22L)));

        TopicRecord dead = awaitOne(EventType.DROPLET_ACTIVE.deadLetterTopic(), "fail-2");
        assertThat(dead.headers())
                .containsEntry(DeadLetterHeaders.STAGE, "hardening the host")
                .containsEntry(DeadLetterHeaders.REASON, TestStage.REASON)
                .containsEntry(DeadLetterHeaders.ATTEMPTS, String.valueOf(TestStage.ATTEMPTS))
                .containsEntry(DeadLetterHeaders.FAILURE, "permanent")
                .containsEntry("dead-letter-reason", TestStage.REASON);

        TopicRecord failedRecord = awaitOne(EventType.PROVISIONING_FAILED.topic(), "fail-2");
        assertThat(failedRecord.timestamp()).isLessThanOrEqualTo(dead.timestamp());
        assertThat(failedRecord.headers())
                .containsEntry("ce_type", EventType.PROVISIONING_FAILED.cloudEventType())
                .containsEntry("ce_source", "rainmaker/messaging-test")
                .containsEntry("ce_subject", "fail-2")
                .containsKeys("ce_id", "ce_time");
        ProvisioningFailed failed = EventJson.read(failedRecord.value(), ProvisioningFailed.class);
        assertThat(failed.customerId()).isEqualTo("fail-2");
        assertThat(failed.signup()).isEqualTo(TestEvents.signup("fail-2"));
        assertThat(failed.stage()).isEqualTo(ProvisioningStage.HARDENING_HOST);
        assertThat(failed.reason()).isEqualTo(TestStage.REASON);
        assertThat(failed.attempts()).isEqualTo(TestStage.ATTEMPTS);
        assertThat(failed.dropletId()).isEqualTo(22L);
        assertThat(failed.failure()).isEqualTo(FailureKind.PERMANENT);
        assertThat(recordsFor(EventType.HOST_HARDENED.topic(), "fail-2")).isEmpty();

        assertThat(registry.get("rainmaker.dead-letters")
                        .tags("stage", "hardening", "topic", EventType.DROPLET_ACTIVE.deadLetterTopic())
                        .counter()
                        .count())
                .isPositive();
        assertThat(registry.get("rainmaker.provisioning-failed")
                        .tags("stage", "hardening", "kind", "permanent")
                        .counter()
                        .count())
                .isPositive();
        assertThat(registry.get("rainmaker.stage.duration")
                        .tags("stage", "hardening", "outcome", "failed")
                        .timer()
                        .count())
                .isPositive();
    }

    @Test
    void aSpentStageBudgetIsDeadLetteredAndReportedAsBudgetSpent() {
        kafka.publish(EventType.DROPLET_ACTIVE.topic(), "spent-4", EventJson.write(TestEvents.active("spent-4", 44L)));

        TopicRecord dead = awaitOne(EventType.DROPLET_ACTIVE.deadLetterTopic(), "spent-4");
        assertThat(dead.headers())
                .containsEntry(DeadLetterHeaders.FAILURE, "budget-spent")
                .containsEntry(DeadLetterHeaders.ATTEMPTS, "4")
                .containsEntry(DeadLetterHeaders.REASON, TestStage.SPENT_REASON);
        ProvisioningFailed failed = EventJson.read(
                awaitOne(EventType.PROVISIONING_FAILED.topic(), "spent-4").value(), ProvisioningFailed.class);
        assertThat(failed.failure()).isEqualTo(FailureKind.BUDGET_SPENT);
        assertThat(failed.reason()).isEqualTo(TestStage.SPENT_REASON);
    }

    @Test
    void aRecordThatIsNotJsonNamesNoCustomerSoItIsOnlyDeadLetteredAfterOneAttempt() {
        kafka.publish(EventType.DROPLET_ACTIVE.topic(), "garbled-3", "{{{");

        TopicRecord dead = awaitOne(EventType.DROPLET_ACTIVE.deadLetterTopic(), "garbled-3");
        assertThat(dead.value()).isEqualTo("{{{");
        assertThat(dead.headers())
                .containsEntry(DeadLetterHeaders.STAGE, "hardening the host")
                .containsEntry(DeadLetterHeaders.ATTEMPTS, "1")
                .containsEntry(DeadLetterHeaders.FAILURE, "permanent");
        assertThat(dead.header(DeadLetterHeaders.REASON))
                .startsWith("the DropletActive event is not valid JSON")
                .isEqualTo(dead.header("dead-letter-reason"));
        // A ProvisioningFailed, were there one, would be on the broker before the dead letter.
        assertThat(recordsFor(EventType.PROVISIONING_FAILED.topic(), "garbled-3"))
                .isEmpty();
    }

    @Test
    void theTopicsOfEveryChannelAndTheirDeadLetterTopicsAreCreatedAtStartUpWithTheConfiguredPartitions()
            throws Exception {
        Set<String> topics = Set.of(
                EventType.DROPLET_ACTIVE.topic(),
                EventType.DROPLET_ACTIVE.deadLetterTopic(),
                EventType.HOST_HARDENED.topic(),
                EventType.PROVISIONING_FAILED.topic());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            assertThat(admin.describeTopics(topics).allTopicNames().get().values())
                    .extracting(description -> description.partitions().size())
                    .containsOnly(3);
        }
    }

    private TopicRecord awaitOne(String topic, String key) {
        return await().atMost(WAIT)
                .until(() -> recordsFor(topic, key), records -> !records.isEmpty())
                .getFirst();
    }

    private List<TopicRecord> recordsFor(String topic, String key) {
        return kafka.readAll(topic).stream()
                .filter(record -> key.equals(record.key()))
                .toList();
    }
}
