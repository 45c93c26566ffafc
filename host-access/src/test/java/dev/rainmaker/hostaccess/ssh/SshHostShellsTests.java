package dev.rainmaker.hostaccess.ssh;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.rainmaker.events.Droplet;
import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.hostaccess.CommandTimedOut;
import dev.rainmaker.hostaccess.FirstLoginShell;
import dev.rainmaker.hostaccess.HostKeyMismatch;
import dev.rainmaker.hostaccess.HostShell;
import dev.rainmaker.hostaccess.HostUnreachable;
import dev.rainmaker.hostaccess.LoginRefused;
import dev.rainmaker.localcloud.hosts.HostKey;
import dev.rainmaker.localcloud.hosts.HostSpec;
import dev.rainmaker.localcloud.hosts.ProvisioningKey;
import dev.rainmaker.localcloud.hosts.SimulatedHosts;
import dev.rainmaker.localcloud.hosts.TestCloudConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SSH adapter against local-cloud's simulated hosts: Apache SSHD servers on loopback addresses. */
class SshHostShellsTests {

    @TempDir
    Path keys;

    private final SimulatedHosts hosts = SimulatedHosts.onFreePort();
    private ProvisioningKey key;
    private SshHostShells shells;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void writeProvisioningKey() {
        key = ProvisioningKey.createOrReuse(keys);
    }

    @AfterEach
    void shutdown() {
        if (shells != null) {
            shells.close();
        }
        hosts.close();
    }

    @Test
    void runsCommandsOnThePinnedHostAndReturnsTheirExitStatusAndOutput() {
        HostKey hostKey = HostKey.generate();
        String address = boot(1, hostKey, key.publicKeyLine());
        shells = shells(Duration.ofSeconds(5), Duration.ofSeconds(10));

        try (HostShell shell = shells.open(droplet(address, hostKey.fingerprint()))) {
            assertThat(shell.run("id -u root")).isEqualTo(new CommandOutput(0, "0\n", ""));
            assertThat(shell.run("id -u nobody-here").exitStatus()).isEqualTo(1);
            assertThat(shell.run("systemctl is-active nginx")).isEqualTo(new CommandOutput(3, "inactive\n", ""));
            assertThat(shell.run("frobnicate").exitStatus()).isEqualTo(127);
            assertThat(shell.host()).isEqualTo("droplet rm-1 (" + address + ":" + hosts.sshPort() + ")");
        }
    }

    @Test
    void aFirstLoginAcceptsTheBootKeySaysSoAndHandsACommandItsStandardInput() {
        HostKey hostKey = HostKey.generate();
        String address = boot(1, hostKey, key.publicKeyLine());
        String finalKey = HostKey.generate().fingerprint();
        shells = shells(Duration.ofSeconds(5), Duration.ofSeconds(10));

        try (FirstLoginShell shell = shells.openFirstLogin(droplet(address, hostKey.fingerprint()), finalKey)) {
            assertThat(shell.presentedHostKeyFingerprint()).isEqualTo(hostKey.fingerprint());
            assertThat(shell.run("cat > /root/note", "line one\nline two\n".getBytes(StandardCharsets.UTF_8))
                            .exitStatus())
                    .isZero();
            assertThat(shell.run("cat /root/note").stdout()).isEqualTo("line one\nline two\n");
        }
    }

    @Test
    void aFirstLoginRefusesAHostPresentingNeitherItsBootKeyNorItsFinalKey() {
        HostKey hostKey = HostKey.generate();
        String address = boot(1, hostKey, key.publicKeyLine());
        String boot = HostKey.generate().fingerprint();
        String finalKey = HostKey.generate().fingerprint();
        shells = shells(Duration.ofSeconds(5), Duration.ofSeconds(10));

        assertThatThrownBy(() -> shells.openFirstLogin(droplet(address, boot), finalKey))
                .isInstanceOf(HostKeyMismatch.class)
                .hasMessageContaining("host key mismatch on droplet rm-1 (" + address + ":")
                .hasMessageContaining(boot + " (its boot key, pinned at create) or " + finalKey)
                .hasMessageContaining("but the host presented " + hostKey.fingerprint());
        assertThat(hosts.commands(1)).isEmpty();
    }

    @Test
    void refusesAHostWhoseKeyIsNotThePinnedOne() {
        HostKey hostKey = HostKey.generate();
        String address = boot(1, hostKey, key.publicKeyLine());
        shells = shells(Duration.ofSeconds(5), Duration.ofSeconds(10));

        assertThatThrownBy(() -> shells.open(droplet(address, "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")))
                .isInstanceOf(HostKeyMismatch.class)
                .hasMessageContaining("presented host key " + hostKey.fingerprint())
                .hasMessageContaining("not the pinned SHA256:AAAA");
        assertThat(hosts.commands(1)).isEmpty();
        assertThat(failures("host-key-mismatch")).isEqualTo(1);
    }

