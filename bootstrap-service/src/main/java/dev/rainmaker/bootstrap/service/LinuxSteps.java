package dev.rainmaker.bootstrap.service;

import java.util.Arrays;
import java.util.List;

import dev.rainmaker.bootstrap.domain.HostStep;
import dev.rainmaker.hostaccess.ShellQuote;

import static dev.rainmaker.hostaccess.ShellQuote.quote;

/**
 * Hardening steps that read the same on every family (systemd, shadow-utils, sudo, OpenSSH, fail2ban), each with its
 * check beside its change; what differs (a group's name, a unit's name, how a package is installed) is a parameter.
 * Values are already validated ({@link SignupValues}) and are quoted here, where they meet the shell.
 */
public final class LinuxSteps {

    static final String SSHD_DROP_IN = "/etc/ssh/sshd_config.d/00-rainmaker-hardening.conf";
    static final String FAIL2BAN_JAIL = "/etc/fail2ban/jail.d/rainmaker-sshd.local";
    /** fail2ban's client answers only once its server has read its configuration: wait for that, 30 s at most. */
    static final String AWAIT_FAIL2BAN =
            "timeout 30 sh -c 'until fail2ban-client ping > /dev/null 2>&1; do sleep 1; done'";

    private LinuxSteps() {}

    /** The host's clock shows the customer's time zone. */
    public static HostStep timezone(String zone) {
        return new HostStep(
                "timezone",
                "timedatectl show -p Timezone --value",
                out -> out.succeeded() && out.stdout().strip().equals(zone),
                "timedatectl set-timezone " + quote(zone));
    }

    /** The admin user exists, with a home and bash. */
    public static HostStep adminUser(String user) {
        return new HostStep(
                "admin-user " + user,
                "id -u " + quote(user),
                out -> out.succeeded(),
                "useradd --create-home --shell /bin/bash " + quote(user));
    }

    /** The admin user is in the group that may use sudo ({@code sudo} on Debian, {@code wheel} on RHEL). */
    public static HostStep groupMember(String user, String group) {
        return new HostStep(
                group + " " + user,
                "id -nG " + quote(user),
                out -> out.succeeded()
                        && Arrays.asList(out.stdout().strip().split("\\s+")).contains(group),
                "usermod -aG " + group + " " + quote(user));
    }

    /**
     * The admin user may use sudo without a password: admin users log in by key only and have no password to give
     * (as on cloud images' default users). A file of its own per user, mode 0440 as sudo requires. The rule is written
     * beside it first, under a name with a dot (sudo skips those), checked with {@code visudo -cf}, and only then
     * renamed into place, so a file sudo cannot parse never becomes one sudo reads and locks every admin out.
     */
    public static HostStep sudoWithoutPassword(String user) {
        String file = "/etc/sudoers.d/rainmaker-" + user;
        String pending = file + ".pending";
        String rule = user + " ALL=(ALL:ALL) NOPASSWD:ALL";
        return new HostStep(
                "sudo-without-password " + user,
                "stat -c '%U %a' " + quote(file) + " && grep -qxF " + quote(rule) + " " + quote(file),
                out -> out.succeeded() && out.stdout().equals("root 440\n"),
                "printf '%s\\n' " + quote(rule) + " > " + quote(pending) + " && chmod 0440 " + quote(pending)
                        + " && visudo -cf " + quote(pending) + " && mv " + quote(pending) + " " + quote(file));
    }

    /**
     * The admin user's key is in ~/.ssh/authorized_keys, both owned by the user, modes 700 and 600. The change appends
     * the key line; when only the modes were wrong it appends it once more, which sshd does not mind.
     */
    public static HostStep authorizedKey(String user, String publicKey) {
        String dir = "/home/" + user + "/.ssh";
        String file = dir + "/authorized_keys";
        return new HostStep(
                "authorized-key " + user,
                "stat -c '%U %a' " + quote(dir) + " " + quote(file) + " && grep -qxF " + quote(publicKey) + " "
                        + quote(file),
                out -> out.succeeded() && out.stdout().equals(user + " 700\n" + user + " 600\n"),
                "install -d -m 700 -o " + quote(user) + " -g " + quote(user) + " " + quote(dir)
                        + " && printf '%s\\n' " + quote(publicKey) + " >> " + quote(file)
                        + " && chown " + quote(user + ":" + user) + " " + quote(file)
                        + " && chmod 600 " + quote(file));
    }

    /**
     * sshd takes keys only: no password or keyboard-interactive login, root by key only; checked before the reload of
     * its unit ({@code ssh} on Debian, {@code sshd} on RHEL).
     */
    public static HostStep sshd(String unit) {
        return new HostStep(
                "sshd",
                "sshd -T",
                out -> out.succeeded()
                        && out.stdout()
                                .lines()
                                .toList()
                                .containsAll(List.of("passwordauthentication no", "kbdinteractiveauthentication no"))
                        && out.stdout()
                                .lines()
                                .anyMatch(line -> line.equals("permitrootlogin without-password")
                                        || line.equals("permitrootlogin prohibit-password")),
                "printf '%s\\n' 'PasswordAuthentication no' 'KbdInteractiveAuthentication no'"
                        + " 'PermitRootLogin prohibit-password' > " + SSHD_DROP_IN
                        + " && sshd -t && systemctl reload " + unit);
    }

    /**
     * fail2ban bans addresses that keep failing to log in to sshd: its sshd jail enabled by a drop-in of ours, reading
     * sshd's messages from the journal (neither Debian 12 nor RHEL 9 writes the log file fail2ban looks for by
     * default), enabled at boot and running. The drop-in is in place before the package is installed, so fail2ban's
     * first start already reads it.
     *
     * @param sshUnit the systemd unit sshd runs as, whose journal the jail reads
     * @param install the family's command installing fail2ban with its journal reader
     */
    public static HostStep fail2banSshdJail(String sshUnit, String install) {
        List<String> jail = List.of(
                "[sshd]",
                "enabled = true",
                "backend = systemd",
                "journalmatch = _SYSTEMD_UNIT=" + sshUnit + " + _COMM=sshd");
        String content = String.join("\n", jail) + "\n";
        return new HostStep(
                "fail2ban-sshd",
                "cat " + FAIL2BAN_JAIL + " && systemctl is-enabled fail2ban && fail2ban-client status sshd",
                out -> out.succeeded()
                        && out.stdout().startsWith(content + "enabled\n")
                        && out.stdout().contains("Status for the jail: sshd")
                        && out.stdout().contains("Journal matches:"),
                "install -d -m 755 /etc/fail2ban/jail.d && printf '%s\\n' "
                        + String.join(" ", jail.stream().map(ShellQuote::quote).toList()) + " > " + FAIL2BAN_JAIL
                        + " && " + install + " && systemctl enable fail2ban && systemctl restart fail2ban && "
                        + AWAIT_FAIL2BAN);
    }
}
