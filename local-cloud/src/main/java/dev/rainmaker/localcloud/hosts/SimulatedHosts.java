package dev.rainmaker.localcloud.hosts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.rainmaker.localcloud.LocalPorts;
import dev.rainmaker.localcloud.hosts.model.CommandModel;
import dev.rainmaker.localcloud.hosts.model.CommandModels;
import dev.rainmaker.localcloud.hosts.model.Debian12Image;
import dev.rainmaker.localcloud.hosts.model.HostState;

/**
 * A host per droplet: an Apache SSHD server on the droplet's own loopback address ({@code 127.10.x.y}, allocated in
 * order) and the configured port, configured from the droplet's cloud-config and answering from command models over a
 * simulated Debian 12 state. Knobs: a delay per command, commands that fail the next times, and hosts that refuse
 * connections for a while after boot (one droplet, or every host booted from now on), slow hosts (a delay per command
 * on one host), commands that outlive the client's timeout once and then complete, or never end; and a hook that sets
 * any of these on every host as it boots.
 */
public final class SimulatedHosts implements HostProvider {

    public static final int DEFAULT_PORT = 2222;

    private final int port;
    private final int appPort;
    private final List<CommandModel> models;
    private final Map<Long, Booted> hosts = new ConcurrentHashMap<>();
    private final Map<Long, Duration> refusalsAtBoot = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "simulated-hosts-scheduler");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Duration commandLatency = Duration.ZERO;
    private volatile Duration refusalAtEveryBoot = Duration.ZERO;
    private volatile Consumer<SimulatedHost> atEveryBoot = host -> {};
    private int nextHost = 1;

    private record Booted(SimulatedHost host, HostSshServer server) {}

    /**
     * Hosts with sshd on {@code port} and the web server (once the model's nginx runs) on {@code appPort} (either 0:
     * one free port chosen now, the same for every host), answering with {@code models}.
     */
    public SimulatedHosts(int port, int appPort, List<CommandModel> models) {
        this.port = port == 0 ? LocalPorts.free() : port;
        this.appPort = appPort == 0 ? LocalPorts.free() : appPort;
        this.models = List.copyOf(models);
    }

    /** Hosts on {@code port} (0: a free one) answering with {@code models}; their web server on a free port. */
    public SimulatedHosts(int port, List<CommandModel> models) {
        this(port, 0, models);
    }

    /** Debian 12 hosts on the default SSH port. */
    public SimulatedHosts() {
        this(DEFAULT_PORT, CommandModels.debian12());
    }

    /** Debian 12 hosts on free ports: for tests. */
    public static SimulatedHosts onFreePort() {
        return new SimulatedHosts(0, 0, CommandModels.debian12());
    }

    @Override
    public String boot(HostSpec spec) {
        CloudConfig config;
        try {
            config = CloudConfig.parse(spec.userData());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "cannot boot a simulated host for droplet " + spec.dropletId() + ": " + e.getMessage(), e);
        }
        HostState state =
                Debian12Image.boot(config.authorizedKeys(), config.passwordAuthentication(), config.hostKey());
        SimulatedHost host =
                new SimulatedHost(spec.dropletId(), nextAddress(), appPort, state, models, () -> commandLatency);
        atEveryBoot.accept(host);
        HostSshServer server = new HostSshServer(host, port);
        Booted previous = hosts.put(spec.dropletId(), new Booted(host, server));
        if (previous != null) {
            previous.server().destroy();
            previous.host().closePorts();
        }
        Duration refusal = refusalsAtBoot.remove(spec.dropletId());
        if (refusal == null && refusalAtEveryBoot.isPositive()) {
            refusal = refusalAtEveryBoot;
        }
        if (refusal == null) {
            server.open();
        } else {
            scheduler.schedule(server::open, refusal.toMillis(), TimeUnit.MILLISECONDS);
        }
        return host.address();
    }

    @Override
    public void destroy(long dropletId) {
        Booted booted = hosts.remove(dropletId);
        if (booted != null) {
            booted.server().destroy();
            booted.host().closePorts();
        }
    }

    @Override
    public int sshPort() {
        return port;
    }

    @Override
    public int appPort() {
        return appPort;
    }

    public SimulatedHost host(long dropletId) {
        Booted booted = hosts.get(dropletId);
        if (booted == null) {
            throw new NoSuchElementException("no simulated host for droplet " + dropletId);
        }
        return booted.host();
    }

    public SimulatedHost host(String address) {
        return hosts.values().stream()
                .map(Booted::host)
                .filter(h -> h.address().equals(address))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no simulated host at " + address));
    }

    /** The commands the droplet's host received, in order. */
    public List<String> commands(long dropletId) {
        return host(dropletId).commands();
    }

    /** Every booted host's SSH sessions, by droplet id. */
    public Map<Long, List<SessionLog.RecordedSession>> sessionsPerDroplet() {
        Map<Long, List<SessionLog.RecordedSession>> sessions = new java.util.TreeMap<>();
        hosts.forEach(
                (id, booted) -> sessions.put(id, booted.host().sessionLog().sessions()));
        return sessions;
    }

    /** Delays every command on every host by {@code latency}. */
    public void setCommandLatency(Duration latency) {
        this.commandLatency = latency;
    }

    /** The next {@code times} commands starting with {@code commandPrefix} on that host fail with {@code exitStatus}. */
    public void failNext(long dropletId, String commandPrefix, int exitStatus, int times) {
        host(dropletId).failNext(commandPrefix, exitStatus, times);
    }

    public void failNext(String address, String commandPrefix, int exitStatus, int times) {
        host(address).failNext(commandPrefix, exitStatus, times);
    }

    /** Every command on that droplet's host takes {@code latency} longer than on the others. */
    public void slowDown(long dropletId, Duration latency) {
        host(dropletId).slowDown(latency);
    }

    /**
     * The next command starting with {@code commandPrefix} on that host runs for {@code runsFor} and then completes
     * (see {@link SimulatedHost#outliveOnce}).
     */
    public void outliveOnce(long dropletId, String commandPrefix, Duration runsFor) {
        host(dropletId).outliveOnce(commandPrefix, runsFor);
    }

    public void outliveOnce(String address, String commandPrefix, Duration runsFor) {
        host(address).outliveOnce(commandPrefix, runsFor);
    }

    /** Every command starting with {@code commandPrefix} on that host starts and never ends. */
    public void hangForever(long dropletId, String commandPrefix) {
        host(dropletId).hangForever(commandPrefix);
    }

    public void hangForever(String address, String commandPrefix) {
        host(address).hangForever(commandPrefix);
    }

    /**
     * {@code setUp} is applied to every host booted from now on, before its SSH port opens: e.g. slow down one host in
     * three, or make its package install outlive the client's timeout.
     */
    public void atEveryBoot(Consumer<SimulatedHost> setUp) {
        this.atEveryBoot = setUp;
    }

    /**
     * The droplet's SSH port is closed (connection refused) for {@code duration}: from its boot when it has not booted
     * yet, from now when it has.
     */
    public void refuseConnections(long dropletId, Duration duration) {
        Booted booted = hosts.get(dropletId);
        if (booted == null) {
            refusalsAtBoot.put(dropletId, duration);
            return;
        }
        booted.server().close();
        scheduler.schedule(booted.server()::open, duration.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Every host booted from now on refuses connections for its first {@code duration}, as a droplet does while it
     * boots; a per-droplet {@link #refuseConnections} wins. {@link Duration#ZERO} turns it off.
     */
    public void refuseConnectionsAtEveryBoot(Duration duration) {
        this.refusalAtEveryBoot = duration;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        hosts.values().forEach(b -> {
            b.server().destroy();
            b.host().closePorts();
        });
        hosts.clear();
    }

    private synchronized String nextAddress() {
        while (nextHost % 256 == 0 || nextHost % 256 == 255) {
            nextHost++;
        }
        int n = nextHost++;
        if (n >= 256 * 256) {
            throw new IllegalStateException("no loopback address left in 127.10.0.0/16 for another simulated host");
        }
        return "127.10." + (n / 256) + "." + (n % 256);
    }
}
