package dev.rainmaker.localcloud.hosts.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.rainmaker.localcloud.hosts.HostProvider;
import dev.rainmaker.localcloud.hosts.HostSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real Debian 12 machines for droplets: each in its own network namespace at {@code 10.200.N.2}, booted with systemd
 * under systemd-nspawn from a cached base image, with real sshd on port 22 and cloud-init fed the droplet's
 * {@code user_data}, installing packages through a caching proxy. Needs Linux and root: see {@link #availability()}.
 */
public final class RealHosts implements HostProvider {

    /** Outside any clone, so the base image and the package cache outlive checkouts and runs. */
    public static final Path DEFAULT_CACHE = Path.of("/var/cache/rainmaker");

    private static final Logger LOG = LoggerFactory.getLogger(RealHosts.class);

    private final Settings settings;
    private final Path baseImage;
    private final AptProxy proxy;
    private final Map<Long, RealHost> hosts = new ConcurrentHashMap<>();

    /**
     * @param cacheDirectory the base image and the package cache
     * @param hostsDirectory the hosts' root file systems while they run (about 1 GB each with the stack)
     * @param baseImageMaxAge the base image is built again when older
     * @param bootTimeout how long a host may take from unpacking to sshd answering
     */
    public record Settings(Path cacheDirectory, Path hostsDirectory, Duration baseImageMaxAge, Duration bootTimeout) {

        public static Settings defaults(Path hostsDirectory) {
            return new Settings(DEFAULT_CACHE, hostsDirectory, Duration.ofDays(14), Duration.ofMinutes(2));
        }
    }

    private RealHosts(Settings settings, Path baseImage, AptProxy proxy) {
        this.settings = settings;
        this.baseImage = baseImage;
        this.proxy = proxy;
    }

    /** Whether this machine can boot real hosts (Linux, root, the tools present or installable), and why not. */
    public static Availability availability() {
        return MachineTools.check();
    }

    /** Installs missing tools, starts the package proxy and makes sure the base image is there (built if not). */
    public static RealHosts start(Settings settings) {
        Availability availability = availability();
        if (!availability.available()) {
            throw new IllegalStateException("real hosts cannot run here: " + availability.reason());
        }
        MachineTools.installMissing();
        try {
            Files.createDirectories(settings.hostsDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + settings.hostsDirectory(), e);
        }
        DebianMirror mirror = DebianMirror.ofThisMachine();
        AptProxy proxy = AptProxy.start(settings.cacheDirectory(), mirror);
        try {
            Path image = new BaseImage(settings.cacheDirectory(), settings.baseImageMaxAge(), mirror).ensure();
            return new RealHosts(settings, image, proxy);
        } catch (RuntimeException e) {
            proxy.close();
            throw e;
        }
    }

    @Override
    public String boot(HostSpec spec) {
        long started = System.nanoTime();
        RealHost host = RealHost.create(spec, allocateNetwork(spec), settings.hostsDirectory());
        RealHost previous = hosts.put(spec.dropletId(), host);
        if (previous != null) {
            previous.destroy();
        }
        try {
            host.boot(baseImage, settings.bootTimeout());
        } catch (RuntimeException e) {
            hosts.remove(spec.dropletId(), host);
            host.destroy();
            throw e;
        }
        LOG.info(
                "real host for droplet {} ({}) answers SSH at {} after {} ms",
                spec.dropletId(),
                spec.name(),
                host.address(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return host.address();
    }

    /** The first free network; its namespace is created now, under the lock, so the next allocation skips it. */
    private synchronized HostNetwork allocateNetwork(HostSpec spec) {
        for (int index = 1; index <= 254; index++) {
            HostNetwork network = new HostNetwork(index);
            if (!network.inUse()) {
                network.reserve();
                return network;
            }
        }
        throw new IllegalStateException(
                "no free host network left in 10.200.1-254.0/30 for droplet " + spec.dropletId());
    }

    @Override
    public void destroy(long dropletId) {
        RealHost host = hosts.remove(dropletId);
        if (host != null) {
            long started = System.nanoTime();
            host.destroy();
            LOG.info(
                    "real host for droplet {} at {} stopped and removed in {} ms",
                    dropletId,
                    host.address(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
    }

    @Override
    public int sshPort() {
        return RealHost.SSH_PORT;
    }

    @Override
    public void close() {
        List<Thread> stopping = hosts.keySet().stream()
                .map(id -> Thread.ofVirtual().start(() -> destroy(id)))
                .toList();
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        proxy.close();
    }
}
