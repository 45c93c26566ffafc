package dev.rainmaker.bootstrap.service;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.rainmaker.bootstrap.domain.HostStep;

import static dev.rainmaker.bootstrap.service.ShellQuote.quote;

/**
 * The hardening steps for the apt family (Debian, Ubuntu), each with its check beside its change. Values are already
 * validated ({@link SignupValues}) and are quoted here, where they meet the shell.
 */
public final class AptHardeningSteps {

    static final String SSHD_DROP_IN = "/etc/ssh/sshd_config.d/00-rainmaker-hardening.conf";
    static final List<String> OPEN_PORTS = List.of("22/tcp", "80/tcp", "443/tcp");
    /** ufw pads its columns: a rule's line ends in spaces. */
    private static final Pattern UFW_ALLOW_RULE =
            Pattern.compile("^(\\S+)\\s+ALLOW IN\\s+Anywhere[ \\t]*$", Pattern.MULTILINE);

    private AptHardeningSteps() {}

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

    /** The admin user may use sudo. */
    public static HostStep sudoMember(String user) {
        return new HostStep(
                "sudo " + user,
                "id -nG " + quote(user),
                out -> out.succeeded()
                        && Arrays.asList(out.stdout().strip().split("\\s+")).contains("sudo"),
                "usermod -aG sudo " + quote(user));
    }

    /**
     * The admin user may use sudo without a password: admin users log in by key only and have no password to give
     * (as on cloud images' default users). A file of its own per user, mode 0440 as sudo requires.
     */
    public static HostStep sudoWithoutPassword(String user) {
        String file = "/etc/sudoers.d/rainmaker-" + user;
        String rule = user + " ALL=(ALL:ALL) NOPASSWD:ALL";
        return new HostStep(
                "sudo-without-password " + user,
                "stat -c '%U %a' " + quote(file) + " && grep -qxF " + quote(rule) + " " + quote(file),
                out -> out.succeeded() && out.stdout().equals("root 440\n"),
                "printf '%s\\n' " + quote(rule) + " > " + quote(file) + " && chmod 0440 " + quote(file));
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

    /** sshd takes keys only: no password or keyboard-interactive login, root by key only; checked before reload. */
    public static HostStep sshd() {
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
                        + " && sshd -t && systemctl reload ssh");
    }

    /** ufw is installed. */
    public static HostStep firewallPackage() {
        return new HostStep(
                "firewall-package",
                "dpkg-query -W -f='${Status}' ufw",
                out -> out.succeeded() && out.stdout().strip().equals("install ok installed"),
                "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ufw");
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

    private static Set<String> allowedIpv4Rules(String status) {
        Matcher matcher = UFW_ALLOW_RULE.matcher(status);
        Set<String> rules = new java.util.HashSet<>();
        while (matcher.find()) {
            rules.add(matcher.group(1));
        }
        return rules;
    }
}
