package dev.rainmaker.localcloud.hosts.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dpkg's lock ({@code /var/lib/dpkg/lock-frontend} and {@code /var/lib/dpkg/lock}): held by an apt-get or dpkg that
 * changes packages while it runs; another one started meanwhile fails at once saying who holds it, as on Debian 12,
 * unless it was told to wait for it ({@code -o DPkg::Lock::Timeout=SECONDS}, {@link #awaitFree}).
 */
public final class DpkgLock {

    public static final List<String> FILES = List.of("/var/lib/dpkg/lock-frontend", "/var/lib/dpkg/lock");

    private static final List<String> APT_CHANGES =
            List.of("install", "remove", "purge", "upgrade", "dist-upgrade", "full-upgrade", "autoremove");
    private static final List<String> DPKG_CHANGES =
            List.of("-i", "--install", "--configure", "-r", "--remove", "-P", "--purge", "--unpack");

    /** apt's option to wait for dpkg's lock instead of failing at once. */
    private static final Pattern LOCK_TIMEOUT =
            Pattern.compile("-o\\s*DPkg::Lock::Timeout=(\\d+)", Pattern.CASE_INSENSITIVE);

    private DpkgLock() {}

    /**
     * A command told to wait for the lock waits up to its timeout for the holder to end, as apt does; then it runs (and
     * fails saying who holds the lock, if someone still does). Call it outside the host's lock: the holder needs that
     * to end.
     */
    public static void awaitFree(String command, HostState host) {
        Matcher timeout = LOCK_TIMEOUT.matcher(command);
        if (!timeout.find()) {
            return;
        }
        long deadline = System.nanoTime()
                + Duration.ofSeconds(Long.parseLong(timeout.group(1))).toNanos();
        while (blocks(command, host) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

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
