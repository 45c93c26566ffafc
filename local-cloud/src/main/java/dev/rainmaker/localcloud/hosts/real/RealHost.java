package dev.rainmaker.localcloud.hosts.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.rainmaker.localcloud.hosts.HostSpec;
import dev.rainmaker.localcloud.hosts.SshBanner;
import dev.rainmaker.localcloud.process.ChildProcesses;

/**
 * One droplet's machine: the base image unpacked into its own directory, cloud-init seeded with the droplet's
 * {@code user_data} (NoCloud), booted with systemd under systemd-nspawn inside its own network namespace. Should this
 * JVM die, systemd-nspawn gets SIGTERM and powers the machine off ({@code --kill-signal}). With a CPU cap, nspawn and
 * all the host runs are inside the host's {@link CpuCgroup}.
 */
final class RealHost {

    static final int SSH_PORT = 22;

    private final HostSpec spec;
    private final HostNetwork network;
    private final Path rootfs;
    private final Path console;
    private final Optional<CpuCgroup> cpuCap;
    private Process nspawn;

    private RealHost(HostSpec spec, HostNetwork network, Path rootfs, Path console, Optional<CpuCgroup> cpuCap) {
        this.spec = spec;
        this.network = network;
        this.rootfs = rootfs;
        this.console = console;
        this.cpuCap = cpuCap;
    }

    /** @param cpuCap the cgroup the host runs in, capping its CPU time; empty for no cap */
    static RealHost create(HostSpec spec, HostNetwork network, Path hostsDirectory, Optional<CpuCgroup> cpuCap) {
        return new RealHost(
                spec,
                network,
                rootfs(network, hostsDirectory),
                hostsDirectory.resolve(network.namespace() + ".console.log"),
                cpuCap);
    }

    static Path rootfs(HostNetwork network, Path hostsDirectory) {
        return hostsDirectory.resolve(network.namespace());
    }

    HostNetwork network() {
        return network;
    }

    String address() {
        return network.hostAddress();
    }

    /** Unpacks, seeds and boots the host; returns once its sshd answers. */
    void boot(Path baseImage, Duration timeout) {
        try {
            Files.createDirectories(rootfs);
            Processes.run(
                    "tar",
                    "--numeric-owner",
                    "--xattrs",
                    "-I",
                    "zstd",
                    "-C",
                    rootfs.toString(),
                    "-xpf",
                    baseImage.toString());
            seed();
            network.create();
            List<String> command = nspawnCommand(rootfs, network);
            nspawn = ChildProcesses.start(
                    new ProcessBuilder(
                                    cpuCap.map(cgroup -> cgroup.enter(command)).orElse(command))
                            .redirectErrorStream(true)
                            .redirectOutput(console.toFile())
                            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))),
                    ChildProcesses.OnParentDeath.TERM);
            awaitSsh(timeout);
        } catch (IOException e) {
            throw new UncheckedIOException("could not boot the real host for droplet " + spec.dropletId(), e);
        }
    }

    static List<String> nspawnCommand(Path rootfs, HostNetwork network) {
        return List.of(
                "systemd-nspawn",
                "-D",
                rootfs.toString(),
                "-M",
                network.namespace(),
                "-b",
                "--register=no",
                "--keep-unit",
                "--network-namespace-path=" + network.namespacePath(),
                "--capability=CAP_NET_ADMIN",
                "--timezone=off",
                "--resolv-conf=off",
                "--console=read-only",
                "--kill-signal=SIGRTMIN+14");
    }

    private void seed() throws IOException {
        for (Map.Entry<String, String> file : new CloudInitSeed(spec).files().entrySet()) {
            Path path = rootfs.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
    }

    private void awaitSsh(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!SshBanner.answers(address(), SSH_PORT)) {
            if (!nspawn.isAlive()) {
                throw new IllegalStateException("the real host for droplet " + spec.dropletId()
                        + " stopped while booting (systemd-nspawn exit status " + nspawn.exitValue() + "): "
                        + consoleTail());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the real host for droplet " + spec.dropletId()
                        + " did not answer SSH on " + address() + ":" + SSH_PORT + " within " + timeout + ": "
                        + consoleTail());
            }
            sleep(200);
        }
    }

    private String consoleTail() {
        try {
            return Processes.tail(Files.readString(console, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "(no console log: " + e.getMessage() + ")";
        }
    }

    /** Powers the host off at once, then removes its network and its files. */
    void destroy() {
        if (nspawn != null && nspawn.isAlive()) {
            nspawn.destroy();
            try {
                if (!nspawn.waitFor(10, TimeUnit.SECONDS)) {
                    nspawn.destroyForcibly();
                    nspawn.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                nspawn.destroyForcibly();
            }
        }
        network.delete();
        cpuCap.ifPresent(CpuCgroup::delete);
        Processes.exec(List.of("rm", "-rf", "--one-file-system", rootfs.toString(), console.toString()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a real host", e);
        }
    }
}
