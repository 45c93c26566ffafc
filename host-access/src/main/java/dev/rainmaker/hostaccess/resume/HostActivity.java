package dev.rainmaker.hostaccess.resume;

import java.util.List;
import java.util.Map;

import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.hostaccess.HostShell;

/**
 * What a host is doing with its packages, looked at before a stage resumes: package managers still running (apt, dpkg,
 * unattended-upgrades; dnf, rpm on the dnf family), a process holding dpkg's lock, or a dpkg that was interrupted and
 * must be completed with {@code dpkg --configure -a}. Never touches a lock: a held lock is waited for.
 */
final class HostActivity {

    /** Process names (as {@code pgrep -l} prints them) to the metric's {@code activity} label. */
    private static final Map<String, String> PACKAGE_MANAGERS = Map.of(
            "apt", "apt",
            "apt-get", "apt-get",
            "aptitude", "apt",
            "dpkg", "dpkg",
            "unattended-upgr", "unattended-upgrades", // the kernel keeps 15 characters of a process name
            "unattended-upgrade", "unattended-upgrades",
            "dnf", "dnf",
            "yum", "dnf",
            "rpm", "rpm",
            "dnf-automatic", "dnf");

    /**
     * unattended-upgrades' run ({@code /usr/bin/unattended-upgrade}, maybe with options), told apart by its command line
     * from {@code unattended-upgrade-shutdown --wait-for-signal}, which waits for shutdown as long as the host runs
     * wherever the package is installed: the kernel names both {@code unattended-upgr}, so by name a hardened host
     * never looked quiet.
     */
    static final String UNATTENDED_UPGRADE_RUN = "unattended-upgrade( |$)";

    static final String RUNNING = "pgrep -l -x '"
            + String.join(
                    "|",
                    PACKAGE_MANAGERS.keySet().stream()
                            .filter(name -> !name.startsWith("unattended-upgr"))
                            .sorted()
                            .toList())
            + "'";
    static final String UNATTENDED_UPGRADE_RUNNING = "pgrep -l -f '" + UNATTENDED_UPGRADE_RUN + "'";
    static final String LOCK_HOLDER = "fuser /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock";
    static final String AUDIT = "dpkg --audit";
    static final String PENDING_UPDATES = "ls -A /var/lib/dpkg/updates";
    /** Completes what an interrupted dpkg left half done, keeping the configuration files as they are. */
    static final String REPAIR = "DEBIAN_FRONTEND=noninteractive dpkg --configure -a --force-confdef --force-confold";

    private HostActivity() {}

    /** What the host showed: who is busy with its packages ({@code busy}, empty when none), and whether dpkg needs repair. */
    record Look(String busy, String activity, boolean dpkgInterrupted) {

        boolean quiet() {
            return busy.isEmpty() && !dpkgInterrupted;
        }

        String describe() {
            if (!busy.isEmpty()) {
                return busy + " still running";
            }
            return dpkgInterrupted ? "with an interrupted dpkg" : "quiet";
        }
    }

    static Look look(HostShell shell) {
        String running = found(shell.run(RUNNING)) + found(shell.run(UNATTENDED_UPGRADE_RUNNING));
        if (!running.isBlank()) {
            List<String> names = running.lines()
                    .map(line -> line.strip().split("\\s+"))
                    .filter(columns -> columns.length >= 2)
                    .map(columns -> columns[1])
                    .distinct()
                    .toList();
            if (!names.isEmpty()) {
                return new Look(
                        String.join(", ", names), PACKAGE_MANAGERS.getOrDefault(names.getFirst(), "other"), false);
            }
        }
        CommandOutput holder = shell.run(LOCK_HOLDER);
        if (holder.succeeded() && !holder.stdout().isBlank()) {
            return new Look(
                    "a process holding dpkg's lock (pid " + holder.stdout().strip() + ")", "dpkg-lock", false);
        }
        return new Look("", "", dpkgInterrupted(shell));
    }

    private static String found(CommandOutput pgrep) {
        return pgrep.succeeded() ? pgrep.stdout() + "\n" : "";
    }

    /** dpkg's audit names half-installed or half-configured packages, or it left updates it has not applied. */
    private static boolean dpkgInterrupted(HostShell shell) {
        CommandOutput audit = shell.run(AUDIT);
        if (audit.exitStatus() == 127) {
            return false; // no dpkg: the dnf family
        }
        if (!audit.stdout().isBlank()) {
            return true;
        }
        CommandOutput updates = shell.run(PENDING_UPDATES);
        return updates.succeeded() && !updates.stdout().isBlank();
    }
}
