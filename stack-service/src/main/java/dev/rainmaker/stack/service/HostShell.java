package dev.rainmaker.stack.service;

import dev.rainmaker.stack.domain.CommandOutput;

/** A shell on one host, as root: runs one command line at a time. */
public interface HostShell extends AutoCloseable {

    /** Runs the command; a non-zero exit status is returned, not thrown. */
    CommandOutput run(String command);

    /** Where this shell runs, for messages: the droplet's name and address. */
    String host();

    @Override
    void close();
}
