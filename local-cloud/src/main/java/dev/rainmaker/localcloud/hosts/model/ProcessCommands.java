package dev.rainmaker.localcloud.hosts.model;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import dev.rainmaker.localcloud.hosts.model.ShellWords.SimpleCommand;

/**
 * What runs on the host, for a stage that looks before it resumes: {@code pgrep [-x] [-f] [-a|-l] PATTERN},
 * {@code pidof NAME...} and {@code fuser FILE...} on dpkg's lock files, answering from the commands still running
 * ({@link HostState#processes}) with Debian's output and exit statuses (1: none found).
 */
public final class ProcessCommands implements CommandModel {

    @Override
    public Optional<CommandResult> run(String command, HostState host) {
        Optional<SimpleCommand> parsed = ShellWords.parse(command);
        if (parsed.isEmpty() || parsed.get().redirect() != null) {
            return Optional.empty();
        }
        SimpleCommand c = parsed.get();
        return switch (c.word(0)) {
            case "pgrep" -> Optional.of(pgrep(c.wordsFrom(1), host));
            case "pidof" -> Optional.of(pidof(c.wordsFrom(1), host));
            case "fuser" -> Optional.of(fuser(c.wordsFrom(1), host));
            default -> Optional.empty();
        };
    }

    private static CommandResult pgrep(List<String> args, HostState host) {
        List<String> options = args.stream().filter(a -> a.startsWith("-")).toList();
        List<String> patterns = args.stream().filter(a -> !a.startsWith("-")).toList();
        if (patterns.size() != 1) {
            return CommandResult.failed(2, "pgrep: only one pattern can be provided");
        }
        boolean fullLine = options.stream().anyMatch(o -> o.matches("-[a-z]*f[a-z]*"));
        boolean exact = options.stream().anyMatch(o -> o.matches("-[a-z]*x[a-z]*"));
        boolean listFull = options.stream().anyMatch(o -> o.matches("-[a-z]*a[a-z]*"));
        boolean listName = options.stream().anyMatch(o -> o.matches("-[a-z]*l[a-z]*"));
        Pattern pattern;
        try {
            pattern = Pattern.compile(patterns.getFirst());
        } catch (PatternSyntaxException e) {
            return CommandResult.failed(2, "pgrep: invalid pattern: " + patterns.getFirst());
        }
        List<HostProcess> found = running(host).stream()
                .filter(p -> {
                    String subject = fullLine ? p.commandLine() : p.name();
                    return exact
                            ? pattern.matcher(subject).matches()
                            : pattern.matcher(subject).find();
                })
                .toList();
        if (found.isEmpty()) {
            return new CommandResult(1, "", "");
        }
        return CommandResult.ok(found.stream()
                .map(p -> p.pid() + (listFull ? " " + p.commandLine() : listName ? " " + p.name() : ""))
                .collect(Collectors.joining("\n", "", "\n")));
    }

    private static CommandResult pidof(List<String> names, HostState host) {
        List<HostProcess> found =
                running(host).stream().filter(p -> names.contains(p.name())).toList();
        if (found.isEmpty()) {
            return new CommandResult(1, "", "");
        }
        return CommandResult.ok(
                found.stream().map(p -> String.valueOf(p.pid())).collect(Collectors.joining(" ", "", "\n")));
    }

    /** fuser writes each file's name to standard error and the process ids using it to standard output. */
    private static CommandResult fuser(List<String> args, HostState host) {
        List<String> files = args.stream().filter(a -> !a.startsWith("-")).toList();
        Optional<HostProcess> holder = DpkgLock.holder(host);
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        for (String file : files) {
            if (holder.isPresent() && DpkgLock.FILES.contains(file)) {
                err.append(file).append(":");
                out.append(" ").append(holder.get().pid());
            }
        }
        return new CommandResult(out.isEmpty() ? 1 : 0, out.toString(), err.toString());
    }

    private static List<HostProcess> running(HostState host) {
        return host.processes.values().stream()
                .sorted(java.util.Comparator.comparingInt(HostProcess::pid))
                .toList();
    }
}
