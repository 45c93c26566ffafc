package dev.rainmaker.localcloud.hosts.real;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The machine's tools real hosts need, which Debian package brings each, and whether this machine can run them. */
final class MachineTools {

    /** Tool on the PATH to the Debian package that installs it. */
    static final Map<String, String> TOOLS = tools();

    private MachineTools() {}

    private static Map<String, String> tools() {
        Map<String, String> tools = new LinkedHashMap<>();
        tools.put("debootstrap", "debootstrap");
        tools.put("systemd-nspawn", "systemd-container");
        tools.put("apt-cacher-ng", "apt-cacher-ng");
        tools.put("zstd", "zstd");
        tools.put("ip", "iproute2");
        tools.put("tar", "tar");
        return tools;
    }

    static Availability check() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Availability.no("real hosts need Linux (network namespaces, systemd-nspawn); this is "
                    + System.getProperty("os.name"));
        }
        if (!isRoot()) {
            return Availability.no(
                    "real hosts need root (network namespaces, systemd-nspawn); running as uid " + uid());
        }
        List<String> missing = missingPackages();
        if (missing.isEmpty()) {
            return Availability.yes("Linux, root, and debootstrap, systemd-nspawn, apt-cacher-ng, zstd present");
        }
        if (onPath("apt-get") == null) {
            return Availability.no(
                    "real hosts need the packages " + missing + " and there is no apt-get to install" + " them");
        }
        return Availability.yes("Linux, root; will install " + missing + " with apt-get");
    }

    /** Installs the missing packages with apt-get; fails saying which could not be installed. */
    static void installMissing() {
        List<String> missing = missingPackages();
        if (missing.isEmpty()) {
            return;
        }
        Processes.run("apt-get", "update", "-qq");
        List<String> command =
                new ArrayList<>(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq"));
        command.addAll(missing);
        Processes.Result result = Processes.exec(command);
        if (!result.succeeded() || !missingPackages().isEmpty()) {
            throw new IllegalStateException(
                    "could not install " + missingPackages() + " for real hosts: " + Processes.tail(result.output()));
        }
    }

    static List<String> missingPackages() {
        return TOOLS.entrySet().stream()
                .filter(tool -> onPath(tool.getKey()) == null)
                .map(Map.Entry::getValue)
                .distinct()
                .toList();
    }

    static Path onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin:/bin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return Path.of(dir, tool);
            }
        }
        return null;
    }

    private static boolean isRoot() {
        return "0".equals(uid());
    }

    private static String uid() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .map(line -> line.substring(4).trim().split("\\s+")[1])
                    .findFirst()
                    .orElse("unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
