package dev.rainmaker.hostaccess;

/**
 * The shell of a droplet's first login, opened accepting its boot host key or its final one: says which the host
 * presented, and can hand a command its standard input (never its command line) to carry a secret.
 */
public interface FirstLoginShell extends HostShell {

    /** {@code SHA256:...}: the key the host presented to this login. */
    String presentedHostKeyFingerprint();

    /** Runs the command with {@code standardInput} as its standard input, then end of file. */
    CommandOutput run(String command, byte[] standardInput);
}
