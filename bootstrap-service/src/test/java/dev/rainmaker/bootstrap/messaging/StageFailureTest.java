package dev.rainmaker.bootstrap.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.ProvisioningFailed;
import dev.rainmaker.events.ProvisioningStage;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.localcloud.kafka.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What bootstrap-service leaves behind when it gives up on a customer, and the topics it makes at start-up. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(SimulatedHostsResource.class)
class StageFailureTest {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aHardeningFailureIsDeadLetteredWithStageReasonAndAttemptsAndReportedAsProvisioningFailed() throws Exception {
        SignupReceived signup = new SignupReceived(
                "bad-zone-1",
                "ada@acme.example",
                "Ada",
                "starter",
                "Mars/Olympus_Mons",
                List.of(new AdminUser("ada", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKq ada@laptop")));
        Droplet droplet = new Droplet(
                909L, "rm-bad-zone-1", "127.0.0.1", "fra1", "debian-12-x64", "s-1vcpu-1gb", "SHA256:unused");

        KafkaTopics.publish(
                EventType.DROPLET_ACTIVE.topic(), "bad-zone-1", EventJson.write(new DropletActive(signup, droplet)));

        ConsumerRecord<String, String> dead = KafkaTopics.await(
                        EventType.DROPLET_ACTIVE.deadLetterTopic(), "bad-zone-1", 1, WAIT)
                .getFirst();
        assertThat(KafkaTopics.header(dead, "rainmaker-stage")).isEqualTo("hardening the host");
        assertThat(KafkaTopics.header(dead, "rainmaker-attempts")).isEqualTo("1");
        assertThat(KafkaTopics.header(dead, "rainmaker-reason")).contains("Mars/Olympus_Mons");
        ProvisioningFailed failed = EventJson.read(
                KafkaTopics.await(EventType.PROVISIONING_FAILED.topic(), "bad-zone-1", 1, WAIT)
                        .getFirst()
                        .value(),
                ProvisioningFailed.class);
        assertThat(failed.stage()).isEqualTo(ProvisioningStage.HARDENING_HOST);
        assertThat(failed.dropletId()).isEqualTo(909L);
        assertThat(failed.signup()).isEqualTo(signup);
        assertThat(failed.reason()).isEqualTo(KafkaTopics.header(dead, "rainmaker-reason"));
    }

    @Test
    void aValueThatIsNotJsonNamesNoCustomerSoItIsOnlyDeadLettered() throws Exception {
        KafkaTopics.publish(EventType.DROPLET_ACTIVE.topic(), "garbled-2", "{{{");

        ConsumerRecord<String, String> dead = KafkaTopics.await(
                        EventType.DROPLET_ACTIVE.deadLetterTopic(), "garbled-2", 1, WAIT)
                .getFirst();
        assertThat(KafkaTopics.header(dead, "rainmaker-stage")).isEqualTo("hardening the host");
        // A ProvisioningFailed is on the broker before its dead letter: the topic as it is now would hold it.
        assertThat(KafkaTopics.onTopicNow(EventType.PROVISIONING_FAILED.topic(), "garbled-2"))
                .isEmpty();
    }

    @Test
    void theTopicsOfEveryChannelAreCreatedAtStartUpWithTheConfiguredPartitions() throws Exception {
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
}