    @Test
    void keepsTryingAHostThatIsStillBootingWithinTheBudget() {
        HostKey hostKey = HostKey.generate();
        hosts.refuseConnections(1, Duration.ofMillis(1500));
        String address = boot(1, hostKey, key.publicKeyLine());
        shells = shells(Duration.ofSeconds(20), Duration.ofSeconds(10));

        try (HostShell shell = shells.open(droplet(address, hostKey.fingerprint()))) {
            assertThat(shell.run("dpkg -s nginx").exitStatus()).isEqualTo(1);
        }
        assertThat(failures("not-yet")).isPositive();
        assertThat(meters.get("rainmaker.ssh.logins").counter().count()).isEqualTo(1);
    }

    @Test
    void givesUpOnAHostThatNeverAnswersOnceTheBudgetIsSpentCountingItsAttempts() {
        shells = shells(Duration.ofSeconds(1), Duration.ofSeconds(10));

        assertThatThrownBy(() ->
                        shells.open(droplet("127.10.250.1", HostKey.generate().fingerprint())))
                .isInstanceOf(HostUnreachable.class)
                .hasMessageContaining(
                        "could not reach droplet rm-1 (127.10.250.1:" + hosts.sshPort() + ") over SSH within PT1S")
                .satisfies(failure -> assertThat(((HostUnreachable) failure).attempts())
                        .as("attempts counted for the dead-letter headers")
                        .isGreaterThan(1));
        assertThat(failures("unreachable")).isEqualTo(1);
        assertThat(meters.find("rainmaker.ssh.logins").counter()).isNull();
    }

    @Test
    void aLoginRefusedForTheProvisioningKeyFailsAtOnceWithoutShowingTheKey() {
        HostKey hostKey = HostKey.generate();
        String address = boot(1, hostKey, HostKey.generate().publicKeyLine());
        shells = shells(Duration.ofSeconds(30), Duration.ofSeconds(10));

        long started = System.nanoTime();
        assertThatThrownBy(() -> shells.open(droplet(address, hostKey.fingerprint())))
                .isInstanceOf(LoginRefused.class)
                .hasMessageContaining("droplet rm-1 (" + address + ":" + hosts.sshPort()
                        + ") refused root login with the provisioning key")
                .hasMessageNotContaining("PRIVATE KEY");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(failures("login-refused")).isEqualTo(1);
    }

    private double failures(String reason) {
        return meters.get("rainmaker.ssh.connect-failures")
                .tag("reason", reason)
                .counter()
                .count();
    }

    @Test
    void aCommandThatOutlivesItsTimeoutIsCommandTimedOutNamingHostCommandAndTimeout() {
        HostKey hostKey = HostKey.generate();
        String address = boot(1, hostKey, key.publicKeyLine());
        shells = shells(Duration.ofSeconds(5), Duration.ofMillis(500));
        String longCommand = "DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx php-fpm"
                + " mariadb-server memcached munin-node";

        try (HostShell shell = shells.open(droplet(address, hostKey.fingerprint()))) {
            hosts.setCommandLatency(Duration.ofSeconds(3));
            assertThatThrownBy(() -> shell.run(longCommand))
                    .isInstanceOfSatisfying(CommandTimedOut.class, timedOut -> {
                        assertThat(timedOut.timeout()).isEqualTo(Duration.ofMillis(500));
                        assertThat(timedOut.host()).isEqualTo(shell.host());
                        assertThat(timedOut.commandStart()).isEqualTo(longCommand.substring(0, 60) + "...");
                    })
                    .hasMessage("a command on " + shell.host() + " did not finish within PT0.5S: "
                            + longCommand.substring(0, 60) + "...");
        }
    }

    private String boot(long dropletId, HostKey hostKey, String authorizedKey) {
        return hosts.boot(
                new HostSpec(dropletId, "rm-" + dropletId, TestCloudConfig.render(hostKey, List.of(authorizedKey))));
    }

    private SshHostShells shells(Duration budget, Duration commandTimeout) {
        SshSettings settings = new SshSettings(
                hosts.sshPort(),
                Duration.ofSeconds(5),
                commandTimeout,
                new RetryPolicy(budget, Duration.ofMillis(100), Duration.ofMillis(400)));
        return new SshHostShells(settings, new ProvisioningKeyFile(key.privateKeyFile()), meters);
    }

    private static Droplet droplet(String address, String fingerprint) {
        return new Droplet(1, "rm-1", address, "fra1", "debian-12-x64", "s-1vcpu-1gb", fingerprint);
    }
}
