package dev.rainmaker.localcloud.hosts.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.rainmaker.localcloud.hosts.model.ShellWords.Redirect;
import dev.rainmaker.localcloud.hosts.model.ShellWords.SimpleCommand;

/**
 * Files and directories with owners and modes, through the coreutils the recipes use: {@code install -d},
 * {@code printf '%s\n' LINE... >> FILE} (or {@code >}), {@code chown}, {@code chmod}, {@code stat -c}, {@code grep
 * -qxF}, {@code cat} (also {@code cat > FILE}, writing its standard input), {@code test -f/-d}, {@code touch},
 * {@code mv SOURCE TARGET}, {@code rm -f FILE...} and {@code ls -1}.
 */
public final class FileCommands implements CommandModel {

    /** Prefix of the settings that belong to one file (its size, a swap header's UUID): key prefix, then the path. */
    static final String METADATA = "file.";

    @Override
    public Optional<CommandResult> run(String command, HostState host) {
        return run(command, host, StandardInput.empty());
    }

    @Override
    public Optional<CommandResult> run(String command, HostState host, StandardInput input) {
        Optional<SimpleCommand> parsed = ShellWords.parse(command);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        SimpleCommand c = parsed.get();
        if (c.words().size() == 1 && c.word(0).equals("cat") && c.redirect() != null) {
            return Optional.of(writeInput(c.redirect(), host, input));
        }
        if (c.redirect() != null && !c.word(0).equals("printf")) {
            return Optional.empty();
        }
        return switch (c.word(0)) {
            case "install" -> Optional.of(installDirectory(c, host));
            case "printf" -> Optional.of(printf(c, host));
            case "chown" -> Optional.of(chown(c, host));
            case "chmod" -> Optional.of(chmod(c, host));
            case "stat" -> Optional.of(stat(c, host));
            case "grep" -> Optional.of(grep(c, host));
            case "cat" -> Optional.of(cat(c, host));
            case "test" -> Optional.of(test(c, host));
            case "touch" -> Optional.of(touch(c, host));
            case "mv" -> Optional.of(mv(c, host));
            case "rm" -> Optional.of(remove(c, host));
            case "ls" -> Optional.of(list(c, host));
            default -> Optional.empty();
        };
    }

    /** {@code cat > FILE}: the file gets standard input; an existing file keeps its owner and mode, as with a shell. */
    private static CommandResult writeInput(Redirect redirect, HostState host, StandardInput input) {
        String path = redirect.path();
        if (!host.directories.contains(parentOf(path))) {
            return CommandResult.failed(1, "bash: " + path + ": No such file or directory");
        }
        String content = input.readAll();
        if (redirect.append()) {
            host.files.merge(path, content, String::concat);
        } else {
            host.files.put(path, content);
        }
        return CommandResult.ok();
    }

    private static CommandResult touch(SimpleCommand c, HostState host) {
        if (c.words().size() != 2) {
            return CommandResult.failed(1, "touch: simulated host models only 'touch PATH'");
        }
        String path = c.word(1);
        if (!host.directories.contains(parentOf(path))) {
            return CommandResult.failed(1, "touch: cannot touch '" + path + "': No such file or directory");
        }
        if (!host.directories.contains(path)) {
            host.files.putIfAbsent(path, "");
        }
        return CommandResult.ok();
    }

    private static CommandResult remove(SimpleCommand c, HostState host) {
        if (c.words().size() < 3 || !c.word(1).equals("-f")) {
            return CommandResult.failed(1, "rm: simulated host models only 'rm -f FILE...'");
        }
        for (String path : c.wordsFrom(2)) {
            if (host.directories.contains(path)) {
                return CommandResult.failed(1, "rm: cannot remove '" + path + "': Is a directory");
            }
            forget(host, path);
            SwapCommands.unlinked(host, path);
        }
        return CommandResult.ok();
    }

    private static CommandResult list(SimpleCommand c, HostState host) {
        if (c.words().size() != 3 || !c.word(1).equals("-1")) {
            return CommandResult.failed(2, "ls: simulated host models only 'ls -1 DIRECTORY'");
        }
        String directory = c.word(2);
        if (!host.directories.contains(directory)) {
            return CommandResult.failed(2, "ls: cannot access '" + directory + "': No such file or directory");
        }
        StringBuilder out = new StringBuilder();
        Stream.concat(host.files.keySet().stream(), host.directories.stream())
                .filter(path -> parentOf(path).equals(directory))
                .map(path -> path.substring(directory.length() + 1))
                .sorted()
                .forEach(name -> out.append(name).append('\n'));
        return CommandResult.ok(out.toString());
    }

