package dev.rainmaker.localcloud.hosts;

import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.rainmaker.localcloud.hosts.model.CommandModel;
import dev.rainmaker.localcloud.hosts.model.CommandResult;
import dev.rainmaker.localcloud.hosts.model.DpkgLock;
import dev.rainmaker.localcloud.hosts.model.FileCommands;
import dev.rainmaker.localcloud.hosts.model.HostKeyFiles;
import dev.rainmaker.localcloud.hosts.model.HostProcess;
import dev.rainmaker.localcloud.hosts.model.HostState;
import dev.rainmaker.localcloud.hosts.model.PackageCommands;
import dev.rainmaker.localcloud.hosts.model.ServiceCommands;
import dev.rainmaker.localcloud.hosts.model.ShellWords;
import dev.rainmaker.localcloud.hosts.model.SshdCommands;
import dev.rainmaker.localcloud.hosts.model.StandardInput;
import dev.rainmaker.localcloud.hosts.model.UserCommands;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * One simulated droplet: its state, the commands it was sent, and how it answers them. A command goes whole to the
 * models first; when none understands it and it is a list joined by {@code &&}, its parts run in order until one
 * fails, as a shell would. A command nobody understands fails with exit status 127. Its sshd presents the host keys
 * its configuration names, read from their files at boot and again whenever {@code ssh} is reloaded or restarted.
 */
public final class SimulatedHost {

    private final long dropletId;
    private final String address;
    private final HostState state;
    private final List<CommandModel> models;
    private final Supplier<Duration> latency;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final SlowCommands slowCommands = new SlowCommands();
    private volatile Duration ownLatency = Duration.ZERO;
    private final SessionLog sessionLog = new SessionLog();
    private volatile List<KeyPair> hostKeys;
    private int sshdConfigurationReads;
    private final SimulatedHostPorts ports;

    SimulatedHost(
            long dropletId,
            String address,
            int appPort,
            HostState state,
            List<CommandModel> models,
            Supplier<Duration> latency) {
        this.dropletId = dropletId;
        this.address = address;
        this.state = state;
        this.models = List.copyOf(models);
        this.latency = latency;
        synchronized (state) {
            this.hostKeys = loadHostKeys(state);
            this.sshdConfigurationReads = ServiceCommands.configurationReads(state, "ssh");
        }
        this.ports = new SimulatedHostPorts(address, appPort, state);
    }

    public long dropletId() {
        return dropletId;
    }

    public String address() {
        return address;
    }

    public HostState state() {
        return state;
    }

    /** Every command received over SSH, in order, as the client sent it. */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    /** The SSH sessions it served and the commands each ran. */
    public SessionLog sessionLog() {
        return sessionLog;
    }

    /** The host keys its sshd presents now. */
    public List<KeyPair> hostKeys() {
        return hostKeys;
    }

    public CommandResult run(String command) {
        return run(command, StandardInput.empty());
    }

    public CommandResult run(String command, StandardInput input) {
        commands.add(command);
        pause(latency.get().plus(ownLatency));
        Optional<Fault> fault = faults.stream().filter(f -> f.matches(command)).findFirst();
        if (fault.isPresent() && fault.get().consume()) {
            return CommandResult.failed(fault.get().exitStatus, "simulated failure of: " + command);
        }
        DpkgLock.awaitFree(command, state);
        if (!DpkgLock.blocks(command, state)) {
            Optional<SlowCommands.Slow> slow = slowCommands.take(command);
            if (slow.isPresent()) {
                return runInBackground(command, input, slow.get().runsFor());
            }
        }
        return runNow(command, input);
    }

    private CommandResult runNow(String command, StandardInput input) {
        synchronized (state) {
            try {
                CommandResult result = dispatch(command, input);
                rereadHostKeysIfSshdDid();
                return result;
            } finally {
                ports.sync();
            }
        }
    }

