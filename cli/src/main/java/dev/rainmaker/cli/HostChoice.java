package dev.rainmaker.cli;

import dev.rainmaker.localcloud.LocalCloud.HostKind;
import dev.rainmaker.localcloud.hosts.real.Availability;

/** Which machines the local cloud gives droplets, and why, from {@code --hosts} and what this machine can do. */
record HostChoice(HostKind kind, String why) {

    /** {@code --hosts}: real where the machine can, or one kind by force. */
    enum Wanted {
        AUTO,
        REAL,
        SIMULATED
    }

    /** @throws IllegalStateException when real hosts are forced on a machine that cannot run them, saying why */
    static HostChoice decide(Wanted wanted, Availability availability) {
        return switch (wanted) {
            case SIMULATED -> new HostChoice(HostKind.SIMULATED, "asked for with --hosts simulated");
            case REAL -> {
                if (!availability.available()) {
                    throw new IllegalStateException(
                            "--hosts real, but real hosts cannot run here: " + availability.reason());
                }
                yield new HostChoice(HostKind.REAL, "asked for with --hosts real; " + availability.reason());
            }
            case AUTO ->
                availability.available()
                        ? new HostChoice(HostKind.REAL, availability.reason())
                        : new HostChoice(
                                HostKind.SIMULATED,
                                "real hosts cannot run here: " + availability.reason()
                                        + " (--hosts simulated to choose this yourself)");
        };
    }

    /** One line for the person at the terminal. */
    String describe() {
        return kind == HostKind.REAL
                ? "hosts: real Debian 12 machines (systemd-nspawn in network namespaces): " + why
                : "hosts: simulated (SSH servers answering from a model of Debian 12): " + why;
    }
}
