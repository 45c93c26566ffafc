package dev.rainmaker.stack.client;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.rainmaker.events.Droplet;
import dev.rainmaker.stack.config.SshConfig;
import dev.rainmaker.stack.domain.CommandOutput;
import dev.rainmaker.stack.service.HostShell;
import dev.rainmaker.stack.service.PermanentFailure;
import dev.rainmaker.stack.testhost.TestSshHost;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SshHostConnectorTests {

    private static final String ADDRESS = "127.0.0.3";

    @TempDir
    Path dir;

    private KeyPair provisioning;
    private Path keyFile;
    private TestSshHost host;
    private SshHostConnector connector;

    @BeforeEach
    void writeProvisioningKey() throws Exception {
        provisioning = TestSshHost.ecKeyPair();
        keyFile = dir.resolve("id_ecdsa");
        try (OutputStream out = Files.newOutputStream(keyFile)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(
                    provisioning, "test", (OpenSSHKeyEncryptionContext) null, out);
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (connector != null) {
            connector.stop();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void runsCommandsOnThePinnedHostAndReturnsTheirExitStatus() throws Exception {
        host = TestSshHost.start(ADDRESS, 0, provisioning.getPublic());
        connector = connector(host.port(), Duration.ofSeconds(5));

        try (HostShell shell = connector.connect(droplet(host.hostKeyFingerprint()))) {
            assertThat(shell.run("systemctl is-active nginx")).isEqualTo(new CommandOutput(3, "inactive\n", ""));
            assertThat(shell.run("frobnicate").exitStatus()).isEqualTo(127);
            assertThat(shell.host()).isEqualTo("droplet rm-test (" + ADDRESS + ":" + host.port() + ")");
        }
    }

    @Test
    void keepsTryingAHostThatIsStillBootingWithinTheBudget() throws Exception {
        int port = freePort();
        KeyPair hostKey = TestSshHost.ecKeyPair();
        String fingerprint = KeyUtils.getFingerPrint(BuiltinDigests.sha256, hostKey.getPublic());
        CompletableFuture<TestSshHost> booting = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return TestSshHost.start(ADDRESS, port, provisioning.getPublic(), hostKey);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS));
        connector = connector(port, Duration.ofSeconds(20));

        try (HostShell shell = connector.connect(droplet(fingerprint))) {
            host = booting.get(10, TimeUnit.SECONDS);
            assertThat(shell.run("dpkg -s nginx").exitStatus()).isEqualTo(1);
        }
    }

    @Test
    void givesUpOnAnUnreachableHostOnceTheBudgetIsSpent() throws Exception {
        int port = freePort();
        connector = connector(port, Duration.ofSeconds(2));

        assertThatThrownBy(() -> connector.connect(droplet("SHA256:whatever")))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining(
                        "could not reach droplet rm-test (" + ADDRESS + ":" + port + ") over SSH within PT2S")
                .satisfies(failure -> assertThat(((PermanentFailure) failure).attempts())
                        .as("attempts counted for the dead-letter headers")
                        .isGreaterThan(1));
    }

    @Test
    void refusesAHostWhoseKeyIsNotThePinnedOne() throws Exception {
        host = TestSshHost.start(ADDRESS, 0, provisioning.getPublic());
        connector = connector(host.port(), Duration.ofSeconds(5));

        assertThatThrownBy(() -> connector.connect(droplet("SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("presented host key " + host.hostKeyFingerprint())
                .hasMessageContaining("not the pinned SHA256:AAAA");
    }

    @Test
    void failsAtOnceWhenRootLoginWithTheKeyIsRefused() throws Exception {
        host = TestSshHost.start(ADDRESS, 0, TestSshHost.ecKeyPair().getPublic());
        connector = connector(host.port(), Duration.ofSeconds(30));

        long started = System.nanoTime();
        assertThatThrownBy(() -> connector.connect(droplet(host.hostKeyFingerprint())))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("refused root login with the provisioning key");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    private SshHostConnector connector(int port, Duration budget) {
        SshConfig config = new SshConfig() {
            @Override
            public int port() {
                return port;
            }

            @Override
            public Path privateKeyFile() {
                return keyFile;
            }

            @Override
            public Duration connectBudget() {
                return budget;
            }

            @Override
            public Duration commandTimeout() {
                return Duration.ofSeconds(10);
            }

            @Override
            public int maxHostsAtOnce() {
                return 100;
            }
        };
        return new SshHostConnector(config, new ProvisioningKey(config));
    }

    private static Droplet droplet(String fingerprint) {
        return new Droplet(1L, "rm-test", ADDRESS, "fra1", "debian-12-x64", "s-1vcpu-1gb", fingerprint);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(ADDRESS))) {
            return socket.getLocalPort();
        }
    }
}
