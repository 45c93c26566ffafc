package dev.rainmaker.localcloud.hosts.real;

/**
 * A host's own network: namespace {@code rmh<N>} whose {@code eth0} is {@code 10.200.N.2/30}, the other end of a
 * veth pair whose machine end {@code rmv<N>} is {@code 10.200.N.1/30} and the host's default route. The machine
 * forwards nothing, so a host reaches only the machine (where the package proxy listens), and the machine reaches it.
 */
record HostNetwork(int index) {

    HostNetwork {
        if (index < 1 || index > 254) {
            throw new IllegalArgumentException("host network index " + index + " is outside 1..254");
        }
    }

    String namespace() {
        return "rmh" + index;
    }

    String machineInterface() {
        return "rmv" + index;
    }

    String machineAddress() {
        return "10.200." + index + ".1";
    }

    String hostAddress() {
        return "10.200." + index + ".2";
    }

    String namespacePath() {
        return "/run/netns/" + namespace();
    }

    /** Whether anything of this network exists already (a leftover, or another process's host). */
    boolean inUse() {
        return java.nio.file.Files.exists(java.nio.file.Path.of(namespacePath()))
                || Processes.succeeds("ip", "link", "show", machineInterface());
    }

    void reserve() {
        Processes.run("ip", "netns", "add", namespace());
    }

    /** Creates the veth pair and addresses in the {@link #reserve reserved} namespace. */
    void create() {
        Processes.run(
                "ip", "link", "add", machineInterface(), "type", "veth", "peer", "name", "eth0", "netns", namespace());
        Processes.run("ip", "addr", "add", machineAddress() + "/30", "dev", machineInterface());
        Processes.run("ip", "link", "set", machineInterface(), "up");
        Processes.run("ip", "-n", namespace(), "addr", "add", hostAddress() + "/30", "dev", "eth0");
        Processes.run("ip", "-n", namespace(), "link", "set", "lo", "up");
        Processes.run("ip", "-n", namespace(), "link", "set", "eth0", "up");
        Processes.run("ip", "-n", namespace(), "route", "add", "default", "via", machineAddress());
    }

    /** The process ids of what runs inside the namespace (none when it does not exist). */
    java.util.List<Long> processes() {
        Processes.Result pids = Processes.exec(java.util.List.of("ip", "netns", "pids", namespace()));
        if (!pids.succeeded()) {
            return java.util.List.of();
        }
        return pids.output()
                .lines()
                .map(String::strip)
                .filter(pid -> pid.matches("\\d+"))
                .map(Long::parseLong)
                .toList();
    }

    /** Kills whatever still runs in the namespace, then removes it and the veth pair. */
    void delete() {
        processes().forEach(pid -> Processes.exec(java.util.List.of("kill", "-KILL", Long.toString(pid))));
        Processes.exec(java.util.List.of("ip", "netns", "del", namespace()));
        Processes.exec(java.util.List.of("ip", "link", "del", machineInterface()));
    }
}
