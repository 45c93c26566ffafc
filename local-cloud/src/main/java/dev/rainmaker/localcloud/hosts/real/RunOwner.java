package dev.rainmaker.localcloud.hosts.real;

import java.util.Optional;

/**
 * A run that made something on this machine (a host network, a container): the process with this id that started at
 * this time, so that a later run can tell a live owner from a killed one whose id was reused.
 */
public record RunOwner(long pid, long startTime) {

    /** This JVM. */
    public static RunOwner self() {
        MachineProcess self = MachineProcess.self();
        return new RunOwner(self.pid(), self.startTime());
    }

    /** Empty for text that is not {@link #text()}'s (cut short by a crash while written): nobody's, so a leftover. */
    public static Optional<RunOwner> parse(String text) {
        String[] words = text.strip().split("\\s+");
        try {
            return Optional.of(new RunOwner(Long.parseLong(words[0]), Long.parseLong(words[1])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public boolean alive() {
        return MachineProcess.alive(pid, startTime);
    }

    /** {@code "<pid> <start time>"}, as {@link #parse} reads it. */
    public String text() {
        return pid + " " + startTime;
    }
}
