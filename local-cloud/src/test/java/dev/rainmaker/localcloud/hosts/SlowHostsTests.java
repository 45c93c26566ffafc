package dev.rainmaker.localcloud.hosts;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.rainmaker.localcloud.hosts.model.CommandResult;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The simulated hosts' knobs for slow hosts: a delay per command, commands that outlive a timeout or never end. */
class SlowHostsTests {

    private static final String INSTALL = "DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx";

    @TempDir
    Path keys;

    private SimulatedHosts hosts;
    private KeyPair provisioning;
    private String cloudConfig;

    @BeforeEach
    void bootstrap() throws Exception {
        hosts = SimulatedHosts.onFreePort();
        ProvisioningKey key = ProvisioningKey.createOrReuse(keys);
        provisioning = SshTestClient.load(key.privateKeyFile());
        cloudConfig = TestCloudConfig.render(HostKey.generate(), List.of(key.publicKeyLine()));
    }

    @AfterEach
    void shutdown() {
        hosts.close();
    }

    @Test
    void aSlowedDownHostTakesItsDelayOnEveryCommandAndTheOthersDoNot() {
        hosts.boot(new HostSpec(1, "rm-slow", cloudConfig));
        hosts.boot(new HostSpec(2, "rm-quick", cloudConfig));
        hosts.slowDown(1, Duration.ofMillis(400));

        assertThat(timed(() -> hosts.host(1).run("id -u root"))).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(timed(() -> hosts.host(2).run("id -u root"))).isLessThan(Duration.ofMillis(300));
    }

    @Test
    void theSetUpForEveryBootIsAppliedToEachHostAsItBoots() {
        hosts.atEveryBoot(host -> host.slowDown(host.dropletId() % 2 == 1 ? Duration.ofMillis(400) : Duration.ZERO));

        hosts.boot(new HostSpec(1, "rm-odd", cloudConfig));
        hosts.boot(new HostSpec(2, "rm-even", cloudConfig));

        assertThat(timed(() -> hosts.host(1).run("id -u root"))).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(timed(() -> hosts.host(2).run("id -u root"))).isLessThan(Duration.ofMillis(300));
    }

    @Test
    void anInstallThatOutlivesTheClientsTimeoutRunsOnShowsAsRunningHoldsTheLockAndThenCompletes() throws Exception {
        String address = hosts.boot(new HostSpec(1, "rm-slow-apt", cloudConfig));
        hosts.outliveOnce(1, "DEBIAN_FRONTEND=noninteractive apt-get install", Duration.ofSeconds(3));

        Optional<CommandResult> timedOut = ssh(address, INSTALL, Duration.ofMillis(500));

        assertThat(timedOut).as("the install within the client's 500 ms").isEmpty();
        CommandResult running = ssh(address, "pgrep -a -x apt-get");
        assertThat(running.exitStatus()).as("pgrep while the install runs on").isZero();
        assertThat(running.stdout()).matches("\\d+ apt-get install -y -q nginx\n");
        String pid = running.stdout().split(" ")[0];
        assertThat(ssh(address, "fuser /var/lib/dpkg/lock-frontend").stdout().strip())
                .as("who holds dpkg's lock")
                .isEqualTo(pid);
        assertThat(ssh(address, "dpkg-query -W nginx").exitStatus())
                .as("nginx installed before apt-get ended")
                .isOne();
        CommandResult second = ssh(address, INSTALL);
        assertThat(second.exitStatus()).as("a second install meanwhile").isEqualTo(100);
        assertThat(hosts.host(1).run(INSTALL).stderr())
                .contains(
                        "Could not get lock /var/lib/dpkg/lock-frontend. It is held by process " + pid + " (apt-get)");
        assertThat(ssh(address, "dpkg --configure -a").exitStatus()).isEqualTo(2);

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(ssh(address, "pgrep -x apt-get").exitStatus())
                        .as("pgrep after the install ended")
                        .isOne());
        assertThat(ssh(address, "dpkg-query -W -f='${Package}' nginx").stdout()).isEqualTo("nginx");
        assertThat(ssh(address, "dpkg --configure -a").exitStatus()).isZero();
        assertThat(timed(() -> hosts.host(1).run(INSTALL)))
                .as("the same install once more: answered at once")
                .isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aCommandThatHangsForeverNeverEndsNorChangesTheHost() throws Exception {
        String address = hosts.boot(new HostSpec(1, "rm-stuck", cloudConfig));
        hosts.hangForever(address, "DEBIAN_FRONTEND=noninteractive apt-get install");

        assertThat(ssh(address, INSTALL, Duration.ofMillis(500))).isEmpty();
        Thread.sleep(1_000);

        assertThat(ssh(address, "pidof apt-get").exitStatus())
                .as("pidof apt-get a second later")
                .isZero();
        assertThat(ssh(address, INSTALL, Duration.ofSeconds(5)))
                .as("a second install: refused at once for the lock, not hanging too")
                .hasValueSatisfying(result -> assertThat(result.exitStatus()).isEqualTo(100));
        assertThat(ssh(address, "dpkg-query -W nginx").exitStatus()).isOne();
    }