    /**
     * The command is a process on the host (pgrep sees it, it holds dpkg's lock if it is apt-get or dpkg) until it has
     * run for {@code runsFor}; then it ends and changes the host at that moment, whether the client still waits (and
     * gets its answer) or gave up (its channel closed: this thread is interrupted). Without a duration it never ends.
     */
    private CommandResult runInBackground(String command, StandardInput input, Optional<Duration> runsFor) {
        HostProcess process = state.startProcess(command);
        CompletableFuture<CommandResult> ended = new CompletableFuture<>();
        runsFor.ifPresent(duration -> Thread.ofVirtual()
                .name("simulated-process-" + address)
                .start(() -> {
                    pause(duration);
                    synchronized (state) {
                        state.endProcess(process);
                        ended.complete(runNow(command, input));
                    }
                }));
        try {
            return ended.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CommandResult.failed(255, "the client went away while " + process.name() + " was running");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * dpkg was cut off while it set up {@code packages} (a session that died mid-install): they stay half-configured,
     * {@code dpkg --audit} names them and apt-get refuses to install until {@code dpkg --configure -a} has run.
     */
    public void interruptDpkg(String... packages) {
        synchronized (state) {
            PackageCommands.interrupt(state, packages);
        }
    }

    /** Every command on this host takes {@code latency} longer (besides the delay all hosts share). */
    public void slowDown(Duration latency) {
        this.ownLatency = latency;
    }

    /**
     * The next command starting with {@code commandPrefix} runs for {@code runsFor} (longer than the client's timeout,
     * say) and then completes, as apt would finish in the background after the client gave up; later ones answer as
     * usual. While it runs, {@code pgrep}, {@code pidof} and {@code fuser} on dpkg's lock show it.
     */
    public void outliveOnce(String commandPrefix, Duration runsFor) {
        slowCommands.outliveOnce(commandPrefix, runsFor);
    }

    /** Every command starting with {@code commandPrefix} starts and never ends (past any budget). */
    public void hangForever(String commandPrefix) {
        slowCommands.hangForever(commandPrefix);
    }

    /**
     * Opens and closes the host's sockets besides SSH to match its state, for a test that changed the state directly.
     */
    public void syncPorts() {
        synchronized (state) {
            ports.sync();
        }
    }

    void closePorts() {
        ports.close();
    }

    void failNext(String commandPrefix, int exitStatus, int times) {
        faults.add(new Fault(commandPrefix, exitStatus, new AtomicInteger(times)));
    }

    /** Whether {@code user} may log in with {@code key}: the key is in that user's {@code ~/.ssh/authorized_keys}. */
    boolean accepts(String user, PublicKey key) {
        if (!state.users.containsKey(user)) {
            return false;
        }
        String file = UserCommands.home(state, user) + "/.ssh/authorized_keys";
        for (String line : FileCommands.lines(state, file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                PublicKey authorized = AuthorizedKeyEntry.parseAuthorizedKeyEntry(line)
                        .resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
                if (authorized != null && KeyUtils.compareKeys(authorized, key)) {
                    return true;
                }
            } catch (Exception e) {
                // sshd skips lines it cannot read, and so does the simulated host
            }
        }
        return false;
    }

    private void rereadHostKeysIfSshdDid() {
        int reads = ServiceCommands.configurationReads(state, "ssh");
        if (reads != sshdConfigurationReads) {
            sshdConfigurationReads = reads;
            hostKeys = loadHostKeys(state);
        }
    }

    private static List<KeyPair> loadHostKeys(HostState state) {
        return SshdCommands.hostKeyFiles(state).stream()
                .flatMap(file -> HostKeyFiles.load(state, file).stream())
                .toList();
    }

    private CommandResult dispatch(String command, StandardInput input) {
        for (CommandModel model : models) {
            Optional<CommandResult> result = model.run(command, state, input);
            if (result.isPresent()) {
                return result.get();
            }
        }
        List<String> parts = ShellWords.splitAndList(command);
        if (parts.size() > 1) {
            return runInOrder(parts, input);
        }
        return CommandResult.failed(127, "simulated host does not know: " + command);
    }

    private CommandResult runInOrder(List<String> parts, StandardInput input) {
        List<String> out = new ArrayList<>();
        List<String> err = new ArrayList<>();
        for (String part : parts) {
            CommandResult result = dispatch(part, input);
            out.add(result.stdout());
            err.add(result.stderr());
            if (result.exitStatus() != 0) {
                return new CommandResult(result.exitStatus(), String.join("", out), joinLines(err));
            }
        }
        return new CommandResult(0, String.join("", out), joinLines(err));
    }

    private static String joinLines(List<String> parts) {
        return String.join("\n", parts.stream().filter(s -> !s.isEmpty()).toList());
    }

    private static void pause(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Fault(String commandPrefix, int exitStatus, AtomicInteger remaining) {

        boolean matches(String command) {
            return command.startsWith(commandPrefix) && remaining.get() > 0;
        }

        boolean consume() {
            return remaining.getAndDecrement() > 0;
        }
    }
}
