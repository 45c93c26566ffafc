package dev.rainmaker.hostaccess;

/**
 * The SSH session to a host broke while a command ran (the host rebooted, sshd restarted, the network went). Whether
 * the command ran, partly or at all, is unknown; steps check before they change, so running them again is safe.
 */
public class ConnectionLost extends RuntimeException {

    private final String host;
    private final String commandStart;

    public ConnectionLost(String host, String command, Throwable cause) {
        super(
                "lost the SSH connection to " + host + " while running: " + CommandStart.of(command) + " ("
                        + cause.getMessage() + ")",
                cause);
        this.host = host;
        this.commandStart = CommandStart.of(command);
    }

    public String host() {
        return host;
    }

    /** The command's first words (commands may carry whole files). */
    public String commandStart() {
        return commandStart;
    }
}
