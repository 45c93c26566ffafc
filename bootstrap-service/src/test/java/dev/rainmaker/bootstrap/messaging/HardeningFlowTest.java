package dev.rainmaker.bootstrap.messaging;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jakarta.inject.Inject;

import dev.rainmaker.bootstrap.domain.HostFacts;
import dev.rainmaker.bootstrap.domain.HostStep;
import dev.rainmaker.bootstrap.service.AptHardeningRecipe;
import dev.rainmaker.bootstrap.service.HostKeyRotation;
import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.HostHardened;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.hostaccess.FinalHostKey;
import dev.rainmaker.hostaccess.FinalHostKeys;
import dev.rainmaker.localcloud.hosts.HostKey;
import dev.rainmaker.localcloud.hosts.HostSpec;
import dev.rainmaker.localcloud.hosts.SimulatedHost;
import dev.rainmaker.localcloud.hosts.TestCloudConfig;
import dev.rainmaker.localcloud.hosts.model.AptConfigCommands;
import dev.rainmaker.localcloud.hosts.model.Fail2banCommands;
import dev.rainmaker.localcloud.hosts.model.FileCommands;
import dev.rainmaker.localcloud.hosts.model.FirewallCommands;
import dev.rainmaker.localcloud.hosts.model.HostState;
import dev.rainmaker.localcloud.hosts.model.SshdCommands;
import dev.rainmaker.localcloud.hosts.model.StandardInput;
import dev.rainmaker.localcloud.hosts.model.SwapCommands;
import dev.rainmaker.localcloud.hosts.model.TimezoneCommands;
import dev.rainmaker.localcloud.kafka.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(SimulatedHostsResource.class)
class HardeningFlowTest {

    private static final String ADA_KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH1e2kqVq1x0bM0tV7sW1c3s2k9xR0gYpUoXh8a2b3cd ada@laptop";
    private static final Duration WAIT = Duration.ofSeconds(40);

    @TestHTTPResource("/q/health/ready")
    URL readiness;

    @TestHTTPResource("/q/metrics")
    URL metrics;

    @Inject
    FinalHostKeys finalHostKeys;

