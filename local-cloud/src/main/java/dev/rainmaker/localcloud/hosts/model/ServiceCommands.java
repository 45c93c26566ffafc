package dev.rainmaker.localcloud.hosts.model;

import java.util.List;
import java.util.Optional;

import dev.rainmaker.localcloud.hosts.model.ShellWords.SimpleCommand;

/**
 * systemd units of installed packages through {@code systemctl is-active|is-enabled|start|stop|restart|reload|enable
 * [--now]|disable}. A unit no installed package ships is not found (exit status 5 for actions, {@code inactive} with
 * exit status 3 for {@code is-active}, as systemd answers).
 */
public final class ServiceCommands implements CommandModel {

    @Override
    public Optional<CommandResult> run(String command, HostState host) {
        Optional<SimpleCommand> parsed = ShellWords.parse(command);
        if (parsed.isEmpty()
                || !parsed.get().word(0).equals("systemctl")
                || parsed.get().redirect() != null) {
            return Optional.empty();
        }
        SimpleCommand c = parsed.get();
        String verb = c.word(1);
        boolean now = c.words().contains("--now");
        List<String> units = c.wordsFrom(2).stream()
                .filter(u -> !u.startsWith("-"))
                .map(ServiceCommands::unitName)
                .toList();
        if (units.isEmpty()) {
            return Optional.of(CommandResult.failed(1, "Too few arguments."));
        }
        StringBuilder out = new StringBuilder();
        for (String unit : units) {
            CommandResult result = one(verb, now, unit, host);
            out.append(result.stdout());
            if (result.exitStatus() != 0) {
                return Optional.of(new CommandResult(result.exitStatus(), out.toString(), result.stderr()));
            }
        }
        return Optional.of(CommandResult.ok(out.toString()));
    }

    private static CommandResult one(String verb, boolean now, String unit, HostState host) {
        boolean exists = DebianPackages.providesService(host, unit);
        switch (verb) {
            case "is-active" -> {
                return host.activeServices.contains(unit)
                        ? CommandResult.ok("active\n")
                        : new CommandResult(3, "inactive\n", "");
            }
            case "is-enabled" -> {
                if (!exists) {
                    return CommandResult.failed(
                            1, "Failed to get unit file state for " + unit + ".service: No such file or directory");
                }
                return host.enabledServices.contains(unit)
                        ? CommandResult.ok("enabled\n")
                        : new CommandResult(1, "disabled\n", "");
            }
            default -> {}
        }
        if (!exists) {
            return CommandResult.failed(
                    5, "Failed to " + verb + " " + unit + ".service: Unit " + unit + ".service not found.");
        }
        switch (verb) {
            case "start" -> {
                if (!host.activeServices.contains(unit)) {
                    started(host, unit);
                }
            }
            case "restart" -> started(host, unit);
            case "stop" -> host.activeServices.remove(unit);
            case "reload" -> {
                if (!host.activeServices.contains(unit)) {
                    return CommandResult.failed(1, unit + ".service is not active, cannot reload.");
                }
                host.settings.merge("reloads." + unit, "1", (a, b) -> String.valueOf(Integer.parseInt(a) + 1));
            }
            case "enable" -> {
                host.enabledServices.add(unit);
                if (now && !host.activeServices.contains(unit)) {
                    started(host, unit);
                }
            }
            case "disable" -> {
                host.enabledServices.remove(unit);
                if (now) {
                    host.activeServices.remove(unit);
                }
            }
            default -> {
                return CommandResult.failed(1, "Unknown command verb " + verb + ".");
            }
        }
        return CommandResult.ok();
    }

    /** The unit's process starts anew, reading its configuration: counted in setting {@code starts.UNIT}. */
    private static void started(HostState host, String unit) {
        host.activeServices.add(unit);
        host.settings.merge("starts." + unit, "1", (a, b) -> String.valueOf(Integer.parseInt(a) + 1));
    }

    /** How often the unit read its configuration since boot: starts and reloads. */
    public static int configurationReads(HostState host, String unit) {
        return Integer.parseInt(host.settings.getOrDefault("starts." + unit, "0"))
                + Integer.parseInt(host.settings.getOrDefault("reloads." + unit, "0"));
    }

    private static String unitName(String unit) {
        return unit.endsWith(".service") ? unit.substring(0, unit.length() - ".service".length()) : unit;
    }
}
