package dev.rainmaker.bootstrap.service;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import dev.rainmaker.bootstrap.domain.HostStep;

import static dev.rainmaker.hostaccess.ShellQuote.quote;

/**
 * The hardening steps only the dnf family (Rocky Linux, AlmaLinux, CentOS Stream 9) has, each with its check beside
 * its change; the steps all families share are {@link LinuxSteps}.
 */
public final class DnfHardeningSteps {

    static final String AUTOMATIC_CONF = "/etc/dnf/automatic.conf";
    static final Set<String> OPEN_SERVICES = Set.of("ssh", "http", "https");

    private DnfHardeningSteps() {}

    /** As on every family, then labelled for SELinux, whose policy lets sshd read only files labelled as SSH's. */
    public static HostStep authorizedKey(String user, String publicKey) {
        HostStep common = LinuxSteps.authorizedKey(user, publicKey);
        return new HostStep(
                common.name(),
                common.check(),
                common.satisfiedBy(),
                common.apply() + " && restorecon -R " + quote("/home/" + user + "/.ssh"));
    }

    /**
     * firewalld runs, enabled at boot, and its public zone (the default one) lets in exactly ssh, http and https: the
     * services RHEL opens out of the box beside ssh (cockpit, dhcpv6-client) are removed, and no port is open.
     */
    public static HostStep firewall() {
        return new HostStep(
                "firewall",
                "systemctl is-enabled firewalld && firewall-cmd --state && firewall-cmd --get-default-zone"
                        + " && firewall-cmd --zone=public --list-services && firewall-cmd --zone=public --list-ports",
                out -> out.succeeded() && firewalldShowsOnlyWebAndSsh(out.stdout()),
                "dnf install -y firewalld && systemctl enable --now firewalld"
                        + " && firewall-cmd --set-default-zone=public"
                        + " && firewall-cmd --permanent --zone=public --remove-service=cockpit"
                        + " --remove-service=dhcpv6-client"
                        + " && firewall-cmd --permanent --zone=public --add-service=ssh --add-service=http"
                        + " --add-service=https && firewall-cmd --reload");
    }

    /** fail2ban from EPEL, banning through firewalld; RHEL runs sshd as the unit {@code sshd}. */
    public static HostStep fail2ban() {
        return LinuxSteps.fail2banSshdJail(
                "sshd.service",
                "dnf install -y epel-release && dnf install -y fail2ban-server fail2ban-firewalld python3-systemd");
    }

    /** dnf-automatic applies security updates by itself, from its daily timer. */
    public static HostStep securityUpdates() {
        return new HostStep(
                "security-updates",
                "rpm -q dnf-automatic && grep -qxF 'upgrade_type = security' " + AUTOMATIC_CONF
                        + " && grep -qxF 'apply_updates = yes' " + AUTOMATIC_CONF
                        + " && systemctl is-enabled dnf-automatic.timer",
                out -> out.succeeded() && out.stdout().lines().anyMatch("enabled"::equals),
                "dnf install -y dnf-automatic && sed -i -e 's/^upgrade_type *=.*/upgrade_type = security/'"
                        + " -e 's/^apply_updates *=.*/apply_updates = yes/' " + AUTOMATIC_CONF
                        + " && systemctl enable --now dnf-automatic.timer");
    }

    /** The output of the firewall check: enabled, running, public by default, ssh/http/https and no port. */
    private static boolean firewalldShowsOnlyWebAndSsh(String stdout) {
        List<String> lines = stdout.lines().map(String::strip).toList();
        return (lines.size() == 4 || lines.size() == 5 && lines.get(4).isEmpty())
                && lines.get(0).equals("enabled")
                && lines.get(1).equals("running")
                && lines.get(2).equals("public")
                && Set.copyOf(Arrays.asList(lines.get(3).split("\\s+"))).equals(OPEN_SERVICES);
    }
}
