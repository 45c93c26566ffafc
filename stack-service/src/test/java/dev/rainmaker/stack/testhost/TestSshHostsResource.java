package dev.rainmaker.stack.testhost;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.rainmaker.localcloud.hosts.HostKey;
import dev.rainmaker.localcloud.hosts.HostSpec;
import dev.rainmaker.localcloud.hosts.ProvisioningKey;
import dev.rainmaker.localcloud.hosts.SimulatedHost;
import dev.rainmaker.localcloud.hosts.SimulatedHosts;
import dev.rainmaker.localcloud.hosts.TestCloudConfig;
import dev.rainmaker.localcloud.hosts.model.StackCommands;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * local-cloud's simulated Debian 12 hosts, each on its own loopback address with real sockets for SSH and, once nginx
 * runs, the app: a healthy one, one whose memcached cannot bind its port, and one for a customer of the pro plan
 * (with AWStats). The provisioning key is written in
 * OpenSSH format, as operators provide it.
 */
public class TestSshHostsResource implements QuarkusTestResourceLifecycleManager {

    public static SimulatedHosts hosts;
    public static TestHost healthy;
    public static TestHost memcachedCannotBind;
    public static TestHost forProPlan;
    public static ProvisioningKey provisioningKey;

    /** A booted simulated host and the fingerprint of the host key it presents. */
    public record TestHost(SimulatedHost host, String hostKeyFingerprint) {

        public String address() {
            return host.address();
        }

        public List<String> commands() {
            return host.commands();
        }
    }

    private Path keyDir;

    @Override
    public Map<String, String> start() {
        try {
            keyDir = Files.createTempDirectory("stack-service-test-key");
            ProvisioningKey key = ProvisioningKey.createOrReuse(keyDir);
            provisioningKey = key;
            hosts = SimulatedHosts.onFreePort();
            healthy = boot(1, key);
            memcachedCannotBind = boot(2, key);
            memcachedCannotBind.host().state().settings.put(StackCommands.FAULT_CANNOT_BIND + "memcached", "true");
            forProPlan = boot(3, key);
            return Map.of(
                    "rainmaker.ssh.port", Integer.toString(hosts.sshPort()),
                    "rainmaker.ssh.private-key-file", key.privateKeyFile().toString(),
                    "rainmaker.ssh.connect-budget", "PT5S",
                    "rainmaker.stack.app-port", Integer.toString(hosts.appPort()),
                    "rainmaker.stack.outside.connect-timeout", "PT0.5S",
                    "rainmaker.stack.plans.legacy.database", "mysql",
                    "rainmaker.stack.verify-attempts", "2",
                    "rainmaker.stack.verify-pause", "PT0.1S");
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the simulated test hosts", e);
        }
    }

    /** Boots one more host, for a test that makes it slow. */
    public static TestHost boot(long id) {
        return boot(id, provisioningKey);
    }

    private static TestHost boot(long id, ProvisioningKey key) {
        HostKey hostKey = HostKey.generate();
        String address = hosts.boot(
                new HostSpec(id, "rm-test-" + id, TestCloudConfig.render(hostKey, List.of(key.publicKeyLine()))));
        return new TestHost(hosts.host(address), hostKey.fingerprint());
    }

    @Override
    public void stop() {
        if (hosts != null) {
            hosts.close();
        }
        try {
            if (keyDir != null) {
                try (var files = Files.walk(keyDir)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot remove the test key", e);
        }
    }
}
