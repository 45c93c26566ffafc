package dev.rainmaker.localcloud.hosts.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.rainmaker.localcloud.hosts.model.ShellWords.SimpleCommand;

/**
 * Swap files as util-linux and systemd handle them on a DigitalOcean droplet (a KVM machine, not a container):
 * {@code fallocate -l BYTES FILE}, {@code mkswap FILE}, {@code swaplabel FILE}, {@code swapon FILE},
 * {@code swapon --show=NAME --noheadings} and {@code systemd-detect-virt --container} ({@code none}, exit status 1).
 */
public final class SwapCommands implements CommandModel {

    private static final String ACTIVE = "swap.active";

    @Override
    public Optional<CommandResult> run(String command, HostState host) {
        Optional<SimpleCommand> parsed = ShellWords.parse(command);
        if (parsed.isEmpty() || parsed.get().redirect() != null) {
            return Optional.empty();
        }
        SimpleCommand c = parsed.get();
        return switch (c.word(0)) {
            case "fallocate" -> Optional.of(fallocate(c, host));
            case "mkswap" -> Optional.of(mkswap(c, host));
            case "swaplabel" -> Optional.of(swaplabel(c, host));
            case "swapon" -> Optional.of(swapon(c, host));
            case "systemd-detect-virt" ->
                Optional.of(
                        c.words().equals(List.of("systemd-detect-virt", "--container"))
                                ? new CommandResult(1, "none\n", "")
                                : CommandResult.failed(
                                        1, "systemd-detect-virt: simulated host models only --container"));
            default -> Optional.empty();
        };
    }

    /** The swap files in use, as {@code swapon --show} lists them. */
    public static List<String> active(HostState host) {
        String active = host.settings.getOrDefault(ACTIVE, "");
        return active.isEmpty() ? List.of() : List.of(active.split(","));
    }

    /**
     * A swap file in use whose name was removed stays in use, as Linux keeps the deleted inode: {@code swapon --show}
     * lists it as {@code FILE (deleted)}, and a new file made under the name is another file (mkswap is not refused).
     */
    static void unlinked(HostState host, String path) {
        List<String> active = new ArrayList<>(active(host));
        if (active.contains(path)) {
            active.replaceAll(name -> name.equals(path) ? path + " (deleted)" : name);
            host.settings.put(ACTIVE, String.join(",", active));
        }
    }

    private static CommandResult fallocate(SimpleCommand c, HostState host) {
        if (c.words().size() != 4 || !c.word(1).equals("-l") || !c.word(2).matches("\\d{1,15}")) {
            return CommandResult.failed(1, "fallocate: simulated host models only 'fallocate -l BYTES FILE'");
        }
        String path = c.word(3);
        if (!host.directories.contains(FileCommands.parentOf(path))
                && !FileCommands.parentOf(path).equals("/")) {
            return CommandResult.failed(1, "fallocate: cannot open " + path + ": No such file or directory");
        }
        host.files.putIfAbsent(path, "");
        FileCommands.setSize(host, path, Math.max(Long.parseLong(c.word(2)), FileCommands.size(host, path)));
        host.settings.remove(swapKey(path));
        return CommandResult.ok();
    }

    private static CommandResult mkswap(SimpleCommand c, HostState host) {
        String path = c.word(1);
        if (c.words().size() != 2 || !host.files.containsKey(path)) {
            return CommandResult.failed(1, "mkswap: cannot open " + path + ": No such file or directory");
        }
        if (active(host).contains(path)) {
            return CommandResult.failed(1, "mkswap: " + path + ": Device or resource busy");
        }
        long size = FileCommands.size(host, path);
        if (size < 40960) {
            return CommandResult.failed(1, "mkswap: error: swap area needs to be at least 40 KiB");
        }
        String uuid = UUID.randomUUID().toString();
        host.settings.put(swapKey(path), uuid);
        String warning = host.attributesOf(path).mode().equals("600")
                ? ""
                : "mkswap: " + path + ": insecure permissions "
                        + host.attributesOf(path).mode() + ", fix with: chmod 0600 " + path + "\n";
        return new CommandResult(
                0,
                "Setting up swapspace version 1, size = " + (size - 4096) / 1024 / 1024 + " MiB (" + (size - 4096)
                        + " bytes)\nno label, UUID=" + uuid + "\n",
                warning);
    }

    private static CommandResult swaplabel(SimpleCommand c, HostState host) {
        String path = c.word(1);
        String uuid = host.settings.get(swapKey(path));
        if (c.words().size() != 2 || uuid == null) {
            return CommandResult.failed(1, "swaplabel: " + path + ": not a valid swap partition");
        }
        return CommandResult.ok("UUID:  " + uuid + "\n");
    }

    private static CommandResult swapon(SimpleCommand c, HostState host) {
        if (c.words().equals(List.of("swapon", "--show=NAME", "--noheadings"))) {
            StringBuilder out = new StringBuilder();
            active(host).forEach(path -> out.append(path).append('\n'));
            return CommandResult.ok(out.toString());
        }
        String path = c.word(1);
        if (c.words().size() != 2 || path.startsWith("-")) {
            return CommandResult.failed(1, "swapon: simulated host models only 'swapon FILE' and '--show'");
        }
        if (!host.settings.containsKey(swapKey(path))) {
            return CommandResult.failed(255, "swapon: " + path + ": read swap header failed");
        }
        List<String> active = new ArrayList<>(active(host));
        if (active.contains(path)) {
            return CommandResult.failed(255, "swapon: " + path + ": swapon failed: Device or resource busy");
        }
        active.add(path);
        host.settings.put(ACTIVE, String.join(",", active));
        return CommandResult.ok();
    }

    private static String swapKey(String path) {
        return FileCommands.METADATA + "swap-uuid." + path;
    }
}
