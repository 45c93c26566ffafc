package dev.rainmaker.localcloud.hosts.model;

import java.util.ArrayList;
import java.util.List;

/** The command models a simulated host answers with, in the order they are asked. */
public final class CommandModels {

    private CommandModels() {}

    /** Everything a Debian 12 droplet understands: the stack's commands first, then the base system's. */
    public static List<CommandModel> debian12() {
        List<CommandModel> models = new ArrayList<>(stack());
        models.addAll(baseSystem());
        return List.copyOf(models);
    }

    /**
     * The web stack's commands (nginx, MariaDB, PHP-FPM, memcached, Munin): the one place their models are registered.
     * They come before the base system's so a stack model can answer more precisely for a command both understand.
     */
    static List<CommandModel> stack() {
        return List.of(new StackCommands());
    }

    /**
     * What hardening uses: cloud-init, time zone, users, files, sshd and its host keys, ufw, sudoers, fail2ban, apt's
     * configuration, swap, packages, what runs on the host, and services.
     */
    static List<CommandModel> baseSystem() {
        return List.of(
                new CloudInitCommands(),
                new TimezoneCommands(),
                new UserCommands(),
                new FileCommands(),
                new SshdCommands(),
                new SshKeygenCommands(),
                new FirewallCommands(),
                new SudoersCommands(),
                new Fail2banCommands(),
                new AptConfigCommands(),
                new SwapCommands(),
                new PackageCommands(),
                new ProcessCommands(),
                new ServiceCommands());
    }
}
