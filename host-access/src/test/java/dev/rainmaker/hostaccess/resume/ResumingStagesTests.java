package dev.rainmaker.hostaccess.resume;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.FailureKind;
import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.hostaccess.HostKeyMismatch;
import dev.rainmaker.hostaccess.HostShell;
import dev.rainmaker.hostaccess.HostShells;
import dev.rainmaker.hostaccess.HostUnreachable;
import dev.rainmaker.hostaccess.StageBudgetSpent;
import dev.rainmaker.hostaccess.ssh.ProvisioningKeyFile;
import dev.rainmaker.hostaccess.ssh.RetryPolicy;
import dev.rainmaker.hostaccess.ssh.SshHostShells;
import dev.rainmaker.hostaccess.ssh.SshSettings;
import dev.rainmaker.localcloud.hosts.HostKey;
import dev.rainmaker.localcloud.hosts.HostSpec;
import dev.rainmaker.localcloud.hosts.ProvisioningKey;
import dev.rainmaker.localcloud.hosts.SimulatedHost;
import dev.rainmaker.localcloud.hosts.SimulatedHosts;
import dev.rainmaker.localcloud.hosts.TestCloudConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A stage that resumes, against local-cloud's simulated hosts made slow. */
class ResumingStagesTests {

    private static final String INSTALL = "DEBIAN_FRONTEND=noninteractive apt-get install";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(700);

    @TempDir
    Path keys;

    private final SimulatedHosts hosts = SimulatedHosts.onFreePort();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private ProvisioningKey key;
    private SshHostShells shells;
    private HostKey hostKey;
    private SimulatedHost host;
    private Droplet droplet;

    @BeforeEach
    void bootOneHost() {
        key = ProvisioningKey.createOrReuse(keys);
        shells = new SshHostShells(
                new SshSettings(
                        hosts.sshPort(),
                        Duration.ofSeconds(5),
                        COMMAND_TIMEOUT,
                        new RetryPolicy(Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofMillis(300))),
                new ProvisioningKeyFile(key.privateKeyFile()),
                new SimpleMeterRegistry());
        hostKey = HostKey.generate();
        String address =
                hosts.boot(new HostSpec(7, "rm-acme-7", TestCloudConfig.render(hostKey, List.of(key.publicKeyLine()))));
        host = hosts.host(address);
        droplet = new Droplet(7, "rm-acme-7", address, "fra1", "debian-12-x64", "s-1vcpu-1gb", hostKey.fingerprint());
    }

    @AfterEach
    void shutdown() {
        shells.close();
        hosts.close();
    }

