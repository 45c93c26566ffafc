package dev.rainmaker.stack.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.HostHardened;
import dev.rainmaker.events.ProvisioningFailed;
import dev.rainmaker.events.ProvisioningStage;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.localcloud.kafka.KafkaTestResource;
import dev.rainmaker.stack.testhost.TestSshHostsResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import static dev.rainmaker.stack.messaging.KafkaTopics.header;
import static org.assertj.core.api.Assertions.assertThat;

/** What stack-service leaves behind when it gives up on a customer, and the topics it makes at start-up. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(TestSshHostsResource.class)
class StageFailureTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anInstallThatCannotSucceedIsDeadLetteredWithStageReasonAndAttemptsAndReportedAsProvisioningFailed()
            throws Exception {
        KafkaTopics kafka = new KafkaTopics(bootstrapServers);
        SignupReceived signup = new SignupReceived(
                "no-droplet-1", "ops@no-droplet-1.example", "Ada", "starter", "Europe/Berlin", List.of());

        kafka.publish(
                EventType.HOST_HARDENED.topic(),
                "no-droplet-1",
                EventJson.write(new HostHardened(signup, null, List.of("sshd"))));

        ConsumerRecord<String, String> dead = kafka.await(
                        EventType.HOST_HARDENED.deadLetterTopic(), r -> "no-droplet-1".equals(r.key()), 1, WAIT)
                .getFirst();
        assertThat(header(dead, "rainmaker-stage")).isEqualTo("installing the stack");
        assertThat(header(dead, "rainmaker-attempts")).isEqualTo("1");
        assertThat(header(dead, "rainmaker-reason")).isEqualTo("the HostHardened event has no droplet");
        ConsumerRecord<String, String> failed = kafka.await(
                        EventType.PROVISIONING_FAILED.topic(), r -> "no-droplet-1".equals(r.key()), 1, WAIT)
                .getFirst();
        ProvisioningFailed event = EventJson.read(failed.value(), ProvisioningFailed.class);
        assertThat(event.stage()).isEqualTo(ProvisioningStage.INSTALLING_STACK);
        assertThat(event.reason()).isEqualTo("the HostHardened event has no droplet");
        assertThat(event.dropletId()).isNull();
        assertThat(header(failed, "ce_type")).isEqualTo(EventType.PROVISIONING_FAILED.cloudEventType());
    }

    @Test
    void theTopicsOfEveryChannelAreCreatedAtStartUpWithTheConfiguredPartitions() throws Exception {
        Set<String> topics = Set.of(
                EventType.HOST_HARDENED.topic(),
                EventType.HOST_HARDENED.deadLetterTopic(),
                EventType.STACK_INSTALLED.topic(),
                EventType.PROVISIONING_FAILED.topic());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            assertThat(admin.describeTopics(topics).allTopicNames().get().values())
                    .extracting(description -> description.partitions().size())
                    .containsOnly(3);
        }
    }
}
