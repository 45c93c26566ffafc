package dev.rainmaker.localcloud.hosts.model;

import java.util.Optional;

/**
 * One family of commands a simulated host understands (packages, services, users, ...): reads and changes the host's
 * state the way the real command would on Debian 12. Returns empty for a command of another family; a command no
 * model understands fails with exit status 127, so a recipe that drifts from what the models know fails loudly.
 */
public interface CommandModel {

    Optional<CommandResult> run(String command, HostState host);
}
