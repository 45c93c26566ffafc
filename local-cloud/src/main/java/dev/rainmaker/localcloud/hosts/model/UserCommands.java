package dev.rainmaker.localcloud.hosts.model;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.rainmaker.localcloud.hosts.model.ShellWords.SimpleCommand;

/**
 * Local users and groups as Debian's {@code id}, {@code useradd} and {@code usermod} see them. Every user has a
 * primary group of its own name (USERGROUPS_ENAB), listed first by {@code id -nG}.
 */
public final class UserCommands implements CommandModel {

    private static final String VALID_NAME = "[a-z_][a-z0-9_-]*\\$?";

    @Override
    public Optional<CommandResult> run(String command, HostState host) {
        Optional<SimpleCommand> parsed = ShellWords.parse(command);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        SimpleCommand c = parsed.get();
        return switch (c.word(0)) {
            case "id" -> Optional.of(id(c, host));
            case "useradd" -> Optional.of(useradd(c, host));
            case "usermod" -> Optional.of(usermod(c, host));
            default -> Optional.empty();
        };
    }

    /** Creates a user as {@code useradd} does; used when a host boots too. */
    public static void addUser(HostState host, String name, int uid, String home) {
        host.settings.put(groupKey(name), String.valueOf(uid));
        host.settings.put("user." + name + ".uid", String.valueOf(uid));
        host.settings.put("user." + name + ".home", home);
        host.users.put(name, new LinkedHashSet<>(List.of(name)));
    }

    public static void addGroup(HostState host, String group, int gid) {
        host.settings.put(groupKey(group), String.valueOf(gid));
    }

    public static String home(HostState host, String user) {
        return host.settings.getOrDefault("user." + user + ".home", "/home/" + user);
    }

    private static CommandResult id(SimpleCommand c, HostState host) {
        if (c.words().size() != 3) {
            return CommandResult.failed(1, "id: simulated host models only 'id -u NAME' and 'id -nG NAME'");
        }
        String user = c.word(2);
        if (!host.users.containsKey(user)) {
            return CommandResult.failed(1, "id: '" + user + "': no such user");
        }
        return switch (c.word(1)) {
            case "-u" -> CommandResult.ok(host.settings.get("user." + user + ".uid") + "\n");
            case "-nG" -> CommandResult.ok(groupsOf(host, user) + "\n");
            default -> CommandResult.failed(1, "id: invalid option '" + c.word(1) + "'");
        };
    }

    private static String groupsOf(HostState host, String user) {
        Set<String> others = new TreeSet<>(host.users.get(user));
        others.remove(user);
        return others.isEmpty() ? user : user + " " + String.join(" ", others);
    }

    private static CommandResult useradd(SimpleCommand c, HostState host) {
        boolean createHome = false;
        List<String> groups = List.of();
        String name = null;
        List<String> args = c.wordsFrom(1);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-m", "--create-home" -> createHome = true;
                case "-U", "--user-group" -> {}
                case "-s", "--shell" -> i++;
                case "-G", "--groups" -> groups = Arrays.asList(args.get(++i).split(","));
                default -> {
                    if (arg.startsWith("-") || name != null) {
                        return CommandResult.failed(2, "useradd: simulated host does not model option '" + arg + "'");
                    }
                    name = arg;
                }
            }
        }
        if (name == null || !name.matches(VALID_NAME) || name.length() > 32) {
            return CommandResult.failed(3, "useradd: invalid user name '" + name + "'");
        }
        if (host.users.containsKey(name)) {
            return CommandResult.failed(9, "useradd: user '" + name + "' already exists");
        }
        for (String group : groups) {
            if (!groupExists(host, group)) {
                return CommandResult.failed(6, "useradd: group '" + group + "' does not exist");
            }
        }
        int uid = 1000
                + (int) host.users.keySet().stream()
                        .filter(u -> Integer.parseInt(host.settings.get("user." + u + ".uid")) >= 1000)
                        .count();
        String home = "/home/" + name;
        addUser(host, name, uid, home);
        host.users.get(name).addAll(groups);
        if (createHome) {
            host.directories.add(home);
            host.attributes.put(home, new FileAttributes(name, name, "755"));
        }
        return CommandResult.ok();
    }

    private static CommandResult usermod(SimpleCommand c, HostState host) {
        if (c.words().size() != 4 || !c.word(1).equals("-aG")) {
            return CommandResult.failed(2, "usermod: simulated host models only 'usermod -aG GROUPS NAME'");
        }
        String user = c.word(3);
        if (!host.users.containsKey(user)) {
            return CommandResult.failed(6, "usermod: user '" + user + "' does not exist");
        }
        List<String> groups = Arrays.asList(c.word(2).split(","));
        for (String group : groups) {
            if (!groupExists(host, group)) {
                return CommandResult.failed(6, "usermod: group '" + group + "' does not exist");
            }
        }
        host.users.get(user).addAll(groups);
        return CommandResult.ok();
    }

    private static boolean groupExists(HostState host, String group) {
        return host.settings.containsKey(groupKey(group));
    }

    private static String groupKey(String group) {
        return "group." + group;
    }
}
