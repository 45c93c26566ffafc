package dev.rainmaker.bootstrap.service;

import dev.rainmaker.bootstrap.domain.CommandOutput;

/** A logged-in session on one host, as root. */
public interface HostSession extends AutoCloseable {

    CommandOutput run(String command);

    @Override
    void close();
}
