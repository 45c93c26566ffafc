package dev.rainmaker.localcloud.hosts;

/**
 * Gives each droplet of the DigitalOcean stand-in a machine to SSH into. The stand-in calls {@link #boot} when a
 * droplet is created and reports the droplet {@code active}, with the host's address as its public IPv4, once both
 * the boot delay has passed and {@code boot} has returned.
 */
public interface HostProvider extends AutoCloseable {

    /** Boots a host for the droplet, configured from its cloud-init {@code user_data}; returns its IPv4 address. */
    String boot(HostSpec spec);

    /** Stops and removes the droplet's host; does nothing for an unknown droplet. */
    void destroy(long dropletId);

    /** The TCP port the hosts' sshd listens on. */
    int sshPort();

    /** The TCP port the hosts' web server (the customer's app) answers on. */
    default int appPort() {
        return 80;
    }

    @Override
    void close();
}