    @Test
    void hardensTheHostAndAnnouncesItOnceKeyedByCustomerThenChangesNothingTheSecondTime() throws Exception {
        HostKey hostKey = HostKey.generate();
        DropletActive event = bootHost(201, "hardened-1", hostKey, hostKey.fingerprint());

        KafkaTopics.publish(EventType.DROPLET_ACTIVE.topic(), "hardened-1", EventJson.write(event));
        List<ConsumerRecord<String, String>> first =
                KafkaTopics.await(EventType.HOST_HARDENED.topic(), "hardened-1", 1, WAIT);

        assertThat(first).hasSize(1);
        ConsumerRecord<String, String> record = first.get(0);
        assertThat(KafkaTopics.header(record, "ce_type")).isEqualTo("dev.rainmaker.host-hardened.v1");
        assertThat(KafkaTopics.header(record, "ce_source")).isEqualTo("rainmaker/bootstrap-service");
        assertThat(KafkaTopics.header(record, "ce_subject")).isEqualTo("hardened-1");
        assertThat(KafkaTopics.header(record, "ce_id")).isNotBlank();
        HostHardened hardened = EventJson.read(record.value(), HostHardened.class);
        FinalHostKey finalKey = finalHostKeys.forDroplet(201);
        assertThat(hardened.droplet())
                .isEqualTo(new Droplet(
                        201,
                        "rm-hardened-1",
                        event.droplet().publicIpv4(),
                        "fra1",
                        "debian-12-x64",
                        "s-1vcpu-1gb",
                        finalKey.fingerprint()));
        assertThat(finalKey.fingerprint()).isNotEqualTo(hostKey.fingerprint());
        assertThat(hardened.steps())
                .containsExactly(
                        "host-key",
                        "timezone",
                        "admin-user ada",
                        "sudo ada",
                        "sudo-without-password ada",
                        "authorized-key ada",
                        "sshd",
                        "firewall-package",
                        "firewall",
                        "fail2ban-sshd",
                        "security-updates",
                        "swap-file 1024 MiB",
                        "swap-fstab",
                        "swap-on");

        SimulatedHost host = SimulatedHostsResource.hosts.host(201L);
        assertThat(host.hostKeys())
                .extracting(key -> KeyUtils.getFingerPrint(BuiltinDigests.sha256, key.getPublic()))
                .containsExactly(finalKey.fingerprint());
        assertThat(host.commands()).noneMatch(command -> command.contains("PRIVATE KEY"));
        HostState state = host.state();
        assertThat(TimezoneCommands.timezone(state)).isEqualTo("Europe/Berlin");
        assertThat(state.users.get("ada")).contains("sudo");
        assertThat(FileCommands.lines(state, "/home/ada/.ssh/authorized_keys")).containsExactly(ADA_KEY);
        assertThat(state.attributesOf("/home/ada/.ssh/authorized_keys").mode()).isEqualTo("600");
        assertThat(SshdCommands.effective(state, "PasswordAuthentication")).isEqualTo("no");
        assertThat(SshdCommands.effective(state, "KbdInteractiveAuthentication"))
                .isEqualTo("no");
        assertThat(SshdCommands.effective(state, "PermitRootLogin")).isEqualTo("without-password");
        assertThat(FirewallCommands.active(state)).isTrue();
        assertThat(FirewallCommands.defaultPolicy(state, "incoming")).isEqualTo("deny");
        assertThat(FirewallCommands.allowed(state)).containsExactlyInAnyOrder("22/tcp", "80/tcp", "443/tcp");
        assertThat(Fail2banCommands.serverRunning(state)).isTrue();
        assertThat(Fail2banCommands.sshdJail(state)).containsEntry("backend", "systemd");
        assertThat(AptConfigCommands.configuration(state))
                .containsEntry("APT::Periodic::Update-Package-Lists", "1")
                .containsEntry("APT::Periodic::Unattended-Upgrade", "1");
        assertThat(FileCommands.size(state, "/swapfile")).isEqualTo(1024L * 1024 * 1024);
        assertThat(state.attributesOf("/swapfile").mode()).isEqualTo("600");
        assertThat(FileCommands.lines(state, "/etc/fstab")).contains("/swapfile none swap sw 0 0");
        assertThat(SwapCommands.active(state)).containsExactly("/swapfile");
        assertThat(state.files).containsKey("/etc/sudoers.d/rainmaker-ada");
        assertThat(state.attributesOf("/etc/sudoers.d/rainmaker-ada").mode()).isEqualTo("440");

        int commandsAfterFirstRun = host.commands().size();
        KafkaTopics.publish(EventType.DROPLET_ACTIVE.topic(), "hardened-1", EventJson.write(event));
        assertThat(KafkaTopics.await(EventType.HOST_HARDENED.topic(), "hardened-1", 2, WAIT))
                .hasSize(2);

        List<String> secondRun =
                host.commands().subList(commandsAfterFirstRun, host.commands().size());
        Set<String> applyCommands = new HashSet<>();
        new AptHardeningRecipe()
                .steps(event.signup(), event.droplet(), new HostFacts("none")).stream()
                        .map(HostStep::apply)
                        .forEach(applyCommands::add);
        applyCommands.add(HostKeyRotation.step(finalKey, "ssh").apply());
        assertThat(secondRun).isNotEmpty().noneMatch(applyCommands::contains);
        HostHardened again = EventJson.read(
                KafkaTopics.await(EventType.HOST_HARDENED.topic(), "hardened-1", 2, WAIT)
                        .get(1)
                        .value(),
                HostHardened.class);
        assertThat(again.droplet().hostKeyFingerprint()).isEqualTo(finalKey.fingerprint());
    }

    @Test
    void aHostAlreadyRotatedWhoseEventIsDeliveredAgainIsAcceptedByItsFinalKey() throws Exception {
        HostKey hostKey = HostKey.generate();
        DropletActive event = bootHost(204, "redelivered-1", hostKey, hostKey.fingerprint());
        FinalHostKey finalKey = finalHostKeys.forDroplet(204);
        SimulatedHost host = SimulatedHostsResource.hosts.host(204L);
        host.run(
                HostKeyRotation.step(finalKey, "ssh").apply(),
                StandardInput.of(new String(finalKey.privateKeyFile(), StandardCharsets.US_ASCII)));

        KafkaTopics.publish(EventType.DROPLET_ACTIVE.topic(), "redelivered-1", EventJson.write(event));
        List<ConsumerRecord<String, String>> hardened =
                KafkaTopics.await(EventType.HOST_HARDENED.topic(), "redelivered-1", 1, WAIT);

        assertThat(hardened).hasSize(1);
        assertThat(EventJson.read(hardened.get(0).value(), HostHardened.class)
                        .droplet()
                        .hostKeyFingerprint())
                .isEqualTo(finalKey.fingerprint());
    }

