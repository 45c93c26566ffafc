package dev.rainmaker.localcloud.hosts.model;

import java.security.KeyPair;
import java.util.Optional;

import dev.rainmaker.localcloud.hosts.model.ShellWords.SimpleCommand;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * {@code ssh-keygen -y -f FILE}: prints the public key of a private key file, as OpenSSH's ssh-keygen does; refuses a
 * file others may read, and a file that holds no key.
 */
public final class SshKeygenCommands implements CommandModel {

    @Override
    public Optional<CommandResult> run(String command, HostState host) {
        Optional<SimpleCommand> parsed = ShellWords.parse(command);
        if (parsed.isEmpty() || !parsed.get().word(0).equals("ssh-keygen")) {
            return Optional.empty();
        }
        SimpleCommand c = parsed.get();
        if (c.words().size() != 4 || !c.word(1).equals("-y") || !c.word(2).equals("-f") || c.redirect() != null) {
            return Optional.of(
                    CommandResult.failed(1, "ssh-keygen: simulated host models only 'ssh-keygen -y -f FILE'"));
        }
        String path = c.word(3);
        if (!host.files.containsKey(path)) {
            return Optional.of(CommandResult.failed(255, path + ": No such file or directory"));
        }
        if (!HostKeyFiles.protectedFile(host, path)) {
            return Optional.of(CommandResult.failed(
                    255,
                    "Permissions 0" + host.attributesOf(path).mode() + " for '" + path + "' are too open.\n"
                            + "Load key \"" + path + "\": bad permissions"));
        }
        Optional<KeyPair> key = HostKeyFiles.load(host, path);
        if (key.isEmpty()) {
            return Optional.of(CommandResult.failed(255, "Load key \"" + path + "\": invalid format"));
        }
        return Optional.of(CommandResult.ok(PublicKeyEntry.toString(key.get().getPublic()) + " root@localhost\n"));
    }
}
