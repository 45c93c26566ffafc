package dev.rainmaker.bootstrap.messaging;

import java.time.Duration;
import java.util.List;

import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.FailureKind;
import dev.rainmaker.events.HostHardened;
import dev.rainmaker.events.ProvisioningFailed;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.localcloud.hosts.HostKey;
import dev.rainmaker.localcloud.hosts.HostSpec;
import dev.rainmaker.localcloud.hosts.SimulatedHost;
import dev.rainmaker.localcloud.hosts.TestCloudConfig;
import dev.rainmaker.localcloud.kafka.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A slow host is not a failed host: hardening resumes after a command that outlived its timeout, within its budget. */
@QuarkusTest
@TestProfile(SlowHostsProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(SimulatedHostsResource.class)
class SlowHostHardeningTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String UFW_INSTALL = "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y";
    private static final String ADA_KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH1e2kqVq1x0bM0tV7sW1c3s2k9xR0gYpUoXh8a2b3cd ada@laptop";

    @Test
    void anInstallThatOutlivesTheCommandTimeoutOnceIsWaitedForAndTheHostIsHardenedWithoutAFailure() throws Exception {
        DropletActive event = bootHost(301, "slow-apt-1");
        SimulatedHost host = SimulatedHostsResource.hosts.host(301L);
        host.outliveOnce(UFW_INSTALL, Duration.ofSeconds(5));

        KafkaTopics.publish(EventType.DROPLET_ACTIVE.topic(), "slow-apt-1", EventJson.write(event));

        List<ConsumerRecord<String, String>> hardened =
                KafkaTopics.await(EventType.HOST_HARDENED.topic(), "slow-apt-1", 1, WAIT);
        assertThat(hardened).hasSize(1);
        assertThat(EventJson.read(hardened.getFirst().value(), HostHardened.class)
                        .steps())
                .contains("firewall-package", "security-updates");
        assertThat(host.commands()).anyMatch(command -> command.startsWith("pgrep -l -x"));
        assertThat(host.commands())
                .filteredOn(command -> command.startsWith(UFW_INSTALL + " -oDPkg::Lock::Timeout"))
                .as("ufw's install, run once: the resumed stage found it done")
                .hasSize(1);
        // A failure and its dead letter are on the broker before the next event would be: the topics as they are now
        // hold any.
        assertThat(KafkaTopics.onTopicNow(EventType.DROPLET_ACTIVE.deadLetterTopic(), "slow-apt-1"))
                .isEmpty();
        assertThat(KafkaTopics.onTopicNow(EventType.PROVISIONING_FAILED.topic(), "slow-apt-1"))
                .isEmpty();
    }

    @Test
    void anInstallThatHangsPastTheStageBudgetIsDeadLetteredAsBudgetSpentSayingSo() throws Exception {
        DropletActive event = bootHost(302, "stuck-apt-2");
        SimulatedHostsResource.hosts.host(302L).hangForever(UFW_INSTALL);

        KafkaTopics.publish(EventType.DROPLET_ACTIVE.topic(), "stuck-apt-2", EventJson.write(event));

        ConsumerRecord<String, String> dead = KafkaTopics.await(
                        EventType.DROPLET_ACTIVE.deadLetterTopic(), "stuck-apt-2", 1, WAIT)
                .getFirst();
        assertThat(KafkaTopics.header(dead, "rainmaker-failure")).isEqualTo("budget-spent");
        assertThat(KafkaTopics.header(dead, "rainmaker-reason"))
                .contains("the hardening stage budget of " + SlowHostsProfile.STAGE_BUDGET
                        + " on droplet rm-stuck-apt-2 is spent")
                .contains("apt-get still running")
                .contains("did not finish within PT2S");
        ProvisioningFailed failed = EventJson.read(
                KafkaTopics.await(EventType.PROVISIONING_FAILED.topic(), "stuck-apt-2", 1, WAIT)
                        .getFirst()
                        .value(),
                ProvisioningFailed.class);
        assertThat(failed.failure()).isEqualTo(FailureKind.BUDGET_SPENT);
        assertThat(failed.reason()).isEqualTo(KafkaTopics.header(dead, "rainmaker-reason"));
    }

    private static DropletActive bootHost(long dropletId, String customerId) {
        HostKey hostKey = HostKey.generate();
        String cloudConfig =
                TestCloudConfig.render(hostKey, List.of(SimulatedHostsResource.provisioningKey.publicKeyLine()));
        String address = SimulatedHostsResource.hosts.boot(new HostSpec(dropletId, "rm-" + customerId, cloudConfig));
        SignupReceived signup = new SignupReceived(
                customerId,
                "ops@" + customerId + ".example",
                "Ada",
                "starter",
                "Europe/Berlin",
                List.of(new AdminUser("ada", ADA_KEY)));
        return new DropletActive(
                signup,
                new Droplet(
                        dropletId,
                        "rm-" + customerId,
                        address,
                        "fra1",
                        "debian-12-x64",
                        "s-1vcpu-1gb",
                        hostKey.fingerprint()));
    }
}
