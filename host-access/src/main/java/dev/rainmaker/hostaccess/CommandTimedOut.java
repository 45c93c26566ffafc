package dev.rainmaker.hostaccess;

import java.time.Duration;

/**
 * A command on a host that did not finish within the command timeout ({@code rainmaker.ssh.command-timeout}); it may
 * still be running there. The stages give up on the customer today; this is its own type so that a stage can decide
 * in one place to look at the host and resume instead.
 */
public class CommandTimedOut extends RuntimeException {

    private final String host;
    private final String commandStart;
    private final Duration timeout;

    public CommandTimedOut(String host, String command, Duration timeout) {
        super("a command on " + host + " did not finish within " + timeout + ": " + CommandStart.of(command));
        this.host = host;
        this.commandStart = CommandStart.of(command);
        this.timeout = timeout;
    }

    public String host() {
        return host;
    }

    /** The command's first words (commands may carry whole files). */
    public String commandStart() {
        return commandStart;
    }

    public Duration timeout() {
        return timeout;
    }
}
