package dev.rainmaker.hostaccess.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.rainmaker.events.Droplet;
import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.hostaccess.CommandTimedOut;
import dev.rainmaker.hostaccess.FinalHostKey;
import dev.rainmaker.hostaccess.FirstLoginShell;
import dev.rainmaker.hostaccess.HostKeyMismatch;
import dev.rainmaker.hostaccess.HostShell;
import dev.rainmaker.hostaccess.LoginRefused;
import dev.rainmaker.localcloud.hosts.HostKey;
import dev.rainmaker.localcloud.hosts.ProvisioningKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The SSH adapter against OpenSSH's own sshd, started by the test on a free port of 127.0.0.1 with a configuration of
 * its own (host key, authorized keys, no PAM). Skipped where sshd is not installed, or where the test does not run as
 * root: the adapter logs in as root, which only an sshd running as root can let in.
 */
class RealSshdTests {

    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    /** sshd's privilege separation directory, which its init script creates at boot. */
    private static final Path PRIVSEP_DIR = Path.of("/run/sshd");

    @TempDir
    Path dir;

    private ProvisioningKey key;
    private Process sshd;
    private int port;
    private SshHostShells shells;

    @BeforeEach
    void requireSshdAsRoot() throws Exception {
        assumeTrue(Files.isExecutable(SSHD), "OpenSSH's sshd is not installed here (" + SSHD + ")");
        assumeTrue(
                "root".equals(System.getProperty("user.name")),
                "sshd lets root log in only when it runs as root, and this test runs as "
                        + System.getProperty("user.name"));
        key = ProvisioningKey.createOrReuse(dir.resolve("keys"));
    }

    @AfterEach
    void stop() throws Exception {
        if (shells != null) {
            shells.close();
        }
        if (sshd != null) {
            sshd.destroy();
            sshd.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void runsCommandsWithTheirExitStatusOutputAndStandardInput() throws Exception {
        HostKey hostKey = HostKey.generate();
        start(writeHostKey(hostKey), key.publicKeyLine());
        Path note = dir.resolve("note");

        try (FirstLoginShell shell = shells(Duration.ofSeconds(10))
                .openFirstLogin(
                        droplet(hostKey.fingerprint()), HostKey.generate().fingerprint())) {
            assertThat(shell.presentedHostKeyFingerprint()).isEqualTo(hostKey.fingerprint());
            assertThat(shell.run("id -u")).isEqualTo(new CommandOutput(0, "0\n", ""));
            assertThat(shell.run("exit 3").exitStatus()).isEqualTo(3);
            assertThat(shell.run("cat > " + note, "line one\nline two\n".getBytes(StandardCharsets.UTF_8))
                            .exitStatus())
                    .isZero();
            assertThat(shell.run("cat " + note).stdout()).isEqualTo("line one\nline two\n");
        }
    }

    @Test
    void aHostServingItsDerivedKeyIsAcceptedAtFirstLoginAndPinnedAfterwards() throws Exception {
        FinalHostKey derived = new DerivedHostKeys(new ProvisioningKeyFile(key.privateKeyFile())).forDroplet(7);
        Path keyFile = dir.resolve("ssh_host_ed25519_key");
        Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(keyFile, derived.privateKeyFile());
        start(keyFile, key.publicKeyLine());
        String bootKey = HostKey.generate().fingerprint();

        try (FirstLoginShell shell =
                shells(Duration.ofSeconds(10)).openFirstLogin(droplet(bootKey), derived.fingerprint())) {
            assertThat(shell.presentedHostKeyFingerprint()).isEqualTo(derived.fingerprint());
        }
        try (HostShell shell = shells.open(droplet(derived.fingerprint()))) {
            assertThat(shell.run("true").succeeded()).isTrue();
        }
    }

    @Test
    void refusesAHostWhoseKeyIsNotThePinnedOne() throws Exception {
        HostKey hostKey = HostKey.generate();
        start(writeHostKey(hostKey), key.publicKeyLine());
        String pinned = HostKey.generate().fingerprint();

        assertThatThrownBy(() -> shells(Duration.ofSeconds(10)).open(droplet(pinned)))
                .isInstanceOf(HostKeyMismatch.class)
                .hasMessageContaining("presented host key " + hostKey.fingerprint())
                .hasMessageContaining("not the pinned " + pinned);
    }

    @Test
    void aLoginRefusedForTheProvisioningKeyFailsAtOnce() throws Exception {
        HostKey hostKey = HostKey.generate();
        start(writeHostKey(hostKey), HostKey.generate().publicKeyLine());

        long started = System.nanoTime();
        assertThatThrownBy(() -> shells(Duration.ofSeconds(10)).open(droplet(hostKey.fingerprint())))
                .isInstanceOf(LoginRefused.class)
                .hasMessageContaining("refused root login with the provisioning key")
                .hasMessageNotContaining("PRIVATE KEY");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aCommandThatOutlivesItsTimeoutIsCommandTimedOut() throws Exception {
        HostKey hostKey = HostKey.generate();
        start(writeHostKey(hostKey), key.publicKeyLine());

        try (HostShell shell = shells(Duration.ofSeconds(1)).open(droplet(hostKey.fingerprint()))) {
            assertThatThrownBy(() -> shell.run("sleep 5"))
                    .isInstanceOf(CommandTimedOut.class)
                    .hasMessage("a command on " + shell.host() + " did not finish within PT1S: sleep 5");
        }
    }

    private Path writeHostKey(HostKey hostKey) throws IOException {
        Path file = dir.resolve("ssh_host_ecdsa_key");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(
                    hostKey.keyPair(), "test", (OpenSSHKeyEncryptionContext) null, out);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }

    /** sshd in the foreground; the adapter's own retries wait for it to listen. */
    private void start(Path hostKeyFile, String authorizedKey) throws IOException {
        Files.createDirectories(PRIVSEP_DIR);
        Path authorizedKeys = dir.resolve("authorized_keys");
        Files.writeString(authorizedKeys, authorizedKey + "\n");
        port = freePort();
        Path config = dir.resolve("sshd_config");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "ListenAddress 127.0.0.1:" + port,
                        "HostKey " + hostKeyFile,
                        "AuthorizedKeysFile " + authorizedKeys,
                        "PermitRootLogin prohibit-password",
                        "PasswordAuthentication no",
                        "KbdInteractiveAuthentication no",
                        "UsePAM no",
                        "StrictModes no",
                        "PidFile none",
                        ""));
        sshd = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sshd.log").toFile())
                .start();
    }

    private SshHostShells shells(Duration commandTimeout) {
        shells = new SshHostShells(
                new SshSettings(
                        port,
                        Duration.ofSeconds(5),
                        commandTimeout,
                        new RetryPolicy(Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofMillis(400))),
                new ProvisioningKeyFile(key.privateKeyFile()),
                new SimpleMeterRegistry());
        return shells;
    }

    private static Droplet droplet(String fingerprint) {
        return new Droplet(1, "rm-1", "127.0.0.1", "fra1", "debian-12-x64", "s-1vcpu-1gb", fingerprint);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