    @Test
    void aHostPresentingAnotherKeyThanThePinnedOneSendsTheEventToTheDeadLetterTopic() throws Exception {
        HostKey hostKey = HostKey.generate();
        String pinned = HostKey.generate().fingerprint();
        DropletActive event = bootHost(202, "mismatch-1", hostKey, pinned);

        KafkaTopics.publish(EventType.DROPLET_ACTIVE.topic(), "mismatch-1", EventJson.write(event));
        List<ConsumerRecord<String, String>> dead =
                KafkaTopics.await(EventType.DROPLET_ACTIVE.deadLetterTopic(), "mismatch-1", 1, WAIT);

        assertThat(dead).hasSize(1);
        assertThat(KafkaTopics.header(dead.get(0), "dead-letter-reason"))
                .contains("host key mismatch")
                .contains(pinned + " (its boot key, pinned at create) or "
                        + finalHostKeys.forDroplet(202).fingerprint())
                .contains("but the host presented " + hostKey.fingerprint());
        assertThat(SimulatedHostsResource.hosts.commands(202)).isEmpty();
        // A HostHardened is published before its record is acknowledged, so before any dead letter of that record.
        assertThat(KafkaTopics.onTopicNow(EventType.HOST_HARDENED.topic(), "mismatch-1"))
                .isEmpty();
        assertThat(scrape())
                .containsPattern("rainmaker_ssh_connect_failures_total\\{reason=\"host-key-mismatch\",?} [1-9]")
                .containsPattern("rainmaker_dead_letters_total\\{stage=\"hardening\","
                        + "topic=\"rainmaker.droplet-active.dlq\",?} [1-9]")
                .containsPattern(
                        "rainmaker_provisioning_failed_total\\{kind=\"permanent\"," + "stage=\"hardening\",?} [1-9]")
                .containsPattern(
                        "rainmaker_stage_duration_seconds_count\\{outcome=\"failed\"," + "stage=\"hardening\",?} [1-9]")
                .contains("kafka_consumer_fetch_manager_records_lag_max{");
    }

    private String scrape() throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(metrics.toURI()).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    @Test
    void aHostThatRefusesConnectionsWhileBootingIsWaitedFor() throws Exception {
        HostKey hostKey = HostKey.generate();
        SimulatedHostsResource.hosts.refuseConnections(203, Duration.ofSeconds(2));
        DropletActive event = bootHost(203, "booting-1", hostKey, hostKey.fingerprint());

        KafkaTopics.publish(EventType.DROPLET_ACTIVE.topic(), "booting-1", EventJson.write(event));

        assertThat(KafkaTopics.await(EventType.HOST_HARDENED.topic(), "booting-1", 1, WAIT))
                .hasSize(1);
    }

    @Test
    void aDropletOfAnImageWithoutARecipeGoesToTheDeadLetterTopicBeforeAnyCommand() throws Exception {
        HostKey hostKey = HostKey.generate();
        DropletActive booted = bootHost(204, "freebsd-1", hostKey, hostKey.fingerprint());
        Droplet d = booted.droplet();
        DropletActive event = new DropletActive(
                booted.signup(),
                new Droplet(
                        d.id(),
                        d.name(),
                        d.publicIpv4(),
                        d.region(),
                        "freebsd-14-x64",
                        d.size(),
                        d.hostKeyFingerprint()));

        KafkaTopics.publish(EventType.DROPLET_ACTIVE.topic(), "freebsd-1", EventJson.write(event));
        List<ConsumerRecord<String, String>> dead =
                KafkaTopics.await(EventType.DROPLET_ACTIVE.deadLetterTopic(), "freebsd-1", 1, WAIT);

        assertThat(dead).hasSize(1);
        assertThat(KafkaTopics.header(dead.get(0), "dead-letter-reason"))
                .contains("no hardening recipe for the droplet's image 'freebsd-14-x64'");
        assertThat(SimulatedHostsResource.hosts.commands(204)).isEmpty();
    }

    @Test
    void aValueThatIsNotJsonGoesToTheDeadLetterTopicSayingSo() throws Exception {
        KafkaTopics.publish(EventType.DROPLET_ACTIVE.topic(), "garbled-1", "this is not json");

        List<ConsumerRecord<String, String>> dead =
                KafkaTopics.await(EventType.DROPLET_ACTIVE.deadLetterTopic(), "garbled-1", 1, WAIT);

        assertThat(dead).hasSize(1);
        assertThat(KafkaTopics.header(dead.get(0), "dead-letter-reason")).contains("not valid JSON");
    }

    @Test
    void readinessSaysTheProvisioningKeyLoadsWithoutShowingIt() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(readiness.toURI()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("provisioning-key").doesNotContain("PRIVATE KEY");
    }

    private static DropletActive bootHost(long dropletId, String customerId, HostKey hostKey, String pinned) {
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
        Droplet droplet =
                new Droplet(dropletId, "rm-" + customerId, address, "fra1", "debian-12-x64", "s-1vcpu-1gb", pinned);
        return new DropletActive(signup, droplet);
    }
}
