package dev.rainmaker.localcloud.hosts.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.rainmaker.localcloud.hosts.model.ShellWords.SimpleCommand;

/**
 * fail2ban 1.0.2 as Debian 12 ships it: {@code fail2ban-client ping}, {@code fail2ban-client status sshd}, and the
 * recipes' bounded wait for its server ({@code timeout 30 sh -c 'until fail2ban-client ping ...'}). The package's own
 * {@code jail.d/defaults-debian.conf} enables the sshd jail with the {@code auto} backend, which looks for
 * {@code /var/log/auth.log}; Debian 12 writes none (no rsyslog, the journal only), so fail2ban's server stops at once
 * unless the sshd jail reads the journal ({@code backend = systemd}, with {@code python3-systemd} installed). The
 * server answers only while {@code fail2ban} is active and that holds.
 */
public final class Fail2banCommands implements CommandModel {

    public static final String JAIL_DIRECTORY = "/etc/fail2ban/jail.d";
    static final String AWAIT_SERVER = "until fail2ban-client ping > /dev/null 2>&1; do sleep 1; done";
    private static final String NOT_RUNNING =
            "ERROR   Failed to access socket path: /var/run/fail2ban/fail2ban.sock." + " Is fail2ban running?";

    @Override
    public Optional<CommandResult> run(String command, HostState host) {
        Optional<SimpleCommand> parsed = ShellWords.parse(command);
        if (parsed.isEmpty() || parsed.get().redirect() != null) {
            return Optional.empty();
        }
        SimpleCommand c = parsed.get();
        if (c.words().equals(List.of("timeout", "30", "sh", "-c", AWAIT_SERVER))) {
            return Optional.of(serverRunning(host) ? CommandResult.ok() : CommandResult.failed(124, ""));
        }
        if (!c.word(0).equals("fail2ban-client")) {
            return Optional.empty();
        }
        if (!host.packages.containsKey("fail2ban")) {
            return Optional.of(CommandResult.failed(127, "bash: line 1: fail2ban-client: command not found"));
        }
        if (!serverRunning(host)) {
            return Optional.of(CommandResult.failed(255, NOT_RUNNING));
        }
        if (c.words().equals(List.of("fail2ban-client", "ping"))) {
            return Optional.of(CommandResult.ok("Server replied: pong\n"));
        }
        if (c.words().equals(List.of("fail2ban-client", "status", "sshd"))) {
            return Optional.of(CommandResult.ok(sshdStatus(host)));
        }
        return Optional.of(
                CommandResult.failed(255, "fail2ban-client: simulated host models only ping and status sshd"));
    }

    /** True while fail2ban's server runs with the sshd jail, as {@code fail2ban-client status sshd} would show. */
    public static boolean serverRunning(HostState host) {
        Map<String, String> sshd = sshdJail(host);
        return host.packages.containsKey("fail2ban")
                && host.activeServices.contains("fail2ban")
                && sshd.getOrDefault("enabled", "false").equals("true")
                && sshd.getOrDefault("backend", "auto").equals("systemd")
                && host.packages.containsKey("python3-systemd");
    }

    /** The sshd jail's options: Debian's default, then {@code jail.d/*.conf}, then {@code jail.d/*.local}, by name. */
    public static Map<String, String> sshdJail(HostState host) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("enabled", "true");
        for (String suffix : List.of(".conf", ".local")) {
            host.files.keySet().stream()
                    .filter(path -> path.startsWith(JAIL_DIRECTORY + "/") && path.endsWith(suffix))
                    .sorted()
                    .forEach(path -> readSshdSection(host.files.get(path), options));
        }
        return options;
    }

    private static void readSshdSection(String content, Map<String, String> options) {
        boolean inSshd = false;
        for (String line : content.lines().map(String::strip).toList()) {
            if (line.startsWith("[")) {
                inSshd = line.equals("[sshd]");
            } else if (inSshd && line.contains("=") && !line.startsWith("#")) {
                options.put(
                        line.substring(0, line.indexOf('=')).strip(),
                        line.substring(line.indexOf('=') + 1).strip());
            }
        }
    }

    private static String sshdStatus(HostState host) {
        String match = sshdJail(host).getOrDefault("journalmatch", "_SYSTEMD_UNIT=sshd.service + _COMM=sshd");
        return "Status for the jail: sshd\n"
                + "|- Filter\n"
                + "|  |- Currently failed:\t0\n"
                + "|  |- Total failed:\t0\n"
                + "|  `- Journal matches:\t" + match + "\n"
                + "`- Actions\n"
                + "   |- Currently banned:\t0\n"
                + "   |- Total banned:\t0\n"
                + "   `- Banned IP list:\t\n";
    }
}
