package dev.rainmaker.localcloud.hosts;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;

import dev.rainmaker.localcloud.hosts.model.CommandResult;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedHostsTests {

    @TempDir
    Path keys;

    private SimulatedHosts hosts;
    private KeyPair provisioning;
    private HostKey hostKey;
    private String cloudConfig;

    @BeforeEach
    void bootstrap() throws Exception {
        hosts = SimulatedHosts.onFreePort();
        ProvisioningKey key = ProvisioningKey.createOrReuse(keys);
        provisioning = SshTestClient.load(key.privateKeyFile());
        hostKey = HostKey.generate();
        cloudConfig = TestCloudConfig.render(hostKey, List.of(key.publicKeyLine()));
    }

    @AfterEach
    void shutdown() {
        hosts.close();
    }

    @Test
    void theProvisioningKeyGetsInAndTheCommandIsRecordedAndAnswered() throws Exception {
        String address = hosts.boot(new HostSpec(1, "rm-one", cloudConfig));

        CommandResult result = SshTestClient.run(
                address,
                hosts.sshPort(),
                provisioning,
                pinned(hostKey.fingerprint()),
                "cloud-init status --wait --format json");

        assertThat(address).startsWith("127.10.0.");
        assertThat(result.exitStatus()).isZero();
        assertThat(result.stdout()).contains("\"status\": \"done\"");
        assertThat(hosts.commands(1)).containsExactly("cloud-init status --wait --format json");
        assertThat(hosts.host(address).commands()).hasSize(1);
    }

    @Test
    void eachHostHasItsOwnLoopbackAddress() {
        String first = hosts.boot(new HostSpec(1, "rm-one", cloudConfig));
        String second = hosts.boot(
                new HostSpec(2, "rm-two", TestCloudConfig.render(HostKey.generate(), List.of(hostKeyLine()))));

        assertThat(first).isEqualTo("127.10.0.1");
        assertThat(second).isEqualTo("127.10.0.2");
    }

    @Test
    void aKeyThatIsNotAuthorizedIsRefused() {
        String address = hosts.boot(new HostSpec(1, "rm-one", cloudConfig));
        KeyPair stranger = HostKey.generate().keyPair();

        assertThatThrownBy(() -> SshTestClient.run(
                        address, hosts.sshPort(), stranger, AcceptAllServerKeyVerifier.INSTANCE, "id -u root"))
                .hasMessageContaining("No more authentication methods available");
        assertThat(hosts.commands(1)).isEmpty();
    }

    @Test
    void aClientPinningAnotherHostKeyRefusesTheHost() {
        String address = hosts.boot(new HostSpec(1, "rm-one", cloudConfig));
        String otherFingerprint = HostKey.generate().fingerprint();

        assertThatThrownBy(() -> SshTestClient.run(
                        address, hosts.sshPort(), provisioning, pinned(otherFingerprint), "id -u root"))
                .hasMessageContaining("Server key did not validate");
        assertThat(hosts.commands(1)).isEmpty();
    }

    @Test
    void aHostRefusesConnectionsForAWhileAfterBoot() throws Exception {
        hosts.refuseConnections(1, Duration.ofSeconds(2));
        String address = hosts.boot(new HostSpec(1, "rm-one", cloudConfig));

        assertThatThrownBy(() -> SshTestClient.run(
                        address, hosts.sshPort(), provisioning, pinned(hostKey.fingerprint()), "id -u root"))
                .hasRootCauseInstanceOf(ConnectException.class);

        Thread.sleep(2_500);
        CommandResult result =
                SshTestClient.run(address, hosts.sshPort(), provisioning, pinned(hostKey.fingerprint()), "id -u root");
        assertThat(result.stdout()).isEqualTo("0\n");
    }

    @Test
    void everyHostBootedAfterTheDefaultIsSetRefusesConnectionsForItsFirstMoments() throws Exception {
        hosts.refuseConnectionsAtEveryBoot(Duration.ofSeconds(1));
        String address = hosts.boot(new HostSpec(1, "rm-one", cloudConfig));

        assertThatThrownBy(() -> SshTestClient.run(
                        address, hosts.sshPort(), provisioning, pinned(hostKey.fingerprint()), "id -u root"))
                .hasRootCauseInstanceOf(ConnectException.class);
        Thread.sleep(1_500);
        assertThat(SshTestClient.run(
                                address, hosts.sshPort(), provisioning, pinned(hostKey.fingerprint()), "id -u root")
                        .exitStatus())
                .isZero();
    }

    @Test
    void aRunningHostCanBeMadeToRefuseConnectionsForAWhile() throws Exception {
        String address = hosts.boot(new HostSpec(1, "rm-one", cloudConfig));
        hosts.refuseConnections(1, Duration.ofSeconds(1));

        assertThatThrownBy(() -> SshTestClient.run(
                        address, hosts.sshPort(), provisioning, pinned(hostKey.fingerprint()), "id -u root"))
                .hasRootCauseInstanceOf(ConnectException.class);
        Thread.sleep(1_500);
        assertThat(SshTestClient.run(
                                address, hosts.sshPort(), provisioning, pinned(hostKey.fingerprint()), "id -u root")
                        .exitStatus())
                .isZero();
    }

    @Test
    void everyCommandTakesAtLeastTheConfiguredLatency() {
        hosts.boot(new HostSpec(1, "rm-one", cloudConfig));
        hosts.setCommandLatency(Duration.ofMillis(300));

        long started = System.nanoTime();
        hosts.host(1L).run("id -u root");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void anUnknownCommandFailsWith127() throws Exception {
        String address = hosts.boot(new HostSpec(1, "rm-one", cloudConfig));

        CommandResult result = SshTestClient.run(
                address, hosts.sshPort(), provisioning, pinned(hostKey.fingerprint()), "reboot --now");

        assertThat(result.exitStatus()).isEqualTo(127);
        assertThat(result.stderr()).isEqualTo("simulated host does not know: reboot --now");
    }

    @Test
    void failNextFailsTheMatchingCommandsOnlyAsOftenAsAsked() {
        hosts.boot(new HostSpec(1, "rm-one", cloudConfig));
        hosts.failNext(1, "apt-get", 100, 1);

        assertThat(hosts.host(1L).run("apt-get update").exitStatus()).isEqualTo(100);
        assertThat(hosts.host(1L).run("apt-get update").exitStatus()).isZero();
        assertThat(hosts.host(1L).run("id -u root").exitStatus()).isZero();
    }

    @Test
    void afterItsHostKeyIsReplacedAndSshReloadedTheHostPresentsOnlyTheNewKey() throws Exception {
        String address = hosts.boot(new HostSpec(1, "rm-one", cloudConfig));
        KeyPair ed25519 = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        ByteArrayOutputStream privateKey = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(ed25519, "new", null, privateKey);
        String newFingerprint = KeyUtils.getFingerPrint(BuiltinDigests.sha256, ed25519.getPublic());
        String key = "/etc/ssh/ssh_host_ed25519_key";

        CommandResult written = SshTestClient.run(
                address,
                hosts.sshPort(),
                provisioning,
                pinned(hostKey.fingerprint()),
                "touch " + key + " && chmod 600 " + key + " && cat > " + key
                        + " && printf '%s\\n' 'HostKey " + key + "' > /etc/ssh/sshd_config.d/00-host-key.conf"
                        + " && rm -f /etc/ssh/ssh_host_ecdsa_key /etc/ssh/ssh_host_ecdsa_key.pub && sshd -t",
                privateKey.toString(StandardCharsets.US_ASCII));
        assertThat(written.exitStatus()).as(written.stderr()).isZero();
        assertThat(SshTestClient.run(
                                address, hosts.sshPort(), provisioning, pinned(hostKey.fingerprint()), "id -u root")
                        .stdout())
                .as("sshd keeps its keys until it is reloaded")
                .isEqualTo("0\n");

        SshTestClient.run(
                address, hosts.sshPort(), provisioning, pinned(hostKey.fingerprint()), "systemctl reload ssh");

        CommandResult publicKey = SshTestClient.run(
                address, hosts.sshPort(), provisioning, pinned(newFingerprint), "ssh-keygen -y -f " + key);
        assertThat(publicKey.stdout()).startsWith(PublicKeyEntry.toString(ed25519.getPublic()) + " ");
        assertThatThrownBy(() -> SshTestClient.run(
                        address, hosts.sshPort(), provisioning, pinned(hostKey.fingerprint()), "id -u root"))
                .hasMessageContaining("Server key did not validate");
    }

    @Test
    void aCloudConfigWithoutHostKeysCannotBoot() {
        assertThatThrownBy(() -> hosts.boot(new HostSpec(
                        7, "rm-seven", "#cloud-config\nssh_authorized_keys:\n  - " + hostKeyLine() + "\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("droplet 7")
                .hasMessageContaining("ssh_keys");
        assertThatThrownBy(() -> hosts.boot(new HostSpec(8, "rm-eight", null)))
                .hasMessageContaining("not a #cloud-config");
    }

    private String hostKeyLine() {
        return HostKey.generate().publicKeyLine();
    }

    private static ServerKeyVerifier pinned(String fingerprint) {
        return (session, remote, key) ->
                KeyUtils.getFingerPrint(BuiltinDigests.sha256, key).equals(fingerprint);
    }
}