    @Test
    void otherCommandsAnswerAsUsualWhileOneIsSlow() throws Exception {
        String address = hosts.boot(new HostSpec(1, "rm-slow-apt", cloudConfig));
        hosts.outliveOnce(address, "DEBIAN_FRONTEND=noninteractive apt-get install", Duration.ofSeconds(30));
        assertThat(ssh(address, INSTALL, Duration.ofMillis(300))).isEmpty();

        assertThat(timed(() -> hosts.host(1).run("apt-get update"))).isLessThan(Duration.ofSeconds(1));
        assertThat(hosts.host(1).run("pgrep -f nothing-of-the-kind").exitStatus())
                .isOne();
    }

    @Test
    void anInstallToldToWaitForDpkgsLockWaitsForItsHolderToEndThenRuns() throws Exception {
        String address = hosts.boot(new HostSpec(1, "rm-waits", cloudConfig));
        hosts.outliveOnce(address, "DEBIAN_FRONTEND=noninteractive apt-get install", Duration.ofSeconds(2));
        assertThat(ssh(address, INSTALL, Duration.ofMillis(300))).isEmpty();

        long started = System.nanoTime();
        CommandResult waited = hosts.host(1)
                .run("DEBIAN_FRONTEND=noninteractive apt-get install -y -q -oDPkg::Lock::Timeout=10 memcached");

        assertThat(waited.exitStatus()).as(waited.stderr()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(1000));
        assertThat(hosts.host(1).state().packages).containsKeys("nginx", "memcached");
    }

    @Test
    void anInterruptedDpkgIsNamedByItsAuditBlocksInstallsUntilConfigureAllCompletesIt() {
        hosts.boot(new HostSpec(1, "rm-cut", cloudConfig));
        SimulatedHost host = hosts.host(1);
        host.run(INSTALL);
        host.interruptDpkg("nginx");

        CommandResult audit = host.run("dpkg --audit");
        assertThat(audit.exitStatus()).isOne();
        assertThat(audit.stdout()).contains("only half configured").contains(" nginx\n");
        assertThat(host.run("dpkg-query -W nginx").exitStatus())
                .as("nginx while half-configured")
                .isOne();
        CommandResult refused = host.run("DEBIAN_FRONTEND=noninteractive apt-get install -y memcached");
        assertThat(refused.exitStatus()).isEqualTo(100);
        assertThat(refused.stderr()).contains("dpkg was interrupted, you must manually run 'dpkg --configure -a'");

        CommandResult repaired =
                host.run("DEBIAN_FRONTEND=noninteractive dpkg --configure -a --force-confdef --force-confold");

        assertThat(repaired.exitStatus()).isZero();
        assertThat(repaired.stdout()).contains("Setting up nginx");
        assertThat(host.run("dpkg --audit"))
                .extracting(CommandResult::exitStatus, CommandResult::stdout)
                .containsExactly(0, "");
        assertThat(host.run("dpkg-query -W nginx").exitStatus()).isZero();
        assertThat(host.run("DEBIAN_FRONTEND=noninteractive apt-get install -y memcached")
                        .exitStatus())
                .isZero();
    }

    private CommandResult ssh(String address, String command) throws Exception {
        return SshTestClient.run(address, hosts.sshPort(), provisioning, AcceptAllServerKeyVerifier.INSTANCE, command);
    }

    private Optional<CommandResult> ssh(String address, String command, Duration timeout) throws Exception {
        return SshTestClient.runWithin(
                address, hosts.sshPort(), provisioning, AcceptAllServerKeyVerifier.INSTANCE, command, timeout);
    }

    private static Duration timed(Runnable command) {
        long started = System.nanoTime();
        command.run();
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
