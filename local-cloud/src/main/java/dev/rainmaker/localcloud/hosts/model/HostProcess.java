package dev.rainmaker.localcloud.hosts.model;

import java.util.List;

/**
 * A command running on a simulated host, as {@code pgrep} would see it: its process id, its name (the program, after
 * any {@code NAME=value} assignments; of a list joined by {@code &&}, the part that holds dpkg's lock, else the first)
 * and its command line.
 */
public record HostProcess(int pid, String name, String commandLine) {

    static HostProcess of(int pid, String command) {
        List<String> parts = ShellWords.splitAndList(command);
        String running = parts.stream().filter(DpkgLock::needs).findFirst().orElse(parts.getFirst());
        return ShellWords.parse(running)
                .filter(parsed -> !parsed.words().isEmpty())
                .map(parsed -> new HostProcess(pid, parsed.word(0), String.join(" ", parsed.words())))
                .orElseGet(() -> new HostProcess(pid, "sh", "sh -c " + command));
    }

    /** Whether it holds dpkg's lock while it runs, as apt-get and dpkg do. */
    boolean holdsDpkgLock() {
        return DpkgLock.needs(commandLine);
    }
}
