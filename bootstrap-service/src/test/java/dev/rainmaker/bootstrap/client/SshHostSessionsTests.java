package dev.rainmaker.bootstrap.client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.rainmaker.bootstrap.config.SshConfig;
import dev.rainmaker.bootstrap.domain.CommandOutput;
import dev.rainmaker.bootstrap.service.FirstLoginSession;
import dev.rainmaker.bootstrap.service.HardeningFailure;
import dev.rainmaker.bootstrap.service.HostSession;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.localcloud.hosts.HostKey;
import dev.rainmaker.localcloud.hosts.HostSpec;
import dev.rainmaker.localcloud.hosts.ProvisioningKey;
import dev.rainmaker.localcloud.hosts.SimulatedHosts;
import dev.rainmaker.localcloud.hosts.TestCloudConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SshHostSessionsTests {

    @TempDir
    Path keys;

    private final SimulatedHosts hosts = SimulatedHosts.onFreePort();

    @AfterEach
    void shutdown() {
        hosts.close();
    }

    @Test
    void runsCommandsAndReturnsTheirExitStatusAndOutput() {
        HostKey hostKey = HostKey.generate();
        ProvisioningKey key = ProvisioningKey.createOrReuse(keys);
        String address =
                hosts.boot(new HostSpec(1, "rm-1", TestCloudConfig.render(hostKey, List.of(key.publicKeyLine()))));

        try (HostSession session =
                sessions(key.privateKeyFile(), Duration.ofSeconds(5)).open(droplet(address, hostKey.fingerprint()))) {
            assertThat(session.run("id -u root")).isEqualTo(new CommandOutput(0, "0\n", ""));
            assertThat(session.run("id -u nobody-here").exitStatus()).isEqualTo(1);
        }
    }

    @Test
    void aFirstLoginAcceptsTheBootKeySaysSoAndHandsACommandItsStandardInput() {
        HostKey hostKey = HostKey.generate();
        ProvisioningKey key = ProvisioningKey.createOrReuse(keys);
        String address =
                hosts.boot(new HostSpec(1, "rm-1", TestCloudConfig.render(hostKey, List.of(key.publicKeyLine()))));
        String finalKey = HostKey.generate().fingerprint();

        try (FirstLoginSession session = sessions(key.privateKeyFile(), Duration.ofSeconds(5))
                .openAcceptingFinalKey(droplet(address, hostKey.fingerprint()), finalKey)) {
            assertThat(session.presentedHostKeyFingerprint()).isEqualTo(hostKey.fingerprint());
            assertThat(session.run("cat > /root/note", "line one\nline two\n".getBytes(StandardCharsets.UTF_8))
                            .exitStatus())
                    .isZero();
            assertThat(session.run("cat /root/note").stdout()).isEqualTo("line one\nline two\n");
        }
    }

    @Test
    void aFirstLoginRefusesAHostPresentingNeitherItsBootKeyNorItsFinalKey() {
        HostKey hostKey = HostKey.generate();
        ProvisioningKey key = ProvisioningKey.createOrReuse(keys);
        String address =
                hosts.boot(new HostSpec(1, "rm-1", TestCloudConfig.render(hostKey, List.of(key.publicKeyLine()))));
        String boot = HostKey.generate().fingerprint();
        String finalKey = HostKey.generate().fingerprint();

        assertThatThrownBy(() -> sessions(key.privateKeyFile(), Duration.ofSeconds(5))
                        .openAcceptingFinalKey(droplet(address, boot), finalKey))
                .isInstanceOf(HardeningFailure.class)
                .hasMessageContaining("host key mismatch on droplet 1")
                .hasMessageContaining(boot + " (its boot key, pinned at create) or " + finalKey)
                .hasMessageContaining("presented " + hostKey.fingerprint());
        assertThat(hosts.commands(1)).isEmpty();
    }

    @Test
    void aHostThatNeverAnswersFailsOnceTheConnectBudgetIsSpent() {
        ProvisioningKey key = ProvisioningKey.createOrReuse(keys);

        assertThatThrownBy(() -> sessions(key.privateKeyFile(), Duration.ofSeconds(1))
                        .open(droplet("127.10.250.1", HostKey.generate().fingerprint())))
                .isInstanceOf(HardeningFailure.class)
                .hasMessageContaining("no SSH answer from droplet 1 at 127.10.250.1")
                .hasMessageContaining("PT1S");
    }

    @Test
    void aLoginRefusedForTheProvisioningKeyFailsAtOnceWithoutShowingTheKey() throws Exception {
        HostKey hostKey = HostKey.generate();
        String address = hosts.boot(new HostSpec(
                1,
                "rm-1",
                TestCloudConfig.render(hostKey, List.of(HostKey.generate().publicKeyLine()))));
        ProvisioningKey key = ProvisioningKey.createOrReuse(keys);

        assertThatThrownBy(() -> sessions(key.privateKeyFile(), Duration.ofSeconds(30))
                        .open(droplet(address, hostKey.fingerprint())))
                .isInstanceOf(HardeningFailure.class)
                .hasMessageContaining("cannot log in to droplet 1")
                .hasMessageNotContaining("PRIVATE KEY");
    }

    private SshHostSessions sessions(Path privateKeyFile, Duration budget) {
        SshConfig config = new SshConfig() {
            @Override
            public int port() {
                return hosts.sshPort();
            }

            @Override
            public Path privateKeyFile() {
                return privateKeyFile;
            }

            @Override
            public Duration connectBudget() {
                return budget;
            }

            @Override
            public Duration initialRetryDelay() {
                return Duration.ofMillis(100);
            }

            @Override
            public Duration maxRetryDelay() {
                return Duration.ofMillis(400);
            }

            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(5);
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
        return new SshHostSessions(config, new ProvisioningIdentity(config));
    }

    private static Droplet droplet(String address, String fingerprint) {
        return new Droplet(1, "rm-1", address, "fra1", "debian-12-x64", "s-1vcpu-1gb", fingerprint);
    }
}
