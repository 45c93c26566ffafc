package dev.rainmaker.cli;

import dev.rainmaker.localcloud.LocalCloud.HostKind;
import dev.rainmaker.localcloud.hosts.real.Availability;

/** Which machines the local cloud gives droplets, and why, from {@code --hosts} and what this machine can do. */
record HostChoice(HostKind kind, String why) {

    /** {@code --hosts}: real where the machine can, else containers where it can, or one kind by force. */
    enum Wanted {
        AUTO,
        REAL,
        CONTAINERS,
        SIMULATED
    }

    /**
     * @param real whether real hosts (systemd-nspawn) can run here
     * @param containers whether container hosts (a Docker API) can run here
     * @throws IllegalStateException when real or container hosts are forced on a machine that cannot run them, saying
     *     why
     */
    static HostChoice decide(Wanted wanted, Availability real, Availability containers) {
        return switch (wanted) {
            case SIMULATED -> new HostChoice(HostKind.SIMULATED, "asked for with --hosts simulated");
            case REAL -> forced(HostKind.REAL, "real", "real hosts", real);
            case CONTAINERS -> forced(HostKind.CONTAINERS, "containers", "container hosts", containers);
            case AUTO -> {
                if (real.available()) {
                    yield new HostChoice(HostKind.REAL, real.reason());
                }
                if (containers.available()) {
                    yield new HostChoice(
                            HostKind.CONTAINERS,
                            "real hosts cannot run here: " + real.reason() + "; " + containers.reason());
                }
                yield new HostChoice(
                        HostKind.SIMULATED,
                        "real hosts cannot run here: " + real.reason() + "; nor container hosts: " + containers.reason()
                                + " (--hosts simulated to choose this yourself)");
            }
        };
    }

    private static HostChoice forced(HostKind kind, String name, String hosts, Availability availability) {
        if (!availability.available()) {
            throw new IllegalStateException(
                    "--hosts " + name + ", but " + hosts + " cannot run here: " + availability.reason());
        }
        return new HostChoice(kind, "asked for with --hosts " + name + "; " + availability.reason());
    }

    /** One line for the person at the terminal. */
    String describe() {
        return switch (kind) {
            case REAL -> "hosts: real Debian 12 machines (systemd-nspawn in network namespaces): " + why;
            case CONTAINERS -> "hosts: real Debian 12 machines as containers (systemd in Docker/Podman): " + why;
            case SIMULATED -> "hosts: simulated (SSH servers answering from a model of Debian 12): " + why;
        };
    }
}
