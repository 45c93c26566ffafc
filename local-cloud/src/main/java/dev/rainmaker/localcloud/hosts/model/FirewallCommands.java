package dev.rainmaker.localcloud.hosts.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.rainmaker.localcloud.hosts.model.ShellWords.SimpleCommand;

/**
 * ufw, once its package is installed: {@code ufw status [verbose]}, {@code ufw allow PORT[/PROTO]},
 * {@code ufw default deny|allow|reject incoming|outgoing|routed}, {@code ufw --force enable} (plain {@code ufw enable}
 * asks for confirmation and, without a terminal, aborts) and {@code ufw disable}. Output as ufw 0.36 prints it.
 */
public final class FirewallCommands implements CommandModel {

    private static final String ACTIVE = "ufw.active";
    private static final String RULES = "ufw.rules";
    private static final Set<String> POLICIES = Set.of("allow", "deny", "reject");
    private static final Set<String> DIRECTIONS = Set.of("incoming", "outgoing", "routed");

    @Override
    public Optional<CommandResult> run(String command, HostState host) {
        Optional<SimpleCommand> parsed = ShellWords.parse(command);
        if (parsed.isEmpty()
                || !parsed.get().word(0).equals("ufw")
                || parsed.get().redirect() != null) {
            return Optional.empty();
        }
        if (!host.packages.containsKey("ufw")) {
            return Optional.of(CommandResult.failed(127, "bash: line 1: ufw: command not found"));
        }
        SimpleCommand c = parsed.get();
        List<String> args = c.wordsFrom(1);
        return Optional.of(
                switch (String.join(" ", args)) {
                    case "status" -> CommandResult.ok(status(host, false));
                    case "status verbose" -> CommandResult.ok(status(host, true));
                    case "--force enable" -> {
                        host.settings.put(ACTIVE, "yes");
                        yield CommandResult.ok("Firewall is active and enabled on system startup\n");
                    }
                    case "enable" ->
                        CommandResult.failed(
                                1,
                                "Command may disrupt existing ssh connections. Proceed with operation (y|n)? Aborted");
                    case "disable" -> {
                        host.settings.put(ACTIVE, "no");
                        yield CommandResult.ok("Firewall stopped and disabled on system startup\n");
                    }
                    default -> ruleOrDefault(args, host);
                });
    }

    public static boolean active(HostState host) {
        return host.settings.getOrDefault(ACTIVE, "no").equals("yes");
    }

    public static String defaultPolicy(HostState host, String direction) {
        return host.settings.getOrDefault("ufw.default." + direction, direction.equals("incoming") ? "deny" : "allow");
    }

    /** The allow rules, e.g. {@code 22/tcp}, in the order they were added. */
    public static List<String> allowed(HostState host) {
        String rules = host.settings.getOrDefault(RULES, "");
        return rules.isEmpty() ? List.of() : Arrays.asList(rules.split(","));
    }

    private static CommandResult ruleOrDefault(List<String> args, HostState host) {
        if (args.size() == 2 && args.get(0).equals("allow") && args.get(1).matches("\\d{1,5}(/(tcp|udp))?")) {
            List<String> rules = new ArrayList<>(allowed(host));
            if (rules.contains(args.get(1))) {
                return CommandResult.ok("Skipping adding existing rule\nSkipping adding existing rule (v6)\n");
            }
            rules.add(args.get(1));
            host.settings.put(RULES, String.join(",", rules));
            return CommandResult.ok("Rules updated\nRules updated (v6)\n");
        }
        if (args.size() == 3
                && args.get(0).equals("default")
                && POLICIES.contains(args.get(1))
                && DIRECTIONS.contains(args.get(2))) {
            host.settings.put("ufw.default." + args.get(2), args.get(1));
            return CommandResult.ok("Default " + args.get(2) + " policy changed to '" + args.get(1)
                    + "'\n(be sure to update your rules accordingly)\n");
        }
        return CommandResult.failed(1, "ERROR: simulated host does not model: ufw " + String.join(" ", args));
    }

    private static String status(HostState host, boolean verbose) {
        if (!active(host)) {
            return "Status: inactive\n";
        }
        StringBuilder out = new StringBuilder("Status: active\n");
        if (verbose) {
            out.append("Logging: on (low)\n")
                    .append("Default: ")
                    .append(defaultPolicy(host, "incoming"))
                    .append(" (incoming), ")
                    .append(defaultPolicy(host, "outgoing"))
                    .append(" (outgoing), disabled (routed)\nNew profiles: skip\n");
        }
        out.append("\nTo                         Action      From\n");
        out.append("--                         ------      ----\n");
        String action = verbose ? "ALLOW IN" : "ALLOW";
        for (String suffix : List.of("", " (v6)")) {
            for (String rule : allowed(host)) {
                out.append(String.format("%-26s %-11s Anywhere%s%n", rule + suffix, action, suffix));
            }
        }
        return out.toString();
    }
}
