package dev.rainmaker.localcloud.hosts.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.rainmaker.localcloud.hosts.HostProvider;
import dev.rainmaker.localcloud.hosts.HostSpec;
import dev.rainmaker.localcloud.hosts.HostTeardown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real Debian 12 machines for droplets: each in its own network namespace at {@code 10.200.N.2}, booted with systemd
 * under systemd-nspawn from a cached base image, with real sshd on port 22 and cloud-init fed the droplet's
 * {@code user_data}, installing packages through a caching proxy; optionally each capped at a {@link CpuQuota}. Needs
 * Linux and root: see {@link #availability()}.
 */
public final class RealHosts implements HostProvider {

    /** Outside any clone, so the base image and the package cache outlive checkouts and runs. */
    public static final Path DEFAULT_CACHE = Path.of("/var/cache/rainmaker");

    private static final Logger LOG = LoggerFactory.getLogger(RealHosts.class);

    private final Settings settings;
    private final HostSupplies supplies;
    private final Ledger ledger;
    private final Optional<CpuCgroup.Hierarchy> cpuHierarchy;
    private final Map<Long, RealHost> hosts = new ConcurrentHashMap<>();
    private final Thread stopAtExit = new Thread(this::close, "real-hosts-stop");
    private boolean closed;

    /**
     * @param cacheDirectory the base image and the package cache
     * @param hostsDirectory the hosts' root file systems while they run (about 1 GB each with the stack)
     * @param baseImageMaxAge the base image is built again when older
     * @param bootTimeout how long a host may take from unpacking to sshd answering
     * @param cpuQuota each host's CPU cap; empty for none
     */
    public record Settings(
            Path cacheDirectory,
            Path hostsDirectory,
            Duration baseImageMaxAge,
            Duration bootTimeout,
            Optional<CpuQuota> cpuQuota) {

        public static Settings defaults(Path hostsDirectory) {
            return new Settings(
                    DEFAULT_CACHE, hostsDirectory, Duration.ofDays(14), Duration.ofMinutes(2), Optional.empty());
        }

        /** These settings with every host's CPU time capped, e.g. at {@code 50%} of one CPU. */
        public Settings withCpuQuota(CpuQuota quota) {
            return new Settings(cacheDirectory, hostsDirectory, baseImageMaxAge, bootTimeout, Optional.of(quota));
        }
    }

    private RealHosts(
            Settings settings, HostSupplies supplies, Ledger ledger, Optional<CpuCgroup.Hierarchy> cpuHierarchy) {
        this.settings = settings;
        this.supplies = supplies;
        this.ledger = ledger;
        this.cpuHierarchy = cpuHierarchy;
    }

    /** Whether this machine can boot real hosts (Linux, root, the tools present or installable), and why not. */
    public static Availability availability() {
        return MachineTools.check();
    }

    /**
     * Removes what earlier runs on this machine left when they were killed before they could stop their hosts (their
     * networks, root file systems, package proxy and its address on {@code lo}), and nothing a live run uses; says
     * what it removed. {@link #start} does it first.
     */
    public static List<String> sweepLeftovers() {
        return sweepLeftovers(Ledger.ofThisMachine());
    }

    static synchronized List<String> sweepLeftovers(Ledger ledger) {
        try {
            Files.createDirectories(ledger.directory());
            try (FileChannel channel = FileChannel.open(
                            ledger.directory().resolve("sweep.lock"),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                List<String> removed = Leftovers.sweep(ledger);
                removed.forEach(what -> LOG.info("removed what an earlier run left: {}", what));
                return removed;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not sweep what earlier runs left in " + ledger.directory(), e);
        }
    }

    /**
     * Installs missing tools, sweeps what killed runs left, starts the package proxy and makes sure the base image is
     * there (built if not). Stops its hosts and proxy when closed, and at the latest when the JVM exits.
     */
    public static RealHosts start(Settings settings) {
        Availability availability = availability();
        if (!availability.available()) {
            throw new IllegalStateException("real hosts cannot run here: " + availability.reason());
        }
        Optional<CpuCgroup.Hierarchy> cpuHierarchy = settings.cpuQuota()
                .map(quota -> CpuCgroup.Hierarchy.ofThisMachine()
                        .orElseThrow(() -> new IllegalStateException("real hosts cannot be capped at " + quota
                                + " of a CPU here: no cgroup cpu controller under "
                                + CpuCgroup.Hierarchy.SYS_FS_CGROUP)));
        MachineTools.installMissing();
        try {
            Files.createDirectories(settings.hostsDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + settings.hostsDirectory(), e);
        }
        Ledger ledger = Ledger.ofThisMachine();
        HostSupplies supplies = HostSupplies.start(ledger, settings.cacheDirectory(), settings.baseImageMaxAge());
        RealHosts hosts = new RealHosts(settings, supplies, ledger, cpuHierarchy);
        Runtime.getRuntime().addShutdownHook(hosts.stopAtExit);
        return hosts;
    }

    @Override
    public String boot(HostSpec spec) {
        long started = System.nanoTime();
        HostNetwork network = allocateNetwork(spec);
        Optional<CpuCgroup> cpuCap;
        try {
            cpuCap = cpuHierarchy.map(hierarchy ->
                    CpuCgroup.create(hierarchy, network, settings.cpuQuota().orElseThrow()));
        } catch (RuntimeException e) {
            network.delete();
            ledger.forgetNetwork(network);
            throw e;
        }
        RealHost host = RealHost.create(spec, network, settings.hostsDirectory(), cpuCap);
        RealHost previous = hosts.put(spec.dropletId(), host);
        if (previous != null) {
            previous.destroy();
        }
        try {
            host.boot(supplies.baseImage(), settings.bootTimeout());
        } catch (RuntimeException e) {
            hosts.remove(spec.dropletId(), host);
            host.destroy();
            throw e;
        }
        LOG.info(
                "real host for droplet {} ({}) answers SSH at {} after {} ms{}",
                spec.dropletId(),
                spec.name(),
                host.address(),
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                settings.cpuQuota().map(quota -> ", its CPU capped at " + quota).orElse(""));
        return host.address();
    }

    /**
     * The first free network; its namespace is created now, under the lock, so the next allocation skips it, and
     * recorded as this run's first, so that a sweep can tell it from what a killed run left.
     */
    private synchronized HostNetwork allocateNetwork(HostSpec spec) {
        for (int index = 1; index <= 254; index++) {
            HostNetwork network = new HostNetwork(index);
            if (!network.inUse()) {
                ledger.recordNetwork(network, RealHost.rootfs(network, settings.hostsDirectory()));
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
            ledger.forgetNetwork(host.network());
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

    /** Stops every host, then the proxy; safe to call twice (the shutdown hook after a close does nothing). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        HostTeardown.unhook(stopAtExit);
        HostTeardown.destroyAll(hosts.keySet(), this::destroy);
        supplies.close();
    }
}
