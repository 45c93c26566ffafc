package dev.rainmaker.localcloud.hosts.real;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what real-host runs killed before they could clean up left on this machine (their own children die with
 * them: see {@code ChildProcesses}), and nothing else: host networks {@code rmh<N>} (what still runs in them, the
 * namespace, the veth pair, the root file system) whose owner in the {@link Ledger} is gone, the package proxy on
 * {@link AptProxy#ADDRESS} when no JVM is its parent, the CPU caps' cgroups of networks that are gone, and that address on {@code lo} when Rainmaker put it there (its
 * label) and no run is left to use it. Networks of an older Rainmaker that kept no ledger count as left over only when
 * nothing in them descends from a running JVM and they are older than {@link #UNRECORDED_GRACE}.
 */
final class Leftovers {

    static final Duration UNRECORDED_GRACE = Duration.ofMinutes(2);

    private static final Pattern HOST_NAMESPACE = Pattern.compile("rmh(\\d{1,3})");
    private static final Pattern MACHINE_LINK = Pattern.compile("^\\d+: (rmv(\\d{1,3}))[@:]", Pattern.MULTILINE);

    private final Ledger ledger;
    private final List<String> removed = new ArrayList<>();

    private Leftovers(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Sweeps and says what it removed, one line each. */
    static List<String> sweep(Ledger ledger) {
        Leftovers leftovers = new Leftovers(ledger);
        leftovers.proxies();
        leftovers.networks();
        leftovers.machineLinks();
        CpuCgroup.Hierarchy.ofThisMachine().map(CpuCgroup::sweep).ifPresent(leftovers.removed::addAll);
        leftovers.proxyAddress();
        return List.copyOf(leftovers.removed);
    }

    /** apt-cacher-ng on our address outlives its JVM only when that JVM was killed before it could stop it. */
    private void proxies() {
        for (MachineProcess proxy : AptProxy.runningProxies()) {
            boolean orphaned = proxy.parent().map(parent -> !parent.isJvm()).orElse(true);
            if (orphaned) {
                Processes.exec(List.of("kill", "-KILL", Long.toString(proxy.pid())));
                removed.add("apt-cacher-ng (pid " + proxy.pid() + ") whose run was gone");
            }
        }
    }

    private void networks() {
        for (int index : namespaceIndexes()) {
            HostNetwork network = new HostNetwork(index);
            Optional<Ledger.NetworkEntry> entry = ledger.network(network);
            boolean leftOver = entry.isPresent() ? !entry.get().owner().alive() : unrecordedAndAbandoned(network);
            if (leftOver) {
                network.delete();
                entry.map(Ledger.NetworkEntry::rootfs).ifPresent(Leftovers::removeRootfs);
                ledger.forgetNetwork(network);
                removed.add("host network " + network.namespace() + " (" + network.hostAddress() + ")"
                        + entry.map(e -> " and " + e.rootfs()).orElse(""));
            }
        }
    }

    private static boolean unrecordedAndAbandoned(HostNetwork network) {
        boolean inUse = network.processes().stream()
                .map(MachineProcess::of)
                .flatMap(Optional::stream)
                .anyMatch(MachineProcess::hasJvmAncestor);
        return !inUse && olderThan(Path.of(network.namespacePath()), UNRECORDED_GRACE);
    }

    /** The machine end of a veth pair outlives its namespace only when a run was killed between the two. */
    private void machineLinks() {
        Matcher links = MACHINE_LINK.matcher(
                Processes.exec(List.of("ip", "-o", "link", "show")).output());
        while (links.find()) {
            HostNetwork network = new HostNetwork(Integer.parseInt(links.group(2)));
            if (!Files.exists(Path.of(network.namespacePath()))) {
                Processes.exec(List.of("ip", "link", "del", network.machineInterface()));
                removed.add("link " + network.machineInterface() + " without its host network");
            }
        }
    }

    private void proxyAddress() {
        if (AptProxy.addressAddedByRainmaker()
                && AptProxy.runningProxies().isEmpty()
                && ledger.liveRuns().isEmpty()) {
            AptProxy.removeAddress();
            removed.add(AptProxy.ADDRESS + " on lo, no run left to use it");
        }
    }

    private static List<Integer> namespaceIndexes() {
        List<Integer> indexes = new ArrayList<>();
        Path namespaces = Path.of("/run/netns");
        if (!Files.isDirectory(namespaces)) {
            return indexes;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(namespaces, "rmh*")) {
            for (Path entry : entries) {
                Matcher name = HOST_NAMESPACE.matcher(entry.getFileName().toString());
                if (name.matches() && Integer.parseInt(name.group(1)) >= 1 && Integer.parseInt(name.group(1)) <= 254) {
                    indexes.add(Integer.parseInt(name.group(1)));
                }
            }
        } catch (IOException e) {
            return indexes;
        }
        return indexes;
    }

    private static void removeRootfs(Path rootfs) {
        if (rootfs != null && rootfs.getFileName().toString().startsWith("rmh")) {
            Processes.exec(List.of("rm", "-rf", "--one-file-system", rootfs.toString(), rootfs + ".console.log"));
        }
    }

    private static boolean olderThan(Path file, Duration age) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            return modified.toInstant().isBefore(Instant.now().minus(age));
        } catch (IOException e) {
            return false;
        }
    }
}
