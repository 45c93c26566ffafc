package dev.rainmaker.localcloud.hosts.model;

import java.util.Optional;
import java.util.regex.Pattern;

import dev.rainmaker.localcloud.hosts.model.ShellWords.SimpleCommand;

/**
 * {@code visudo -cf FILE}: checks a sudoers file as sudo 1.9 would read it, without installing it. The model knows the
 * user specification the recipes write ({@code USER HOST=(RUNAS) [NOPASSWD:]COMMANDS}), comments and blank lines;
 * anything else is a syntax error, as a typo would be for visudo.
 */
public final class SudoersCommands implements CommandModel {

    private static final Pattern USER_SPEC =
            Pattern.compile("[a-z_][a-z0-9_-]*\\s+ALL\\s*=\\s*\\((ALL|ALL:ALL)\\)\\s+(NOPASSWD:\\s*)?ALL");

    @Override
    public Optional<CommandResult> run(String command, HostState host) {
        Optional<SimpleCommand> parsed = ShellWords.parse(command);
        if (parsed.isEmpty() || !parsed.get().word(0).equals("visudo")) {
            return Optional.empty();
        }
        SimpleCommand c = parsed.get();
        if (c.words().size() != 3 || !c.word(1).equals("-cf")) {
            return Optional.of(CommandResult.failed(1, "visudo: simulated host models only 'visudo -cf FILE'"));
        }
        String path = c.word(2);
        String content = host.files.get(path);
        if (content == null) {
            return Optional.of(
                    CommandResult.failed(1, "visudo: unable to open " + path + ": No such file or directory"));
        }
        var lines = content.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty()
                    && !line.startsWith("#")
                    && !USER_SPEC.matcher(line).matches()) {
                return Optional.of(new CommandResult(
                        1, "", path + ":" + (i + 1) + ":" + 1 + ": syntax error\n" + lines.get(i) + "\n"));
            }
        }
        return Optional.of(CommandResult.ok(path + ": parsed OK\n"));
    }
}
