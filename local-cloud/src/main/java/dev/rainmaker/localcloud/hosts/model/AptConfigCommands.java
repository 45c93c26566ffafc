package dev.rainmaker.localcloud.hosts.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.rainmaker.localcloud.hosts.model.ShellWords.SimpleCommand;

/**
 * {@code apt-config shell NAME KEY...}: apt's configuration as it reads it, from {@code /etc/apt/apt.conf.d/*} in name
 * order (a later file's value wins), in the one-line {@code Key "value";} form; prints {@code NAME='value'} for each
 * key that is set.
 */
public final class AptConfigCommands implements CommandModel {

    public static final String DIRECTORY = "/etc/apt/apt.conf.d";
    private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*([A-Za-z0-9:_-]+)\\s+\"([^\"]*)\"\\s*;\\s*$");

    @Override
    public Optional<CommandResult> run(String command, HostState host) {
        Optional<SimpleCommand> parsed = ShellWords.parse(command);
        if (parsed.isEmpty()
                || !parsed.get().startsWith("apt-config")
                || parsed.get().redirect() != null) {
            return Optional.empty();
        }
        SimpleCommand c = parsed.get();
        if (!c.word(1).equals("shell") || c.words().size() % 2 != 0) {
            return Optional.of(
                    CommandResult.failed(100, "E: simulated host models only 'apt-config shell NAME KEY...'"));
        }
        Map<String, String> config = configuration(host);
        StringBuilder out = new StringBuilder();
        for (int i = 2; i < c.words().size(); i += 2) {
            String value = config.get(c.word(i + 1));
            if (value != null) {
                out.append(c.word(i)).append("='").append(value).append("'\n");
            }
        }
        return Optional.of(CommandResult.ok(out.toString()));
    }

    /** Every key apt sees set, to its value. */
    public static Map<String, String> configuration(HostState host) {
        Map<String, String> config = new LinkedHashMap<>();
        host.files.keySet().stream()
                .filter(path -> path.startsWith(DIRECTORY + "/"))
                .sorted()
                .forEach(path -> host.files.get(path).lines().forEach(line -> {
                    Matcher assignment = ASSIGNMENT.matcher(line);
                    if (assignment.matches()) {
                        config.put(assignment.group(1), assignment.group(2));
                    }
                }));
        return config;
    }
}
