package dev.rainmaker.localcloud.hosts.model;

import java.util.Optional;

/**
 * One family of commands a simulated host understands (packages, services, users, ...): reads and changes the host's
 * state the way the real command would on Debian 12. Returns empty for a command of another family; a command no
 * model understands fails with exit status 127, so a recipe that drifts from what the models know fails loudly.
 */
public interface CommandModel {

    Optional<CommandResult> run(String command, HostState host);

    /** The same, for a model whose commands may read their standard input; the others ignore it. */
    default Optional<CommandResult> run(String command, HostState host, StandardInput input) {
        return run(command, host);
    }
}
