package dev.rainmaker.localcloud.hosts.containers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.dockerjava.api.DockerClient;
import dev.rainmaker.localcloud.containers.DockerApiSocket;
import dev.rainmaker.localcloud.hosts.HostProvider;
import dev.rainmaker.localcloud.hosts.HostSpec;
import dev.rainmaker.localcloud.hosts.HostTeardown;
import dev.rainmaker.localcloud.hosts.real.Availability;
import dev.rainmaker.localcloud.hosts.real.HostSupplies;
import dev.rainmaker.localcloud.hosts.real.RealHosts;
import dev.rainmaker.localcloud.hosts.real.RunOwner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Real Debian 12 machines for droplets as containers, for machines with a Docker API (Docker's, or Podman's) but no
 * systemd-nspawn: the real hosts' base image booted with systemd as PID 1, seeded with the droplet's {@code user_data}
 * as a real host is, on a network of this run's ({@link HostsNetwork}), installing packages through the same proxy.
 * Testcontainers talks to the engine ({@code DOCKER_HOST}); see {@link #availability()}.
 */
public final class ContainerHosts implements HostProvider {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerHosts.class);

    private final Settings settings;
    private final HostSupplies supplies;
    private final DockerClient docker;
    private final String image;
    private final HostsNetwork network;
    private final RunOwner owner;
    private final Map<Long, ContainerHost> hosts = new ConcurrentHashMap<>();
    private final Thread stopAtExit = new Thread(this::close, "container-hosts-stop");
    private boolean closed;

    /**
     * @param cacheDirectory the base image and the package cache, shared with real hosts
     * @param baseImageMaxAge the base image is built again when older
     * @param bootTimeout how long a host may take from its container's start to sshd answering
     */
    public record Settings(Path cacheDirectory, Duration baseImageMaxAge, Duration bootTimeout) {

        public static Settings defaults() {
            return new Settings(RealHosts.DEFAULT_CACHE, Duration.ofDays(14), Duration.ofMinutes(2));
        }
    }

    private ContainerHosts(
            Settings settings,
            HostSupplies supplies,
            DockerClient docker,
            String image,
            HostsNetwork network,
            RunOwner owner) {
        this.settings = settings;
        this.supplies = supplies;
        this.docker = docker;
        this.image = image;
        this.network = network;
        this.owner = owner;
    }

    /**
     * Whether this machine can run container hosts, and why not: a Docker API must answer, and the base image and the
     * package proxy are made as for real hosts (debootstrap and apt-cacher-ng: Linux and root), once.
     */
    public static Availability availability() {
        Availability supplies = HostSupplies.availability();
        return DockerApiSocket.ofThisProcess()
                .unavailability()
                .map(why -> new Availability(false, "container hosts need a Docker API: " + why))
                .orElseGet(() -> supplies.available()
                        ? new Availability(
                                true,
                                "a Docker API answers on "
                                        + DockerApiSocket.ofThisProcess().path() + "; " + supplies.reason())
                        : new Availability(
                                false,
                                "container hosts boot the real hosts' base image, which this machine cannot build: "
                                        + supplies.reason()));
    }

    /**
     * Removes what killed runs left, starts the package proxy, makes sure the base image is there (built if not) and
     * imported into the engine, and creates this run's network. Stops its hosts and removes the network when closed,
     * and at the latest when the JVM exits.
     */
    public static ContainerHosts start(Settings settings) {
        Availability availability = availability();
        if (!availability.available()) {
            throw new IllegalStateException("container hosts cannot run here: " + availability.reason());
        }
        DockerClient docker = DockerClientFactory.instance().client();
        sweepLeftovers(docker);
        HostSupplies supplies = HostSupplies.start(settings.cacheDirectory(), settings.baseImageMaxAge());
        try {
            String image = new HostImage(docker).ensure(supplies.baseImage());
            RunOwner owner = RunOwner.self();
            HostsNetwork network = HostsNetwork.create(docker, owner);
            ContainerHosts hosts = new ContainerHosts(settings, supplies, docker, image, network, owner);
            Runtime.getRuntime().addShutdownHook(hosts.stopAtExit);
            return hosts;
        } catch (RuntimeException e) {
            supplies.close();
            throw e;
        }
    }

    /** Removes the containers and networks of killed runs' hosts; says what it removed. {@link #start} does it first. */
    public static List<String> sweepLeftovers() {
        return sweepLeftovers(DockerClientFactory.instance().client());
    }

    private static List<String> sweepLeftovers(DockerClient docker) {
        List<String> removed = ContainerLeftovers.sweep(docker);
        removed.forEach(what -> LOG.info("removed what an earlier run left: {}", what));
        return removed;
    }

    @Override
    public String boot(HostSpec spec) {
        long started = System.nanoTime();
        ContainerHost host = ContainerHost.create(spec, image, network, owner);
        ContainerHost previous = hosts.put(spec.dropletId(), host);
        if (previous != null) {
            previous.destroy();
        }
        try {
            host.boot(settings.bootTimeout());
        } catch (RuntimeException e) {
            hosts.remove(spec.dropletId(), host);
            host.destroy();
            throw e;
        }
        LOG.info(
                "container host for droplet {} ({}) answers SSH at {} after {} ms",
                spec.dropletId(),
                spec.name(),
                host.address(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return host.address();
    }

    @Override
    public void destroy(long dropletId) {
        ContainerHost host = hosts.remove(dropletId);
        if (host != null) {
            long started = System.nanoTime();
            host.destroy();
            LOG.info(
                    "container host for droplet {} removed in {} ms",
                    dropletId,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
    }

    @Override
    public int sshPort() {
        return ContainerHost.SSH_PORT;
    }

    /** The network the hosts are on, for tests that look at what is left in the engine. */
    public String networkName() {
        return network.name();
    }

    /** Removes every host, the network, then stops the proxy; safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        HostTeardown.unhook(stopAtExit);
        HostTeardown.destroyAll(hosts.keySet(), this::destroy);
        network.remove(docker);
        supplies.close();
    }
}
