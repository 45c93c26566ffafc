package dev.rainmaker.localcloud.hosts.containers;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.github.dockerjava.api.model.Capability;
import dev.rainmaker.localcloud.hosts.HostSpec;
import dev.rainmaker.localcloud.hosts.SshBanner;
import dev.rainmaker.localcloud.hosts.real.CloudInitSeed;
import dev.rainmaker.localcloud.hosts.real.RunOwner;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * One droplet's machine as a container: the host image booted with systemd as PID 1, its cloud-init seed (the
 * droplet's {@code user_data}: host key, authorised keys) copied in before it starts, as a real host's is written
 * into its root file system, on the run's {@link HostsNetwork} at an address of its own.
 */
final class ContainerHost {

    static final int SSH_PORT = 22;

    private final HostSpec spec;
    private final GenericContainer<?> container;
    private final HostsNetwork network;

    private ContainerHost(HostSpec spec, GenericContainer<?> container, HostsNetwork network) {
        this.spec = spec;
        this.container = container;
        this.network = network;
    }

    static ContainerHost create(HostSpec spec, String image, HostsNetwork network, RunOwner owner) {
        Map<String, String> labels = new HashMap<>(Labels.ownedBy(owner));
        labels.put(Labels.DROPLET, Long.toString(spec.dropletId()));
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withCommand("/sbin/init")
                .withNetworkMode(network.name())
                .withLabels(labels)
                // What systemd as PID 1 needs from its engine (Podman does it itself for /sbin/init): a container
                // marker, its own /run and /tmp, and SIGRTMIN+3 to power off cleanly.
                .withEnv("container", "podman")
                .withTmpFs(Map.of("/run", "rw", "/run/lock", "rw", "/tmp", "rw,mode=1777"))
                .withCreateContainerCmdModifier(create -> {
                    create.withName(network.name() + "-droplet-" + spec.dropletId())
                            .withHostName(spec.name())
                            .withStopSignal("SIGRTMIN+3");
                    create.getHostConfig()
                            // ufw (the hardening's firewall) sets up netfilter in the host's own network namespace.
                            .withCapAdd(Capability.NET_ADMIN)
                            // A real host here has no name server, so its resolver asks 127.0.0.1 and fails at once;
                            // the engine would otherwise hand its own (the machine's, or its DNS on the network).
                            .withDns("127.0.0.1");
                });
        new CloudInitSeed(spec)
                .files()
                .forEach((path, content) -> container.withCopyToContainer(Transferable.of(content), "/" + path));
        return new ContainerHost(spec, container, network);
    }

    /** Starts the container; returns once its sshd answers at its address. */
    void boot(Duration timeout) {
        container.start();
        Instant deadline = Instant.now().plus(timeout);
        while (!SshBanner.answers(address(), SSH_PORT)) {
            if (!container.isRunning()) {
                throw new IllegalStateException("the container host for droplet " + spec.dropletId()
                        + " stopped while booting; its output: " + container.getLogs());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the container host for droplet " + spec.dropletId()
                        + " did not answer SSH on " + address() + ":" + SSH_PORT + " within " + timeout);
            }
            sleep(200);
        }
    }

    String address() {
        return container
                .getContainerInfo()
                .getNetworkSettings()
                .getNetworks()
                .get(network.name())
                .getIpAddress();
    }

    /** Kills and removes the container, with its file system. */
    void destroy() {
        container.stop();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a container host", e);
        }
    }
}