    @Test
    void anInstallThatOutlivesTheCommandTimeoutOnceIsWaitedForAndTheStageResumesAndEndsDone() {
        host.outliveOnce(INSTALL, Duration.ofSeconds(3));

        String outcome = stages(Duration.ofSeconds(30)).run("stack", droplet, this::installNginx);

        assertThat(outcome).isEqualTo("nginx installed");
        assertThat(host.commands())
                .as("the install, looking at apt-get while it runs on, then the stage again")
                .containsSubsequence(
                        INSTALL + " -y nginx", HostActivity.RUNNING, HostActivity.RUNNING, "dpkg-query -W nginx");
        assertThat(host.commands()).filteredOn(c -> c.startsWith(INSTALL)).hasSize(1);
        assertThat(counter("rainmaker.host.resumptions", "cause", "command-timed-out"))
                .isEqualTo(1);
        assertThat(counter("rainmaker.host.waits", "activity", "apt-get")).isEqualTo(1);
        assertThat(registry.get("rainmaker.host.waiting").gauge().value()).isZero();
        assertThat(registry.get("rainmaker.host.stage")
                        .tag("outcome", "done")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void anInstallThatHangsPastTheStageBudgetEndsInBudgetSpentSayingWhatTheHostWasDoingAndWhy() {
        host.hangForever(INSTALL);

        assertThatThrownBy(() -> stages(Duration.ofSeconds(4)).run("stack", droplet, this::installNginx))
                .isInstanceOfSatisfying(StageBudgetSpent.class, spent -> {
                    assertThat(spent.failureKind()).isEqualTo(FailureKind.BUDGET_SPENT);
                    assertThat(spent.attempts()).isEqualTo(1);
                    assertThat(spent.getMessage().split("is spent"))
                            .as("said once")
                            .hasSize(2);
                })
                .hasMessageContaining("resumed once")
                .hasMessageContaining("the stack stage budget of PT4S on droplet rm-acme-7 is spent")
                .hasMessageContaining("the host was last seen apt-get still running")
                .hasMessageContaining("did not finish within " + COMMAND_TIMEOUT);
        assertThat(registry.get("rainmaker.host.stage")
                        .tag("outcome", "budget-spent")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("rainmaker.host.waiting").gauge().value()).isZero();
    }

    @Test
    void anInterruptedDpkgIsCompletedWithConfigureAllBeforeTheStageResumes() {
        host.run(INSTALL + " -y memcached");
        host.interruptDpkg("memcached");

        String outcome = stages(Duration.ofSeconds(30)).run("stack", droplet, this::installNginx);

        assertThat(outcome).isEqualTo("nginx installed");
        assertThat(host.commands())
                .containsSubsequence(
                        INSTALL + " -y nginx", HostActivity.AUDIT, HostActivity.REPAIR, INSTALL + " -y nginx");
        assertThat(host.state().packages).containsKeys("nginx", "memcached");
        assertThat(counter("rainmaker.host.resumptions", "cause", "host-not-quiet"))
                .isEqualTo(1);
        assertThat(registry.get("rainmaker.host.dpkg.repairs").counter().count())
                .isEqualTo(1);
    }

    @Test
    void aFailureOnAQuietHostIsPermanentAtOnce() {
        IllegalStateException missing = new IllegalStateException("E: Unable to locate package nginx-extra");

        assertThatThrownBy(() -> stages(Duration.ofSeconds(30)).run("stack", droplet, opened -> {
                    try (HostShell shell = opened.open(droplet)) {
                        shell.run("id -u root");
                        throw missing;
                    }
                }))
                .isSameAs(missing);
        assertThat(registry.find("rainmaker.host.resumptions").counter()).isNull();
        assertThat(registry.get("rainmaker.host.stage")
                        .tag("outcome", "permanent")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aRefusedHostKeyAndAHostNeverReachedAreNotResumed() {
        Droplet impostor = new Droplet(
                7, "rm-acme-7", droplet.publicIpv4(), "fra1", "debian-12-x64", "s-1vcpu-1gb", "SHA256:other");
        Droplet nowhere =
                new Droplet(8, "rm-acme-8", "127.0.0.1", "fra1", "debian-12-x64", "s-1vcpu-1gb", "SHA256:none");
        ResumingStages stages = stages(Duration.ofSeconds(30));

        assertThatThrownBy(() -> stages.run("hardening", impostor, opened -> opened.open(impostor)))
                .isInstanceOf(HostKeyMismatch.class);
        assertThatThrownBy(() -> stages.run("hardening", nowhere, opened -> opened.open(nowhere)))
                .isInstanceOf(HostUnreachable.class);
        assertThat(registry.find("rainmaker.host.resumptions").counter()).isNull();
    }

    /** A stack step: checks, installs when missing, checks again; a failed install ends the attempt. */
    private String installNginx(HostShells opened) {
        try (HostShell shell = opened.open(droplet)) {
            if (!shell.run("dpkg-query -W nginx").succeeded()) {
                CommandOutput installed = shell.run(INSTALL + " -y nginx");
                if (!installed.succeeded()) {
                    throw new IllegalStateException("installing nginx failed: " + installed.describe());
                }
            }
            return shell.run("dpkg-query -W nginx").succeeded() ? "nginx installed" : "nginx missing";
        }
    }

    private ResumingStages stages(Duration budget) {
        return new ResumingStages(
                shells, new RetryPolicy(budget, Duration.ofMillis(100), Duration.ofMillis(500)), registry);
    }

    private double counter(String name, String tag, String value) {
        return registry.get(name).tag(tag, value).counter().count();
    }
}
