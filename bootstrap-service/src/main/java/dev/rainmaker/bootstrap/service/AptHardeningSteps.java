package dev.rainmaker.bootstrap.service;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.rainmaker.bootstrap.domain.HostStep;
import dev.rainmaker.hostaccess.AptLock;

/**
 * The hardening steps only the apt family (Debian, Ubuntu) has, each with its check beside its change; the steps all
 * families share are {@link LinuxSteps}.
 */
public final class AptHardeningSteps {

    static final String AUTO_UPGRADES = "/etc/apt/apt.conf.d/20auto-upgrades";
    static final List<String> OPEN_PORTS = List.of("22/tcp", "80/tcp", "443/tcp");
    /** ufw pads its columns: a rule's line ends in spaces. */
    private static final Pattern UFW_ALLOW_RULE =
            Pattern.compile("^(\\S+)\\s+ALLOW IN\\s+Anywhere[ \\t]*$", Pattern.MULTILINE);

    private AptHardeningSteps() {}

    /** ufw is installed. */
    public static HostStep firewallPackage() {
        return new HostStep(
                "firewall-package",
                "dpkg-query -W -f='${Status}' ufw",
                out -> out.succeeded() && out.stdout().strip().equals("install ok installed"),
                "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y " + AptLock.WAIT + " ufw");
    }

    /** ufw is on, denies incoming by default and allows exactly 22, 80 and 443. */
    public static HostStep firewall() {
        return new HostStep(
                "firewall",
                "ufw status verbose",
                out -> out.succeeded()
                        && out.stdout().contains("Status: active")
                        && out.stdout().contains("Default: deny (incoming)")
                        && allowedIpv4Rules(out.stdout()).equals(Set.copyOf(OPEN_PORTS)),
                "ufw default deny incoming && "
                        + OPEN_PORTS.stream().map(port -> "ufw allow " + port).collect(Collectors.joining(" && "))
                        + " && ufw --force enable");
    }

    /** fail2ban guards sshd, which Debian runs as the unit {@code ssh}. */
    public static HostStep fail2ban() {
        return LinuxSteps.fail2banSshdJail(
                "ssh.service",
                "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "
                        + AptLock.WAIT + " fail2ban python3-systemd");
    }

    /**
     * Security updates install themselves: unattended-upgrades (whose default origins are Debian's security archive,
     * Ubuntu's security pocket) and apt's daily timer told to refresh the lists and run it. Checked as apt reads its
     * configuration, so a later file overriding ours would show.
     */
    public static HostStep securityUpdates() {
        return new HostStep(
                "security-updates",
                "dpkg-query -W -f='${Status}\\n' unattended-upgrades && apt-config shell"
                        + " UPDATE APT::Periodic::Update-Package-Lists UNATTENDED APT::Periodic::Unattended-Upgrade",
                out -> out.succeeded()
                        && out.stdout()
                                .lines()
                                .toList()
                                .containsAll(List.of("install ok installed", "UPDATE='1'", "UNATTENDED='1'")),
                "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "
                        + AptLock.WAIT
                        + " unattended-upgrades && printf '%s\\n' 'APT::Periodic::Update-Package-Lists \"1\";'"
                        + " 'APT::Periodic::Unattended-Upgrade \"1\";' > " + AUTO_UPGRADES);
    }

    private static Set<String> allowedIpv4Rules(String status) {
        Matcher matcher = UFW_ALLOW_RULE.matcher(status);
        Set<String> rules = new java.util.HashSet<>();
        while (matcher.find()) {
            rules.add(matcher.group(1));
        }
        return rules;
    }
}
