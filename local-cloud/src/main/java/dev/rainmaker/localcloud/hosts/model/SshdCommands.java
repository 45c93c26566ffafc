package dev.rainmaker.localcloud.hosts.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.rainmaker.localcloud.hosts.model.ShellWords.SimpleCommand;

/**
 * OpenSSH's server configuration as Debian 12 lays it out: {@code /etc/ssh/sshd_config} includes
 * {@code /etc/ssh/sshd_config.d/*.conf} first, and for each keyword the first value read wins. {@code sshd -T} prints
 * the effective configuration (lower-case keywords, as OpenSSH does, {@code prohibit-password} shown as
 * {@code without-password}); {@code sshd -t} rejects unknown keywords and bad values with exit status 255, and a
 * configuration whose host keys cannot be loaded with exit status 1. {@code HostKey} adds up over every file; without
 * one sshd uses Debian's default host key files.
 */
public final class SshdCommands implements CommandModel {

    public static final String MAIN_CONFIG = "/etc/ssh/sshd_config";
    public static final String DROP_IN_DIRECTORY = "/etc/ssh/sshd_config.d";

    private static final Set<String> YES_NO = Set.of(
            "passwordauthentication",
            "kbdinteractiveauthentication",
            "challengeresponseauthentication",
            "pubkeyauthentication",
            "usepam",
            "x11forwarding",
            "printmotd",
            "permitemptypasswords");
    private static final Set<String> ROOT_LOGIN =
            Set.of("yes", "no", "prohibit-password", "without-password", "forced-commands-only");
    private static final Set<String> OTHER_KEYWORDS =
            Set.of("include", "port", "acceptenv", "subsystem", "hostkey", "maxauthtries", "allowusers");
    private static final Map<String, String> COMPILED_DEFAULTS = defaults();
    private static final List<String> DEFAULT_HOST_KEYS =
            List.of("/etc/ssh/ssh_host_rsa_key", "/etc/ssh/ssh_host_ecdsa_key", "/etc/ssh/ssh_host_ed25519_key");

    @Override
    public Optional<CommandResult> run(String command, HostState host) {
        Optional<SimpleCommand> parsed = ShellWords.parse(command);
        if (parsed.isEmpty() || !parsed.get().word(0).equals("sshd")) {
            return Optional.empty();
        }
        SimpleCommand c = parsed.get();
        if (!host.packages.containsKey("openssh-server")) {
            return Optional.of(CommandResult.failed(127, "bash: line 1: sshd: command not found"));
        }
        if (c.words().size() == 2 && c.word(1).equals("-t")) {
            return Optional.of(test(host));
        }
        if (c.words().size() == 2 && c.word(1).equals("-T")) {
            CommandResult tested = test(host);
            if (tested.exitStatus() != 0) {
                return Optional.of(tested);
            }
            StringBuilder out = new StringBuilder();
            effective(host)
                    .forEach((key, value) ->
                            out.append(key).append(' ').append(value).append('\n'));
            hostKeyFiles(host)
                    .forEach(file -> out.append("hostkey ").append(file).append('\n'));
            return Optional.of(CommandResult.ok(out.toString()));
        }
        return Optional.of(CommandResult.failed(255, "sshd: simulated host models only 'sshd -t' and 'sshd -T'"));
    }

    /** The effective value of a keyword (any case), after the drop-ins and the main file. */
    public static String effective(HostState host, String keyword) {
        return effective(host).get(keyword.toLowerCase(Locale.ROOT));
    }

    static Map<String, String> effective(HostState host) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String path : configFiles(host)) {
            for (String line : host.files.get(path).lines().toList()) {
                String[] keyValue = keyValue(line);
                if (keyValue != null && !keyValue[0].equals("include") && !keyValue[0].equals("hostkey")) {
                    values.putIfAbsent(keyValue[0], displayed(keyValue[0], keyValue[1]));
                }
            }
        }
        COMPILED_DEFAULTS.forEach(values::putIfAbsent);
        return values;
    }

    /** The host key files sshd loads: every {@code HostKey}, in the order read, or Debian's defaults without one. */
    public static List<String> hostKeyFiles(HostState host) {
        List<String> files = new ArrayList<>();
        for (String path : configFiles(host)) {
            for (String line : host.files.get(path).lines().toList()) {
                String[] keyValue = keyValue(line);
                if (keyValue != null && keyValue[0].equals("hostkey") && !files.contains(keyValue[1])) {
                    files.add(keyValue[1]);
                }
            }
        }
        return files.isEmpty() ? DEFAULT_HOST_KEYS : List.copyOf(files);
    }

    private static CommandResult test(HostState host) {
        List<String> errors = new ArrayList<>();
        for (String path : configFiles(host)) {
            List<String> lines = host.files.get(path).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String[] keyValue = keyValue(lines.get(i));
                if (keyValue != null && !valid(keyValue[0], keyValue[1])) {
                    errors.add(path + " line " + (i + 1) + ": Bad configuration option: "
                            + lines.get(i).trim());
                }
            }
        }
        if (errors.isEmpty()) {
            return hostKeysLoad(host);
        }
        errors.add(MAIN_CONFIG + ": terminating, " + errors.size() + " bad configuration options");
        return CommandResult.failed(255, String.join("\n", errors));
    }

    private static CommandResult hostKeysLoad(HostState host) {
        List<String> unreadable = new ArrayList<>();
        boolean any = false;
        for (String file : hostKeyFiles(host)) {
            if (HostKeyFiles.load(host, file).isPresent()) {
                any = true;
            } else if (host.files.containsKey(file)) {
                unreadable.add("Unable to load host key: " + file);
            }
        }
        if (!any) {
            unreadable.add("sshd: no hostkeys available -- exiting.");
            return CommandResult.failed(1, String.join("\n", unreadable));
        }
        return new CommandResult(0, "", String.join("\n", unreadable));
    }

    private static List<String> configFiles(HostState host) {
        List<String> files = new ArrayList<>(host.files.keySet().stream()
                .filter(p -> p.startsWith(DROP_IN_DIRECTORY + "/") && p.endsWith(".conf"))
                .sorted()
                .toList());
        if (host.files.containsKey(MAIN_CONFIG)) {
            files.add(MAIN_CONFIG);
        }
        return files;
    }

    private static String[] keyValue(String line) {
        String trimmed = line.trim();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return null;
        }
        String[] parts = trimmed.split("\\s+", 2);
        return new String[] {parts[0].toLowerCase(Locale.ROOT), parts.length == 2 ? parts[1] : ""};
    }

    private static boolean valid(String keyword, String value) {
        if (YES_NO.contains(keyword)) {
            return value.equals("yes") || value.equals("no");
        }
        if (keyword.equals("permitrootlogin")) {
            return ROOT_LOGIN.contains(value);
        }
        return OTHER_KEYWORDS.contains(keyword) && !value.isEmpty();
    }

    private static String displayed(String keyword, String value) {
        return keyword.equals("permitrootlogin") && value.equals("prohibit-password") ? "without-password" : value;
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("port", "22");
        defaults.put("permitrootlogin", "without-password");
        defaults.put("pubkeyauthentication", "yes");
        defaults.put("passwordauthentication", "yes");
        defaults.put("kbdinteractiveauthentication", "yes");
        defaults.put("usepam", "no");
        return Map.copyOf(defaults);
    }
}
