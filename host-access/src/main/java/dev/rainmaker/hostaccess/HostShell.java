package dev.rainmaker.hostaccess;

/** A shell on one host, as root: runs one command line at a time. */
public interface HostShell extends AutoCloseable {

    /**
     * Runs the command; a non-zero exit status is returned, not thrown.
     *
     * @throws CommandTimedOut when the command outlives the command timeout
     * @throws ConnectionLost when the SSH session breaks while the command runs
     */
    CommandOutput run(String command);

    /** Where this shell runs, for messages: the droplet's name and address. */
    String host();

    @Override
    void close();
}
