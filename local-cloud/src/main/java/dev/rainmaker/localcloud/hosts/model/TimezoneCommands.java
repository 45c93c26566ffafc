package dev.rainmaker.localcloud.hosts.model;

import java.time.ZoneId;
import java.util.Optional;

/** {@code timedatectl}: reading and setting the system time zone (IANA names, as tzdata installs them). */
public final class TimezoneCommands implements CommandModel {

    public static final String TIMEZONE = "timezone";

    @Override
    public Optional<CommandResult> run(String command, HostState host) {
        return ShellWords.parse(command)
                .filter(c -> c.startsWith("timedatectl"))
                .map(c -> {
                    if (c.words().equals(java.util.List.of("timedatectl", "show", "-p", "Timezone", "--value"))) {
                        return CommandResult.ok(timezone(host) + "\n");
                    }
                    if (c.startsWith("timedatectl", "set-timezone") && c.words().size() == 3) {
                        return setTimezone(c.word(2), host);
                    }
                    return CommandResult.failed(1, "timedatectl: simulated host does not model: " + command);
                });
    }

    public static String timezone(HostState host) {
        return host.settings.getOrDefault(TIMEZONE, "Etc/UTC");
    }

    private static CommandResult setTimezone(String zone, HostState host) {
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            return CommandResult.failed(
                    1, "Failed to set time zone: Invalid or not installed time zone '" + zone + "'");
        }
        host.settings.put(TIMEZONE, zone);
        return CommandResult.ok();
    }
}
