package dev.rainmaker.stack.service;

import java.util.List;

import dev.rainmaker.hostaccess.CommandOutput;

/**
 * One thing that must be true on a host, with the command that checks it and the commands that make it so. A step
 * whose check passes changes nothing; a step without changes is a pure verification.
 */
public interface HostStep {

    /** What is true once the step is done, e.g. "memcached listens on 127.0.0.1:11211 only". */
    String name();

    String check();

    /** Whether the check's output says the step is done; by default, the check succeeded. */
    default boolean satisfiedBy(CommandOutput checkOutput) {
        return checkOutput.succeeded();
    }

    /** Commands run in order when the check fails; the first that fails stops the step. */
    List<String> apply();
}
