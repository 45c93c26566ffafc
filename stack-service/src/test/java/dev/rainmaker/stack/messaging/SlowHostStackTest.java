package dev.rainmaker.stack.messaging;

import java.time.Duration;
import java.util.List;

import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.FailureKind;
import dev.rainmaker.events.HostHardened;
import dev.rainmaker.events.ProvisioningFailed;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.localcloud.kafka.KafkaTestResource;
import dev.rainmaker.stack.testhost.TestSshHostsResource;
import dev.rainmaker.stack.testhost.TestSshHostsResource.TestHost;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.rainmaker.stack.messaging.KafkaTopics.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slow host is not a failed host: the stack's install resumes after a command that outlived its timeout or an
 * interrupted dpkg, within the stage budget; past it the customer is dead-lettered as budget-spent.
 */
@QuarkusTest
@TestProfile(SlowHostsProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(TestSshHostsResource.class)
class SlowHostStackTest {

    private static final String INSTALL = "DEBIAN_FRONTEND=noninteractive apt-get install -y -q";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaTopics kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTopics(bootstrapServers);
    }

    @Test
    void anInstallThatOutlivesTheCommandTimeoutOnceIsWaitedForAndTheStackIsReportedInstalledWithoutAFailure()
            throws Exception {
        TestHost host = TestSshHostsResource.boot(11);
        host.host().outliveOnce(INSTALL, Duration.ofSeconds(5));

        kafka.publish(hardenedTopic(), "slow-11", EventJson.write(hardened("slow-11", host)));

        assertThat(kafka.await(installedTopic(), r -> "slow-11".equals(r.key()), 1, WAIT))
                .hasSize(1);
        assertThat(host.commands()).anyMatch(c -> c.startsWith("pgrep -l -x"));
        assertThat(host.commands().stream().filter(c -> c.startsWith(INSTALL)).count())
                .as("the one slow install; the resumed stage found its packages installed")
                .isEqualTo(host.commands().stream()
                        .filter(c -> c.startsWith(INSTALL))
                        .distinct()
                        .count());
        assertNoFailure("slow-11");
    }

    @Test
    void anInterruptedDpkgIsCompletedWithConfigureAllBeforeTheStageResumes() throws Exception {
        TestHost host = TestSshHostsResource.boot(12);
        host.host().run("DEBIAN_FRONTEND=noninteractive apt-get install -y memcached");
        host.host().interruptDpkg("memcached");

        kafka.publish(hardenedTopic(), "cut-12", EventJson.write(hardened("cut-12", host)));

        assertThat(kafka.await(installedTopic(), r -> "cut-12".equals(r.key()), 1, WAIT))
                .hasSize(1);
        List<String> commands = host.commands();
        int repair =
                commands.indexOf("DEBIAN_FRONTEND=noninteractive dpkg --configure -a --force-confdef --force-confold");
        assertThat(repair).as("dpkg --configure -a in %s", commands).isPositive();
        assertThat(commands.subList(0, repair))
                .anyMatch(c -> c.startsWith(INSTALL))
                .contains("dpkg --audit");
        assertThat(commands.subList(repair, commands.size())).anyMatch(c -> c.startsWith(INSTALL));
        assertNoFailure("cut-12");
    }

    @Test
    void anInstallThatHangsPastTheStageBudgetIsDeadLetteredAsBudgetSpentSayingSo() throws Exception {
        TestHost host = TestSshHostsResource.boot(13);
        host.host().hangForever(INSTALL);

        kafka.publish(hardenedTopic(), "stuck-13", EventJson.write(hardened("stuck-13", host)));

        ConsumerRecord<String, String> dead = kafka.await(
                        EventType.HOST_HARDENED.deadLetterTopic(), r -> "stuck-13".equals(r.key()), 1, WAIT)
                .getFirst();
        assertThat(header(dead, "rainmaker-failure")).isEqualTo("budget-spent");
        assertThat(header(dead, "rainmaker-reason"))
                .contains("the stack stage budget of " + SlowHostsProfile.STAGE_BUDGET
                        + " on droplet rm-stuck-13 is spent")
                .contains("apt-get still running")
                .contains("did not finish within PT2S");
        ProvisioningFailed failed = EventJson.read(
                kafka.await(EventType.PROVISIONING_FAILED.topic(), r -> "stuck-13".equals(r.key()), 1, WAIT)
                        .getFirst()
                        .value(),
                ProvisioningFailed.class);
        assertThat(failed.failure()).isEqualTo(FailureKind.BUDGET_SPENT);
    }

    /**
     * A ProvisioningFailed is on the broker before its dead letter, and both before the next event would be: once the
     * next event is read, the topics as they are now hold any failure.
     */
    private void assertNoFailure(String customerId) {
        for (String topic : List.of(EventType.HOST_HARDENED.deadLetterTopic(), EventType.PROVISIONING_FAILED.topic())) {
            assertThat(kafka.onTopicNow(topic, customerId))
                    .as("records for %s on %s", customerId, topic)
                    .isEmpty();
        }
    }

    private static String hardenedTopic() {
        return EventType.HOST_HARDENED.topic();
    }

    private static String installedTopic() {
        return EventType.STACK_INSTALLED.topic();
    }

    private static HostHardened hardened(String customerId, TestHost host) {
        SignupReceived signup = new SignupReceived(
                customerId, "ops@" + customerId + ".example", "Ada", "starter", "Europe/Berlin", List.of());
        Droplet droplet = new Droplet(
                host.host().dropletId(),
                "rm-" + customerId,
                host.address(),
                "fra1",
                "debian-12-x64",
                "s-1vcpu-1gb",
                host.hostKeyFingerprint());
        return new HostHardened(signup, droplet, List.of("timezone", "admin-users", "sshd", "firewall"));
    }
}
