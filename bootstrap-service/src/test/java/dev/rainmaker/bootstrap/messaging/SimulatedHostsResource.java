package dev.rainmaker.bootstrap.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import dev.rainmaker.localcloud.hosts.ProvisioningKey;
import dev.rainmaker.localcloud.hosts.SimulatedHosts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Simulated hosts on a free port and a fresh provisioning key, handed to the service's SSH configuration. */
public class SimulatedHostsResource implements QuarkusTestResourceLifecycleManager {

    static SimulatedHosts hosts;
    static ProvisioningKey provisioningKey;

    @Override
    public Map<String, String> start() {
        try {
            provisioningKey = ProvisioningKey.createOrReuse(Files.createTempDirectory("rainmaker-keys-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        hosts = SimulatedHosts.onFreePort();
        return Map.of(
                "rainmaker.ssh.port", String.valueOf(hosts.sshPort()),
                "rainmaker.ssh.private-key-file",
                        provisioningKey.privateKeyFile().toString(),
                "rainmaker.ssh.connect-budget", "PT20S",
                "rainmaker.ssh.initial-retry-delay", "PT0.2S",
                "rainmaker.ssh.max-retry-delay", "PT1S");
    }

    @Override
    public void stop() {
        if (hosts != null) {
            hosts.close();
        }
    }
}
