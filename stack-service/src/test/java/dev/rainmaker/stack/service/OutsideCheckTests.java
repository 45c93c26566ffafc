package dev.rainmaker.stack.service;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.hostaccess.HostShell;
import dev.rainmaker.localcloud.hosts.HostKey;
import dev.rainmaker.localcloud.hosts.HostSpec;
import dev.rainmaker.localcloud.hosts.ProvisioningKey;
import dev.rainmaker.localcloud.hosts.SimulatedHost;
import dev.rainmaker.localcloud.hosts.SimulatedHosts;
import dev.rainmaker.localcloud.hosts.TestCloudConfig;
import dev.rainmaker.localcloud.hosts.model.CommandResult;
import dev.rainmaker.stack.client.NetworkHostProbe;
import dev.rainmaker.stack.config.StackConfig;
import dev.rainmaker.stack.domain.CustomerDatabase;
import dev.rainmaker.stack.domain.PortState;
import dev.rainmaker.stack.domain.WebPage;
import dev.rainmaker.stack.service.apt.AptStack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The check from outside, over the real network, against simulated hosts whose sockets follow their model. */
class OutsideCheckTests {

    private static final Duration ANSWER_BUDGET = Duration.ofSeconds(4);

    @TempDir
    Path keys;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private SimulatedHosts hosts;
    private OutsideCheck check;
    private NetworkHostProbe probe;
    private Queue<Integer> portsTried;
    private final AtomicInteger pagesAsked = new AtomicInteger();

    @BeforeEach
    void start() {
        hosts = SimulatedHosts.onFreePort();
        probe = new NetworkHostProbe(Duration.ofMillis(500));
        portsTried = new ConcurrentLinkedQueue<>();
        HostProbe countingPorts = new HostProbe() {
            @Override
            public PortState port(String address, int port) {
                portsTried.add(port);
                return probe.port(address, port);
            }

            @Override
            public Set<String> sshAuthMethods(String address, int port) {
                return probe.sshAuthMethods(address, port);
            }

            @Override
            public WebPage get(URI url) {
                pagesAsked.incrementAndGet();
                return probe.get(url);
            }
        };
        check = new OutsideCheck(countingPorts, ports(hosts), hosts.sshPort(), registry);
    }

    @AfterEach
    void stop() throws Exception {
        probe.close();
        hosts.close();
    }

    @Test
    void aHostWithTheStackBuiltPassesOnlySshAndTheAppBeingReachable() {
        SimulatedHost host = hostWithStack(1);

        check.verify("rm-good", host.address(), appUrl(host));

        assertThat(registry.counter("rainmaker.stack.outside-checks", "outcome", "passed")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aHostWhoseMemcachedListensOnEveryInterfaceIsRefusedNamingThePort() {
        SimulatedHost host = hostWithStack(2);
        host.state().files.put("/etc/memcached.conf", "-p 11211\n-u memcache\n");
        host.syncPorts();

        assertThatThrownBy(() -> check.verify("rm-leaky", host.address(), appUrl(host)))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("rm-leaky fails the check from outside")
                .hasMessageContaining("port 11211 is open to everyone")
                .hasMessageContaining("reachable from outside: " + reachable(hosts.appPort(), 11211, hosts.sshPort()));
        assertThat(registry.counter("rainmaker.stack.outside-checks", "outcome", "failed")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aHostWithAPortOpenThatMustBeClosedFailsWithoutWaitingForItsApp() {
        SimulatedHost host = hostWithStack(5);
        host.state().files.put("/etc/memcached.conf", "-p 11211\n-u memcache\n");
        host.syncPorts();
        host.run("systemctl stop nginx");

        assertThatThrownBy(() -> check.verify("rm-leaky-and-down", host.address(), appUrl(host)))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("port 11211 is open to everyone")
                .hasMessageContaining("the app at " + appUrl(host) + " does not answer");
        assertThat(pagesAsked)
                .as("the host fails whatever its app does later: it is looked at once")
                .hasValue(1);
        assertThat(portsTried).containsOnlyOnce(hosts.appPort()).containsOnlyOnce(11211);
    }

    @Test
    void aHostWhoseAppIsDownIsRefusedSayingSo() {
        SimulatedHost host = hostWithStack(3);
        host.run("systemctl stop nginx");

        assertThatThrownBy(() -> check.verify("rm-down", host.address(), appUrl(host)))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("port " + hosts.appPort() + " is refused, not open")
                .hasMessageContaining("the app at " + appUrl(host) + " does not answer");
    }

    @Test
    void aHostWhoseAppAnswersLateWithinTheBudgetPasses() throws Exception {
        SimulatedHost host = hostWithStack(4);
        host.run("systemctl stop nginx");
        Thread nginxStartsLate = Thread.startVirtualThread(() -> {
            sleep(Duration.ofSeconds(1));
            host.run("systemctl start nginx");
        });

        check.verify("rm-late", host.address(), appUrl(host));

        nginxStartsLate.join();
        assertThat(registry.counter("rainmaker.stack.outside-checks", "outcome", "passed")
                        .count())
                .isEqualTo(1);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SimulatedHost hostWithStack(long id) {
        ProvisioningKey key = ProvisioningKey.createOrReuse(keys);
        String address = hosts.boot(
                new HostSpec(id, "rm-" + id, TestCloudConfig.render(HostKey.generate(), List.of(key.publicKeyLine()))));
        SimulatedHost host = hosts.host(address);
        StepRunner runner = new StepRunner(new SimpleMeterRegistry(), 1, Duration.ZERO);
        HostShell shell = new HostShell() {
            @Override
            public CommandOutput run(String command) {
                CommandResult result = host.run(command);
                return new CommandOutput(result.exitStatus(), result.stdout(), result.stderr());
            }

            @Override
            public String host() {
                return address;
            }

            @Override
            public void close() {}
        };
        AptStack.steps(CustomerDatabase.forCustomer("acme-" + id)).forEach(step -> runner.run(shell, step));
        return host;
    }

    private URI appUrl(SimulatedHost host) {
        return URI.create("http://" + host.address() + ":" + hosts.appPort() + "/");
    }

    private static String reachable(int... ports) {
        return Arrays.stream(ports).sorted().boxed().toList().toString();
    }

    private static StackConfig.OutsideCheck ports(SimulatedHosts hosts) {
        return new StackConfig.OutsideCheck() {
            @Override
            public List<Integer> openPorts() {
                return List.of(hosts.sshPort(), hosts.appPort());
            }

            @Override
            public List<Integer> mayBeOpenPorts() {
                return List.of(443);
            }

            @Override
            public List<Integer> closedPorts() {
                return List.of(21, 23, 25, 3306, 4949, 5432, 6379, 8080, 11211);
            }

            @Override
            public Duration connectTimeout() {
                return Duration.ofMillis(500);
            }

            @Override
            public Duration answerBudget() {
                return ANSWER_BUDGET;
            }
        };
    }
}
