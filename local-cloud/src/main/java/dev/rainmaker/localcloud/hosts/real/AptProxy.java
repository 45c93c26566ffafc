package dev.rainmaker.localcloud.hosts.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.rainmaker.localcloud.process.ChildProcesses;

/**
 * The hosts' package proxy: Debian's apt-cacher-ng on a machine-local address of its own ({@link #ADDRESS}, on the
 * loopback interface, not routed anywhere: every host reaches it through its veth peer, and no other network does), fetching
 * from the machine's own mirror and caching outside the repository, so a warm run installs from cache. One per
 * machine: a proxy already answering there is used as it is. The address is added to {@code lo} only when missing,
 * labelled {@link #LABEL} so that a later run knows it is Rainmaker's, and removed again when the last proxy of this
 * JVM that needed it stops and no other run uses it, so a machine is left as it was found. The proxy is this JVM's
 * child and gets SIGTERM when the JVM dies ({@code ChildProcesses}); what a killed run leaves, {@link Leftovers}
 * removes.
 */
final class AptProxy implements AutoCloseable {

    static final String ADDRESS = "10.200.0.1";
    static final int PORT = 3142;
    static final String LABEL = "lo:rainmaker";

    /** Proxies of this JVM not yet closed, and whether one of them put {@link #ADDRESS} on {@code lo}. */
    private static int openProxies;

    private static boolean addressAddedHere;

    private final Process process;
    private final Ledger ledger;
    private boolean closed;

    private AptProxy(Process process, Ledger ledger) {
        this.process = process;
        this.ledger = ledger;
    }

    /** The apt configuration that sends a host's downloads through the proxy. */
    static String aptConfiguration() {
        return "Acquire::http::Proxy \"http://" + ADDRESS + ":" + PORT + "\";\n";
    }

    static AptProxy start(Path cacheDirectory, DebianMirror mirror, Ledger ledger) {
        ensureAddress();
        try {
            return startOnAddress(cacheDirectory, mirror, ledger);
        } catch (RuntimeException e) {
            releaseAddress(ledger);
            throw e;
        }
    }

    private static AptProxy startOnAddress(Path cacheDirectory, DebianMirror mirror, Ledger ledger) {
        if (answers()) {
            return new AptProxy(null, ledger);
        }
        try {
            Path config = configuration(cacheDirectory.resolve("apt-cacher-ng-config"), mirror);
            Path cache = Files.createDirectories(cacheDirectory.resolve("apt-cacher-ng"));
            Path logs = Files.createDirectories(cacheDirectory.resolve("apt-cacher-ng-log"));
            Process process = ChildProcesses.start(
                    new ProcessBuilder(
                                    "apt-cacher-ng",
                                    "-c",
                                    config.toString(),
                                    "ForeGround=1",
                                    "BindAddress=" + ADDRESS,
                                    "Port=" + PORT,
                                    "CacheDir=" + cache,
                                    "LogDir=" + logs,
                                    "Remap-secdeb=security.debian.org deb.debian.org/debian-security /debian-security ;"
                                            + " file:backends_debian_security")
                            .redirectErrorStream(true)
                            .redirectOutput(logs.resolve("foreground.log").toFile()),
                    ChildProcesses.OnParentDeath.TERM);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
            while (!answers()) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("apt-cacher-ng did not start on " + ADDRESS + ":" + PORT + "; see "
                            + logs.resolve("foreground.log"));
                }
                Thread.sleep(100);
            }
            return new AptProxy(process, ledger);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start apt-cacher-ng", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting apt-cacher-ng", e);
        }
    }

    /**
     * Debian's configuration, with the backends replaced: out of the box it remaps Debian requests to public mirrors
     * this machine cannot reach.
     */
    private static Path configuration(Path config, DebianMirror mirror) throws IOException {
        Files.createDirectories(config);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("/etc/apt-cacher-ng"))) {
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, config.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.writeString(config.resolve("backends_debian"), withSlash(mirror.debianUri()) + "\n");
        Files.writeString(config.resolve("backends_debian_security"), withSlash(mirror.securityUri()) + "\n");
        return config;
    }

    private static String withSlash(String uri) {
        return uri.endsWith("/") ? uri : uri + "/";
    }

    private static synchronized void ensureAddress() {
        openProxies++;
        if (!addressOnLoopback()) {
            Processes.run("ip", "addr", "add", ADDRESS + "/32", "dev", "lo", "label", LABEL);
            addressAddedHere = true;
        }
    }

    /**
     * The last proxy gone: the address leaves {@code lo} if this JVM put it there and no other run uses it (the sweep
     * of the last one takes it then), and stays if it was found there.
     */
    private static synchronized void releaseAddress(Ledger ledger) {
        openProxies--;
        if (openProxies == 0 && addressAddedHere) {
            addressAddedHere = false;
            if (!ledger.otherLiveRuns()) {
                removeAddress();
            }
        }
    }

    static boolean addressOnLoopback() {
        return Processes.run("ip", "-4", "addr", "show", "dev", "lo").contains(" " + ADDRESS + "/32 ");
    }

    /** Whether the address on {@code lo} carries Rainmaker's label: only then may a sweep take it away. */
    static boolean addressAddedByRainmaker() {
        return Processes.run("ip", "-4", "addr", "show", "dev", "lo")
                .lines()
                .anyMatch(line ->
                        line.contains(" " + ADDRESS + "/32 ") && line.strip().endsWith(" " + LABEL));
    }

    static void removeAddress() {
        if (addressOnLoopback()) {
            Processes.exec(List.of("ip", "addr", "del", ADDRESS + "/32", "dev", "lo"));
        }
    }

    /** apt-cacher-ng processes serving {@link #ADDRESS}, whoever started them. */
    static List<MachineProcess> runningProxies() {
        return MachineProcess.all().stream()
                .filter(p -> !p.commandLine().isEmpty()
                        && p.commandLine().getFirst().endsWith("apt-cacher-ng")
                        && p.commandLine().contains("BindAddress=" + ADDRESS))
                .toList();
    }

    static boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ADDRESS, PORT), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopProcess();
        releaseAddress(ledger);
    }

    private void stopProcess() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
