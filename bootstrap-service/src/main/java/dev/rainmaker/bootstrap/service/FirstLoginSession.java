package dev.rainmaker.bootstrap.service;

import dev.rainmaker.bootstrap.domain.CommandOutput;

/**
 * The session of a droplet's first login, opened accepting its boot host key or its final one: says which the host
 * presented, and can hand a command its standard input (never its command line) to carry a secret.
 */
public interface FirstLoginSession extends HostSession {

    String presentedHostKeyFingerprint();

    CommandOutput run(String command, byte[] standardInput);
}