    private static CommandResult installDirectory(SimpleCommand c, HostState host) {
        String mode = "755";
        String owner = "root";
        String group = "root";
        String path = null;
        List<String> args = c.wordsFrom(1);
        if (!args.contains("-d")) {
            return CommandResult.failed(1, "install: simulated host models only 'install -d'");
        }
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "-d" -> {}
                case "-m" -> mode = args.get(++i);
                case "-o" -> owner = args.get(++i);
                case "-g" -> group = args.get(++i);
                default -> path = args.get(i);
            }
        }
        if (path == null || !path.startsWith("/")) {
            return CommandResult.failed(1, "install: missing absolute directory operand");
        }
        if (!host.users.containsKey(owner)) {
            return CommandResult.failed(1, "install: invalid user '" + owner + "'");
        }
        for (String parent = parentOf(path); !parent.equals("/"); parent = parentOf(parent)) {
            host.directories.add(parent);
        }
        host.directories.add(path);
        host.attributes.put(path, new FileAttributes(owner, group, mode));
        return CommandResult.ok();
    }

    private static CommandResult printf(SimpleCommand c, HostState host) {
        String format = c.word(1);
        List<String> args = c.wordsFrom(2);
        String output;
        if (format.equals("%s\\n")) {
            StringBuilder lines = new StringBuilder();
            (args.isEmpty() ? List.of("") : args)
                    .forEach(arg -> lines.append(arg).append('\n'));
            output = lines.toString();
        } else if (format.equals("%s")) {
            output = String.join("", args);
        } else {
            return CommandResult.failed(1, "printf: simulated host models only the formats '%s' and '%s\\n'");
        }
        Redirect redirect = c.redirect();
        if (redirect == null) {
            return CommandResult.ok(output);
        }
        String path = redirect.path();
        if (!host.directories.contains(parentOf(path))) {
            return CommandResult.failed(1, "bash: " + path + ": No such file or directory");
        }
        if (redirect.append()) {
            host.files.merge(path, output, String::concat);
        } else {
            host.settings.remove(METADATA + "size." + path);
            host.files.put(path, output);
        }
        return CommandResult.ok();
    }

    private static CommandResult chown(SimpleCommand c, HostState host) {
        if (c.words().size() != 3) {
            return CommandResult.failed(1, "chown: simulated host models only 'chown OWNER[:GROUP] PATH'");
        }
        String[] ownerGroup = c.word(1).split(":", 2);
        String path = c.word(2);
        if (!host.users.containsKey(ownerGroup[0])) {
            return CommandResult.failed(1, "chown: invalid user: '" + c.word(1) + "'");
        }
        if (!exists(host, path)) {
            return CommandResult.failed(1, "chown: cannot access '" + path + "': No such file or directory");
        }
        String group =
                ownerGroup.length == 2 ? ownerGroup[1] : host.attributesOf(path).group();
        host.attributes.put(path, host.attributesOf(path).withOwner(ownerGroup[0], group));
        return CommandResult.ok();
    }

    private static CommandResult chmod(SimpleCommand c, HostState host) {
        if (c.words().size() != 3 || !c.word(1).matches("0?[0-7]{3}")) {
            return CommandResult.failed(1, "chmod: simulated host models only 'chmod OCTAL PATH'");
        }
        String path = c.word(2);
        if (!exists(host, path)) {
            return CommandResult.failed(1, "chmod: cannot access '" + path + "': No such file or directory");
        }
        String mode = c.word(1).length() == 4 ? c.word(1).substring(1) : c.word(1);
        host.attributes.put(path, host.attributesOf(path).withMode(mode));
        return CommandResult.ok();
    }

    private static CommandResult stat(SimpleCommand c, HostState host) {
        if (c.words().size() < 4 || !c.word(1).equals("-c")) {
            return CommandResult.failed(1, "stat: simulated host models only 'stat -c FORMAT PATH...'");
        }
        StringBuilder out = new StringBuilder();
        for (String path : c.wordsFrom(3)) {
            if (!exists(host, path)) {
                return new CommandResult(
                        1, out.toString(), "stat: cannot statx '" + path + "': No such file or directory");
            }
            FileAttributes attributes = host.attributesOf(path);
            out.append(c.word(2)
                            .replace("%U", attributes.owner())
                            .replace("%G", attributes.group())
                            .replace("%a", attributes.mode())
                            .replace("%s", String.valueOf(size(host, path)))
                            .replace("%n", path))
                    .append('\n');
        }
        return CommandResult.ok(out.toString());
    }

    private static CommandResult grep(SimpleCommand c, HostState host) {
        if (c.words().size() != 4 || !c.word(1).equals("-qxF")) {
            return CommandResult.failed(2, "grep: simulated host models only 'grep -qxF LINE FILE'");
        }
        String content = host.files.get(c.word(3));
        if (content == null) {
            return CommandResult.failed(2, "grep: " + c.word(3) + ": No such file or directory");
        }
        return content.lines().anyMatch(c.word(2)::equals) ? CommandResult.ok() : CommandResult.failed(1, "");
    }

    private static CommandResult cat(SimpleCommand c, HostState host) {
        StringBuilder out = new StringBuilder();
        for (String path : c.wordsFrom(1)) {
            String content = host.files.get(path);
            if (content == null) {
                return new CommandResult(1, out.toString(), "cat: " + path + ": No such file or directory");
            }
            out.append(content);
        }
        return CommandResult.ok(out.toString());
    }

    private static CommandResult test(SimpleCommand c, HostState host) {
        if (c.words().size() != 3) {
            return CommandResult.failed(2, "test: simulated host models only 'test -f PATH' and 'test -d PATH'");
        }
        boolean result = switch (c.word(1)) {
            case "-f" -> host.files.containsKey(c.word(2));
            case "-d" -> host.directories.contains(c.word(2));
            case "-e" -> exists(host, c.word(2));
            default -> false;
        };
        return result ? CommandResult.ok() : CommandResult.failed(1, "");
    }

    private static CommandResult mv(SimpleCommand c, HostState host) {
        if (c.words().size() != 3) {
            return CommandResult.failed(1, "mv: simulated host models only 'mv SOURCE TARGET'");
        }
        String source = c.word(1);
        String target = c.word(2);
        if (!host.files.containsKey(source)) {
            return CommandResult.failed(1, "mv: cannot stat '" + source + "': No such file or directory");
        }
        if (!host.directories.contains(parentOf(target))) {
            return CommandResult.failed(
                    1, "mv: cannot move '" + source + "' to '" + target + "': No such file or directory");
        }
        String content = host.files.remove(source);
        FileAttributes attributes = host.attributesOf(source);
        forget(host, target);
        host.files.put(target, content);
        host.attributes.put(target, attributes);
        for (String key : List.copyOf(host.settings.keySet())) {
            if (key.startsWith(METADATA) && key.endsWith("." + source)) {
                String value = host.settings.remove(key);
                host.settings.put(key.substring(0, key.length() - source.length()) + target, value);
            }
        }
        host.attributes.remove(source);
        return CommandResult.ok();
    }

    private static void forget(HostState host, String path) {
        host.files.remove(path);
        host.attributes.remove(path);
        host.settings.keySet().removeIf(key -> key.startsWith(METADATA) && key.endsWith("." + path));
    }

    /** A file's size in bytes: as allocated ({@code fallocate}), else its content's. */
    public static long size(HostState host, String path) {
        String allocated = host.settings.get(METADATA + "size." + path);
        return allocated != null
                ? Long.parseLong(allocated)
                : host.files.getOrDefault(path, "").getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    static void setSize(HostState host, String path, long bytes) {
        host.settings.put(METADATA + "size." + path, String.valueOf(bytes));
    }

    static boolean exists(HostState host, String path) {
        return host.files.containsKey(path) || host.directories.contains(path);
    }

    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /** Lines of a file, for checks and tests; empty for a missing file. */
    public static List<String> lines(HostState host, String path) {
        return new ArrayList<>(host.files.getOrDefault(path, "").lines().toList());
    }
}
