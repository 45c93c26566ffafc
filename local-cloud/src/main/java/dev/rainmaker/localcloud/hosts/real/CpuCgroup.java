package dev.rainmaker.localcloud.hosts.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One real host's own cgroup, {@code rainmaker/rmh<N>} in the machine's cpu hierarchy, whose CFS bandwidth limit is the
 * host's {@link CpuQuota}; systemd-nspawn is started inside it, so the container and all it runs stay under the limit.
 * Made here because nspawn's {@code --property=CPUQuota=} needs a unit of its own, which {@code --register=no
 * --keep-unit} (the only way nspawn runs without systemd as PID 1) turns off: nspawn then says the setting "will have
 * no effect".
 */
final class CpuCgroup {

    private final Path directory;

    /**
     * Where the cpu controller is: a cgroup v1 {@code cpu} hierarchy ({@code cpu.cfs_quota_us}), or cgroup v2 with
     * {@code cpu} among its controllers ({@code cpu.max}).
     */
    record Hierarchy(Path root, boolean unified) {

        static final Path SYS_FS_CGROUP = Path.of("/sys/fs/cgroup");

        static Optional<Hierarchy> ofThisMachine() {
            return of(SYS_FS_CGROUP);
        }

        static Optional<Hierarchy> of(Path cgroupFileSystems) {
            Path v1 = cgroupFileSystems.resolve("cpu");
            if (Files.exists(v1.resolve("cpu.cfs_quota_us"))) {
                return Optional.of(new Hierarchy(v1, false));
            }
            Path controllers = cgroupFileSystems.resolve("cgroup.controllers");
            if (Files.exists(controllers)
                    && List.of(read(controllers).strip().split(" ")).contains("cpu")) {
                return Optional.of(new Hierarchy(cgroupFileSystems, true));
            }
            return Optional.empty();
        }

        /** The parent of every host's cgroup. */
        Path parent() {
            return root.resolve("rainmaker");
        }
    }

    private CpuCgroup(Path directory) {
        this.directory = directory;
    }

    /** Makes the host's cgroup (again, should a killed run have left it) and sets its limit. */
    static CpuCgroup create(Hierarchy hierarchy, HostNetwork network, CpuQuota quota) {
        CpuCgroup cgroup = new CpuCgroup(hierarchy.parent().resolve(network.namespace()));
        try {
            if (hierarchy.unified()) {
                write(hierarchy.root().resolve("cgroup.subtree_control"), "+cpu");
                Files.createDirectories(hierarchy.parent());
                write(hierarchy.parent().resolve("cgroup.subtree_control"), "+cpu");
                Files.createDirectories(cgroup.directory);
                write(cgroup.directory.resolve("cpu.max"), quota.cpuMax());
            } else {
                Files.createDirectories(cgroup.directory);
                write(cgroup.directory.resolve("cpu.cfs_period_us"), Long.toString(CpuQuota.PERIOD_MICROS));
                write(cgroup.directory.resolve("cpu.cfs_quota_us"), Long.toString(quota.quotaMicros()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not make the cgroup " + cgroup.directory + " capping " + network.namespace() + " at " + quota
                            + " of a CPU",
                    e);
        }
        return cgroup;
    }

    Path directory() {
        return directory;
    }

    /** The command, run by a shell that first moves itself into this cgroup, so that all it starts is inside. */
    List<String> enter(List<String> command) {
        List<String> entering = new ArrayList<>(
                List.of("sh", "-c", "echo $$ > \"$0/cgroup.procs\" && exec \"$@\"", directory.toString()));
        entering.addAll(command);
        return entering;
    }

    /** Removes the cgroup once what ran in it has ended; nested cgroups (nspawn's, on cgroup v2) first. */
    void delete() {
        for (int attempt = 0; Files.exists(directory); attempt++) {
            try {
                deleteTree(directory);
            } catch (IOException busy) {
                if (attempt >= 50) {
                    throw new UncheckedIOException("could not remove the cgroup " + directory, busy);
                }
                sleep();
            }
        }
    }

    /** Removes host cgroups whose network is gone (a run killed before it could remove them); says which. */
    static List<String> sweep(Hierarchy hierarchy) {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(hierarchy.parent())) {
            return removed;
        }
        try (DirectoryStream<Path> hosts = Files.newDirectoryStream(hierarchy.parent(), "rmh*")) {
            for (Path host : hosts) {
                if (Files.isDirectory(host)
                        && !Files.exists(Path.of("/run/netns").resolve(host.getFileName()))) {
                    try {
                        deleteTree(host);
                        removed.add("cgroup " + host + " without its host network");
                    } catch (IOException stillInUse) {
                        // something still runs in it: not a leftover to remove now
                    }
                }
            }
        } catch (IOException e) {
            return removed;
        }
        return removed;
    }

    private static void deleteTree(Path top) throws IOException {
        List<Path> cgroups;
        try (Stream<Path> walk = Files.walk(top)) {
            cgroups = walk.filter(Files::isDirectory)
                    .sorted(Comparator.reverseOrder())
                    .toList();
        }
        for (Path cgroup : cgroups) {
            Files.deleteIfExists(cgroup);
        }
    }

    private static void write(Path file, String value) throws IOException {
        Files.writeString(file, value, StandardCharsets.US_ASCII);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while removing a cgroup", e);
        }
    }
}
