package dev.rainmaker.localcloud.hosts.model;

import java.util.List;
import java.util.Optional;

/**
 * dpkg's lock ({@code /var/lib/dpkg/lock-frontend} and {@code /var/lib/dpkg/lock}): held by an apt-get or dpkg that
 * changes packages while it runs; another one started meanwhile fails at once saying who holds it, as on Debian 12
 * (apt-get waits only when asked to with {@code -o DPkg::Lock::Timeout}, which the models do not read).
 */
public final class DpkgLock {

    public static final List<String> FILES = List.of("/var/lib/dpkg/lock-frontend", "/var/lib/dpkg/lock");

    private static final List<String> APT_CHANGES =
            List.of("install", "remove", "purge", "upgrade", "dist-upgrade", "full-upgrade", "autoremove");
    private static final List<String> DPKG_CHANGES =
            List.of("-i", "--install", "--configure", "-r", "--remove", "-P", "--purge", "--unpack");

    private DpkgLock() {}

    /** Whether a simple command (not a list) takes the lock. */
    static boolean needs(String command) {
        return ShellWords.parse(command)
                .map(parsed -> switch (parsed.word(0)) {
                    case "apt-get", "apt" -> parsed.wordsFrom(1).stream().anyMatch(APT_CHANGES::contains);
                    case "dpkg" -> parsed.wordsFrom(1).stream().anyMatch(DPKG_CHANGES::contains);
                    default -> false;
                })
                .orElse(false);
    }

    /** The process holding the lock now, if any. */
    public static Optional<HostProcess> holder(HostState host) {
        return host.processes.values().stream()
                .filter(HostProcess::holdsDpkgLock)
                .findFirst();
    }

    /** Whether any part of {@code command} (a list joined by {@code &&} too) would wait for nobody and fail now. */
    public static boolean blocks(String command, HostState host) {
        return holder(host).isPresent()
                && ShellWords.splitAndList(command).stream().anyMatch(DpkgLock::needs);
    }

    static CommandResult aptGetLocked(HostProcess holder) {
        return CommandResult.failed(
                100,
                "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process " + holder.pid() + " ("
                        + holder.name() + ")\nN: Be aware that removing the lock file is not a solution and may break"
                        + " your system.\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is"
                        + " another process using it?");
    }

    static CommandResult dpkgLocked(HostProcess holder) {
        return CommandResult.failed(
                2,
                "dpkg: error: dpkg frontend lock was locked by another process with pid " + holder.pid()
                        + "\nNote: removing the lock file is always wrong, can damage the locked area\nand the entire"
                        + " system. See <https://wiki.debian.org/Teams/Dpkg/FAQ#db-lock>.");
    }
}
