package dev.rainmaker.localcloud.hosts.model;

import java.util.List;
import java.util.Optional;

import dev.rainmaker.localcloud.hosts.model.ShellWords.SimpleCommand;

/**
 * {@code cloud-init status [--wait] [--format json]}: cloud-init's outcome on the host. It is {@code running} until
 * the epoch milliseconds in setting {@value #DONE_AT} (when set), then the outcome in {@value #RESULT} ({@code done}
 * unless a test set {@code error}); {@code --wait} blocks until it is no longer running. Exit status 1 for
 * {@code error}, as cloud-init does.
 */
public final class CloudInitCommands implements CommandModel {

    public static final String DONE_AT = "cloud-init.done-at";
    public static final String RESULT = "cloud-init.result";

    @Override
    public Optional<CommandResult> run(String command, HostState host) {
        Optional<SimpleCommand> parsed = ShellWords.parse(command);
        if (parsed.isEmpty() || !parsed.get().startsWith("cloud-init", "status")) {
            return Optional.empty();
        }
        List<String> options = parsed.get().wordsFrom(2);
        boolean json = options.contains("json");
        if (options.contains("--wait")) {
            waitUntilDone(host);
        }
        String status = status(host);
        String out = json ? json(status) : "status: " + status + "\n";
        return Optional.of(new CommandResult(status.equals("error") ? 1 : 0, out, ""));
    }

    private static String status(HostState host) {
        long doneAt = Long.parseLong(host.settings.getOrDefault(DONE_AT, "0"));
        return System.currentTimeMillis() < doneAt ? "running" : host.settings.getOrDefault(RESULT, "done");
    }

    private static void waitUntilDone(HostState host) {
        long remaining = Long.parseLong(host.settings.getOrDefault(DONE_AT, "0")) - System.currentTimeMillis();
        if (remaining > 0) {
            try {
                Thread.sleep(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String json(String status) {
        String errors = status.equals("error") ? "[\"simulated cloud-init failure\"]" : "[]";
        return """
                {
                 "boot_status_code": "enabled-by-generator",
                 "datasource": "nocloud",
                 "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",
                 "errors": %s,
                 "extended_status": "%s",
                 "recoverable_errors": {},
                 "status": "%s"
                }
                """.formatted(errors, status, status);
    }
}
